import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { formatDateTime } from "#app/common/format.ts";
import { FormMessage } from "#app/components/forms.tsx";
import { DecisionForms } from "#app/components/tool-submissions/decision-forms.tsx";
import { SubmissionDetails } from "#app/components/tool-submissions/submission-details.tsx";
import { SubmissionStatusBadge } from "#app/components/tool-submissions/submission-status-badge.tsx";
import { formatFileSize } from "#app/models/tool-attachments.server.ts";
import {
  allowedDecisions,
  decideSubmission,
  DECISIONS,
  findSubmissionForModeration,
  requireToolModerator,
  type Decision,
} from "#app/models/tool-submissions/moderation.server.ts";
import { readForm } from "#app/utils/csrf.server.ts";
import { httpError, notFound } from "#app/utils/http.server.ts";
import { getLocale, getTranslator } from "#app/utils/i18n.server.ts";
import { pageTitle } from "#app/utils/meta.ts";
import { useT } from "#app/utils/root-data.ts";
import { sanitizeChapterHtml } from "#app/utils/sanitize-html.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  ...pageTitle(matches, ...(data ? [{ text: data.submission.tool.name }] : []), "toolSubmissions.queue.title"),
  { name: "robots", content: "noindex" },
];

/** One submission in the queue: everything submitted, the last decision, and the decisions left. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireToolModerator(request);
  const submission = await findSubmissionForModeration(params.submissionId ?? "");
  if (!submission) throw await notFound(request);
  const locale = await getLocale(request);
  const decided = new URL(request.url).searchParams.get("besluit");
  return {
    decided: DECISIONS.includes(decided as Decision) ? (decided as Decision) : null,
    allowed: allowedDecisions(submission.status),
    submission: {
      id: submission.id,
      status: submission.status,
      submitterName: submission.submitterName,
      submitterEmail: submission.submitterEmail,
      withAccount: Boolean(submission.submitter),
      submittedAt: formatDateTime(submission.createdAt, locale),
      confirmedAt: submission.confirmedAt ? formatDateTime(submission.confirmedAt, locale) : null,
      decision: submission.moderatedAt
        ? { by: submission.moderatedBy?.name ?? "", at: formatDateTime(submission.moderatedAt, locale), message: submission.moderatorMessage }
        : null,
      tool: {
        ...submission.tool,
        descriptionHtml: sanitizeChapterHtml(submission.tool.descriptionHtml),
        attachments: submission.tool.attachments.map((a) => ({ id: a.id, title: a.title, url: a.url, size: formatFileSize(a.sizeBytes, locale) })),
      },
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  const moderator = await requireToolModerator(request);
  const intent = String(form.get("intent") ?? "");
  if (!DECISIONS.includes(intent as Decision)) throw await httpError(request, 400, "toolSubmissions.error.unknownDecision");
  const submissionId = params.submissionId ?? "";
  const result = await decideSubmission({ submissionId, decision: intent as Decision, message: String(form.get("message") ?? "").slice(0, 5000), moderatorId: moderator.id });
  if (result.ok) return redirect(`/redactie/gereedschap/inzending/${submissionId}?besluit=${intent}`);
  if (result.reason === "notFound") throw await notFound(request);
  const t = await getTranslator(request);
  if (result.reason === "messageRequired") {
    return data({ error: { intent, message: t(intent === "reject" ? "toolSubmissions.error.reasonRequired" : "toolSubmissions.error.questionRequired") } }, { status: 400 });
  }
  // Taken from a state that does not allow it: decided already (by someone else, or in another tab).
  return data({ error: { intent: "", message: t("toolSubmissions.error.transition") } }, { status: 409 });
}

export default function SubmissionPage() {
  const t = useT();
  const { submission, allowed, decided } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { tool } = submission;
  return (
    <div className="mx-auto max-w-5xl space-y-6">
      <p className="text-sm">
        <Link to="/redactie/gereedschap">← {t("toolSubmissions.queue.title")}</Link>
      </p>
      <header>
        <h1 className="text-3xl font-semibold tracking-tight">{tool.name}</h1>
        <p className="mt-2 flex flex-wrap items-center gap-3 text-sm text-stone-700">
          <SubmissionStatusBadge status={submission.status} />
          <span>
            {t("toolSubmissions.detail.by", { name: submission.submitterName, email: submission.submitterEmail, at: submission.submittedAt })} ·{" "}
            {t(submission.withAccount ? "toolSubmissions.submitter.account" : "toolSubmissions.submitter.visitor")}
            {submission.confirmedAt && ` · ${t("toolSubmissions.detail.confirmedAt", { at: submission.confirmedAt })}`}
          </span>
          <Link to={`/gereedschapskist/${tool.slug}`}>{t(tool.published ? "toolSubmissions.detail.viewTool" : "toolSubmissions.detail.preview")}</Link>
        </p>
      </header>

      {decided && <FormMessage tone="success">{t(`toolSubmissions.decided.${decided}`)}</FormMessage>}
      {actionData?.error && !actionData.error.intent && <FormMessage tone="error">{actionData.error.message}</FormMessage>}

      {submission.decision && (
        <section aria-labelledby="last-decision" className="rounded-lg border border-stone-200 bg-stone-50 p-4">
          <h2 id="last-decision" className="font-semibold">
            {t("toolSubmissions.detail.lastDecision")}
          </h2>
          <p className="mt-1 text-sm text-stone-700">{t("toolSubmissions.decidedBy", { name: submission.decision.by, at: submission.decision.at })}</p>
          {submission.decision.message && <p className="mt-2 whitespace-pre-line">{submission.decision.message}</p>}
        </section>
      )}

      <DecisionForms allowed={allowed} error={actionData?.error.intent ? actionData.error : null} />
      {allowed.length === 0 && <p className="text-stone-700">{t("toolSubmissions.detail.noDecisions")}</p>}

      <SubmissionDetails tool={tool} manageAttachments={`/redactie/gereedschap/bijlagen/${tool.slug}`} />
    </div>
  );
}
