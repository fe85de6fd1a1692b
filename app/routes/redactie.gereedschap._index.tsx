import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatDateTime } from "#app/common/format.ts";
import { DataTable } from "#app/components/data-table.tsx";
import { FilterForm } from "#app/components/filter-form.tsx";
import { OPEN_STATUSES, SUBMISSION_STATUSES, submissionStatusLabel, type SubmissionStatus } from "#app/components/tool-submissions/submission-schema.ts";
import { SubmissionStatusBadge } from "#app/components/tool-submissions/submission-status-badge.tsx";
import { listSubmissionQueue, requireToolModerator } from "#app/models/tool-submissions/moderation.server.ts";
import { getLocale } from "#app/utils/i18n.server.ts";
import { pageTitle } from "#app/utils/meta.ts";
import { useT } from "#app/utils/root-data.ts";

export const meta: MetaFunction<typeof loader> = ({ matches }) => [...pageTitle(matches, "toolSubmissions.queue.title"), { name: "robots", content: "noindex" }];

/** The moderation queue of "Tool aandragen" (/redactie/gereedschap): editors and admins only. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireToolModerator(request);
  const requested = new URL(request.url).searchParams.get("status") ?? "";
  const status = (SUBMISSION_STATUSES as readonly string[]).includes(requested) ? (requested as SubmissionStatus) : null;
  const [locale, submissions] = await Promise.all([getLocale(request), listSubmissionQueue(status ? [status] : OPEN_STATUSES)]);
  return {
    status: status ?? "",
    submissions: submissions.map((submission) => ({
      id: submission.id,
      status: submission.status,
      toolName: submission.tool.name,
      toolSummary: submission.tool.summary,
      attachments: submission.tool._count.attachments,
      submitterName: submission.submitterName,
      submitterEmail: submission.submitterEmail,
      withAccount: Boolean(submission.submitterId),
      submittedAt: formatDateTime(submission.createdAt, locale),
      submittedAtIso: submission.createdAt.toISOString(),
      decision: submission.moderatedAt ? { by: submission.moderatedBy?.name ?? "", at: formatDateTime(submission.moderatedAt, locale) } : null,
    })),
  };
}

export default function SubmissionQueuePage() {
  const t = useT();
  const { status, submissions } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link to="/redactie">← {t("toolSubmissions.queue.back")}</Link>
      </p>
      <header className="max-w-2xl">
        <h1 className="text-3xl font-semibold tracking-tight">{t("toolSubmissions.queue.title")}</h1>
        <p className="mt-3 text-stone-700">{t("toolSubmissions.queue.intro")}</p>
      </header>

      <FilterForm
        label={t("toolSubmissions.queue.filters")}
        idPrefix="submissions"
        allLabel={t("toolSubmissions.queue.open")}
        submitLabel={t("toolbox.filter.apply")}
        clear={{ to: "/redactie/gereedschap", label: t("toolSubmissions.queue.showOpen") }}
        choices={[
          {
            name: "status",
            label: t("toolSubmissions.queue.status"),
            value: status,
            options: SUBMISSION_STATUSES.map((s) => ({ value: s, label: t(submissionStatusLabel(s)) })),
          },
        ]}
      />

      <p className="text-sm text-stone-700" role="status">
        {submissions.length === 1 ? t("toolSubmissions.queue.countOne") : t("toolSubmissions.queue.count", { count: submissions.length })}
      </p>
      {submissions.length === 0 ? (
        <p>{t("toolSubmissions.queue.none")}</p>
      ) : (
        <DataTable
          caption={t("toolSubmissions.queue.title")}
          columns={[
            { label: t("toolSubmissions.queue.column.tool") },
            { label: t("toolSubmissions.queue.column.status") },
            { label: t("toolSubmissions.queue.column.submitter") },
            { label: t("toolSubmissions.queue.column.submitted") },
            { label: t("toolSubmissions.queue.column.decision") },
          ]}
        >
          {submissions.map((submission) => (
            <tr key={submission.id} className="align-top" data-submission={submission.id}>
              <th scope="row" className="px-4 py-2 font-medium">
                <Link to={`/redactie/gereedschap/inzending/${submission.id}`}>{submission.toolName}</Link>
                <span className="block text-xs font-normal text-stone-600">{submission.toolSummary}</span>
                {submission.attachments > 0 && (
                  <span className="block text-xs font-normal text-stone-600">{t("toolSubmissions.queue.attachments", { count: submission.attachments })}</span>
                )}
              </th>
              <td className="whitespace-nowrap px-4 py-2">
                <SubmissionStatusBadge status={submission.status} />
              </td>
              <td className="px-4 py-2">
                {submission.submitterName}
                <span className="block text-xs text-stone-600">
                  {submission.submitterEmail} · {t(submission.withAccount ? "toolSubmissions.submitter.account" : "toolSubmissions.submitter.visitor")}
                </span>
              </td>
              <td className="px-4 py-2">
                <time dateTime={submission.submittedAtIso}>{submission.submittedAt}</time>
              </td>
              <td className="px-4 py-2">{submission.decision ? t("toolSubmissions.decidedBy", { name: submission.decision.by, at: submission.decision.at }) : "—"}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}
