import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormMessage } from "#app/components/forms.tsx";
import { ToolSubmissionSchema, VisitorToolSubmissionSchema, type VisitorToolSubmissionInput } from "#app/components/tool-submissions/submission-schema.ts";
import { ATTACHMENT_FIELD, HONEYPOT_FIELD, ToolSubmissionForm } from "#app/components/tool-submissions/tool-submission-form.tsx";
import { readFormWithDocument } from "#app/models/tool-attachments.server.ts";
import { submitTool, type Submitter } from "#app/models/tool-submissions.server.ts";
import { getUser } from "#app/utils/auth.server.ts";
import { db } from "#app/utils/db.server.ts";
import { getLocale, getTranslator } from "#app/utils/i18n.server.ts";
import { consumeToolSubmission } from "#app/utils/rate-limit.server.ts";
import { useT } from "#app/utils/root-data.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.pageTitle} — Kapittel` : "Kapittel" },
  { name: "description", content: data?.description ?? "" },
];

const DONE_PARAM = "ingediend";
/** Where the form and the e-mail links send people when they are done, and what they then read. */
const DONE_MESSAGES = {
  bevestigen: "toolSubmissions.done.confirm",
  ontvangen: "toolSubmissions.done.received",
  bevestigd: "toolSubmissions.confirm.done",
  bijgewerkt: "toolSubmissions.update.done",
} as const;

/** "Tool aandragen" (/gereedschapskist/aandragen): anyone proposes an existing tool for the toolbox. */
export async function loader({ request }: LoaderFunctionArgs) {
  const [t, user, organisations] = await Promise.all([
    getTranslator(request),
    getUser(request),
    db.organisation.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  const done = new URL(request.url).searchParams.get(DONE_PARAM);
  return {
    pageTitle: t("toolSubmissions.title"),
    description: t("toolSubmissions.intro"),
    user: user ? { name: user.name, email: user.email } : null,
    organisations,
    done: done && done in DONE_MESSAGES ? (done as keyof typeof DONE_MESSAGES) : null,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { form, document } = await readFormWithDocument(request, ATTACHMENT_FIELD);
  const user = await getUser(request);
  const schema = user ? ToolSubmissionSchema : VisitorToolSubmissionSchema;
  const submission = parseWithZod(form, { schema });
  const attachmentError = document && !document.ok ? document.error : null;
  if (submission.status !== "success" || attachmentError) {
    return data({ result: submission.reply(), attachmentError }, { status: 400 });
  }
  const value = submission.value;
  const submitter: Submitter = user
    ? { kind: "user", id: user.id, name: user.name, email: user.email }
    : { kind: "visitor", name: (value as VisitorToolSubmissionInput).submitterName, email: (value as VisitorToolSubmissionInput).submitterEmail };
  const done = (state: "bevestigen" | "ontvangen") => redirect(`/gereedschapskist/aandragen?${DONE_PARAM}=${state}`);
  // A filled-in honeypot is a robot: it is thanked like a person, and nothing is stored or sent.
  if (String(form.get(HONEYPOT_FIELD) ?? "")) return done(user ? "ontvangen" : "bevestigen");
  const waitSeconds = await consumeToolSubmission(user ? `user:${user.id}` : `ip:${context.clientIp}`, submitter.email);
  if (waitSeconds > 0) {
    const t = await getTranslator(request);
    const minutes = String(Math.ceil(waitSeconds / 60));
    return data({ result: submission.reply({ formErrors: [t("toolSubmissions.error.rateLimited", { minutes })] }), attachmentError: null }, { status: 429 });
  }
  const attached = document?.ok ? { title: value.attachmentTitle || value.name, bytes: document.bytes } : null;
  const result = await submitTool(value, submitter, attached, await getLocale(request));
  if (!result.ok) return data({ result: submission.reply({ fieldErrors: { [result.field]: [result.error] } }), attachmentError: null }, { status: 400 });
  return done(result.status === "unconfirmed" ? "bevestigen" : "ontvangen");
}

export default function SubmitToolPage() {
  const t = useT();
  const { user, organisations, done } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <p className="text-sm">
        <Link to="/gereedschapskist">← {t("toolbox.backToToolbox")}</Link>
      </p>
      <header>
        <h1 className="font-serif text-4xl font-semibold tracking-tight">{t("toolSubmissions.title")}</h1>
        <p className="mt-3 text-stone-700">{t("toolSubmissions.intro")}</p>
      </header>
      {done ? (
        <FormMessage tone="success">
          <p className="font-medium">{t(DONE_MESSAGES[done])}</p>
          <p className="mt-2">
            <Link to="/gereedschapskist/aandragen">{t("toolSubmissions.done.another")}</Link>
          </p>
        </FormMessage>
      ) : (
        <>
          <p className="text-sm text-stone-700">
            {user ? t("toolSubmissions.form.asUser", { name: user.name, email: user.email }) : t("toolSubmissions.form.asVisitor")}
          </p>
          <ToolSubmissionForm
            id="tool-submission"
            lastResult={actionData?.result}
            askContact={!user}
            organisations={organisations}
            attachmentError={actionData?.attachmentError}
            submitLabel={t("toolSubmissions.form.submit")}
            honeypot
          />
        </>
      )}
    </div>
  );
}
