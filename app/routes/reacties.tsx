import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, HeadersFunction, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { ErrorList, FormMessage } from "#app/components/forms.tsx";
import { REACTION_HONEYPOT, REACTION_POSTED, REACTION_POSTED_PARAM, ReactionSchema } from "#app/components/reader-comments/reaction-schema.ts";
import { postReaction } from "#app/models/reader-comments.server.ts";
import { reactionAnchor } from "#app/components/reader-comments/reaction-kinds.ts";
import { findPublicTarget } from "#app/models/reader-comments/targets.server.ts";
import { getUser } from "#app/utils/auth.server.ts";
import { readForm } from "#app/utils/csrf.server.ts";
import { notFound } from "#app/utils/http.server.ts";
import { getTranslator } from "#app/utils/i18n.server.ts";
import { pageTitle } from "#app/utils/meta.ts";
import { consumeReactionAllowance } from "#app/utils/rate-limit.server.ts";
import { useT } from "#app/utils/root-data.ts";

// The page shown after a refused document POST takes its headers from here: keep Retry-After.
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After");
  return retryAfter ? { "Retry-After": retryAfter } : new Headers();
};

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "readerComments.refused.title");

/**
 * POST a reaction (targetType, targetId, parentId?, authorName, authorEmail, body, notifyOnReply, csrf). Stored:
 * back to the page with a thanks (303). Refused: 404 when the target is not public, 400 with form
 * errors, 429 when the address or e-mail posted too often; the reactions form shows the message,
 * and without JavaScript this route's page does, with a link back.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const target = await findPublicTarget(String(form.get("targetType") ?? ""), String(form.get("targetId") ?? ""));
  if (!target) throw await notFound(request, "readerComments.error.noTarget");
  const user = await getUser(request);
  // A signed-in reader's reactions belong to their account: its address, not one typed in.
  if (user) form.set("authorEmail", user.email);
  const submission = parseWithZod(form, { schema: ReactionSchema });
  const t = await getTranslator(request);
  if (submission.status !== "success") return data({ result: submission.reply(), message: null, back: target.path }, { status: 400 });

  const waitSeconds = await consumeReactionAllowance(submission.value.authorEmail, context.clientIp);
  if (waitSeconds > 0) {
    return data(
      { result: submission.reply(), message: t("readerComments.error.rateLimited", { seconds: waitSeconds }), back: target.path },
      { status: 429, headers: { "Retry-After": String(waitSeconds) } },
    );
  }
  const thanks = (status: keyof typeof REACTION_POSTED, anchor: string) =>
    redirect(`${target.path}?${REACTION_POSTED_PARAM}=${REACTION_POSTED[status]}#${anchor}`, 303);
  // A robot that filled in the hidden field is thanked like a person, and its reaction is dropped.
  if (String(form.get(REACTION_HONEYPOT) ?? "") !== "") return thanks("pending", "reactie-bedankt");

  const outcome = await postReaction(target, submission.value, user && { id: user.id, email: user.email, role: user.role });
  if (!outcome.ok) {
    return data({ result: submission.reply({ formErrors: ["readerComments.error.parent"] }), message: null, back: target.path }, { status: 400 });
  }
  return outcome.status === "approved" ? thanks("approved", reactionAnchor(outcome.id)) : thanks("pending", "reactie-bedankt");
}

/**
 * Shown when a reaction posted without JavaScript was refused (with JavaScript the form shows the
 * message itself). No loader: after a refused document POST Remix renders this with the action's data.
 */
export default function ReactionRefused() {
  const t = useT();
  const result = useActionData<typeof action>();
  const errors = result ? [...(result.result.error?.[""] ?? []), ...Object.entries(result.result.error ?? {}).filter(([field]) => field !== "").flatMap(([, messages]) => messages ?? [])] : [];
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">{t("readerComments.refused.title")}</h1>
      {result?.message ? <FormMessage tone="error">{result.message}</FormMessage> : null}
      {errors.length > 0 ? (
        <div role="alert">
          <ErrorList errors={errors} />
        </div>
      ) : null}
      {!result ? <p>{t("readerComments.refused.nothing")}</p> : null}
      <p>
        <Link to={result ? `${result.back}#reacties` : "/"}>{t("readerComments.refused.back")}</Link>
      </p>
    </div>
  );
}
