import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { CsrfInput } from "#app/components/csrf-input.tsx";
import { FormMessage, SubmitButton } from "#app/components/forms.tsx";
import { isValidUnsubscribeSignature } from "#app/models/reader-comments/reply-email.server.ts";
import { db } from "#app/utils/db.server.ts";
import { readForm } from "#app/utils/csrf.server.ts";
import { notFound } from "#app/utils/http.server.ts";
import { pageTitle } from "#app/utils/meta.ts";
import { useT } from "#app/utils/root-data.ts";

export const meta: MetaFunction = ({ matches }) => [...pageTitle(matches, "readerComments.unsubscribe.title"), { name: "robots", content: "noindex" }];

/** The reaction a signed link in a reply e-mail is about, or a 404 for a wrong or stale link. */
async function reactionFromLink(request: Request, id: unknown, code: unknown) {
  if (typeof id !== "string" || typeof code !== "string" || !isValidUnsubscribeSignature(id, code)) {
    throw await notFound(request, "readerComments.unsubscribe.invalid");
  }
  const reaction = await db.readerComment.findUnique({ where: { id }, select: { id: true, body: true, notifyOnReply: true } });
  if (!reaction) throw await notFound(request, "readerComments.unsubscribe.invalid");
  return reaction;
}

/**
 * /reacties/afmelden?reactie=…&code=…: the "no more e-mails" link of a reply e-mail. Opening it
 * changes nothing (mail scanners open links); the button does.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const reaction = await reactionFromLink(request, url.searchParams.get("reactie"), url.searchParams.get("code"));
  return {
    id: reaction.id,
    code: url.searchParams.get("code") ?? "",
    excerpt: reaction.body.length > 120 ? `${reaction.body.slice(0, 120)}…` : reaction.body,
    already: !reaction.notifyOnReply,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const reaction = await reactionFromLink(request, form.get("reactie"), form.get("code"));
  await db.readerComment.update({ where: { id: reaction.id }, data: { notifyOnReply: false } });
  return data({ done: true });
}

export default function UnsubscribePage() {
  const t = useT();
  const { id, code, excerpt, already } = useLoaderData<typeof loader>();
  const done = useActionData<typeof action>()?.done || already;
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">{t("readerComments.unsubscribe.title")}</h1>
      {done ? (
        <FormMessage tone="success">{t("readerComments.unsubscribe.done")}</FormMessage>
      ) : (
        <Form method="post" className="space-y-4">
          <CsrfInput />
          <input type="hidden" name="reactie" value={id} />
          <input type="hidden" name="code" value={code} />
          <p>{t("readerComments.unsubscribe.explain", { excerpt })}</p>
          <SubmitButton>{t("readerComments.unsubscribe.submit")}</SubmitButton>
        </Form>
      )}
    </div>
  );
}
