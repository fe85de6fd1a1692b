import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { CsrfInput } from "#app/components/csrf-input.tsx";
import { SubmitButton } from "#app/components/forms.tsx";
import { confirmSubmission, findUnconfirmedSubmission } from "#app/models/tool-submissions.server.ts";
import { readForm } from "#app/utils/csrf.server.ts";
import { getLocale } from "#app/utils/i18n.server.ts";
import { pageTitle } from "#app/utils/meta.ts";
import { useT } from "#app/utils/root-data.ts";

export const meta: MetaFunction<typeof loader> = ({ matches }) => [...pageTitle(matches, "toolSubmissions.confirm.title"), { name: "robots", content: "noindex" }];

/**
 * The link in the confirmation e-mail. Opening it shows what will be confirmed; the button does it
 * (a POST), so a mail scanner that follows links does not confirm on the person's behalf.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const submission = await findUnconfirmedSubmission(params.token ?? "");
  // 410 Gone: confirmed already, expired, or never issued; the page explains.
  if (!submission) return data({ toolName: null }, { status: 410 });
  return { toolName: submission.toolName };
}

export async function action({ request, params }: ActionFunctionArgs) {
  await readForm(request);
  const confirmed = await confirmSubmission(params.token ?? "", await getLocale(request));
  if (!confirmed) return data({ confirmed: false as const }, { status: 410 });
  // Away from the link, which is used up now (reloading it would only say so).
  return redirect("/gereedschapskist/aandragen?ingediend=bevestigd");
}

export default function ConfirmSubmissionPage() {
  const t = useT();
  const { toolName } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  let body;
  if (!toolName || actionData) {
    body = <p>{t("toolSubmissions.confirm.invalid")}</p>;
  } else {
    body = (
      <Form method="post" className="space-y-4">
        <CsrfInput />
        <p>{t("toolSubmissions.confirm.intro", { tool: toolName })}</p>
        <SubmitButton busy={busy}>{t("toolSubmissions.confirm.button")}</SubmitButton>
      </Form>
    );
  }
  return (
    <section aria-labelledby="confirm-title" className="mx-auto max-w-xl rounded-lg border border-stone-200 bg-white p-6 shadow-sm">
      <h1 id="confirm-title" className="text-2xl font-semibold tracking-tight">
        {t("toolSubmissions.confirm.title")}
      </h1>
      <div className="mt-4 space-y-4">
        {body}
        <p className="text-sm">
          <Link to="/gereedschapskist">{t("toolbox.backToToolbox")}</Link>
        </p>
      </div>
    </section>
  );
}
