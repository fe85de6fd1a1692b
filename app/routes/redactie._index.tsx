import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DataTable } from "#app/components/data-table.tsx";
import { FilterForm } from "#app/components/filter-form.tsx";
import { CHAPTER_STATUSES, CHAPTER_STATUS_LABEL } from "#app/common/chapter-status.ts";
import { formatDateTime } from "#app/common/format.ts";
import { StatusBadge } from "#app/components/status-badge.tsx";
import { listChapterOrganisations, listDashboardChapters, parseDashboardFilter } from "#app/models/dashboard.server.ts";
import { countPendingReactions } from "#app/models/reader-comments.server.ts";
import { countOpenSubmissions } from "#app/models/tool-submissions/moderation.server.ts";
import { requireUserWithPermission } from "#app/utils/auth.server.ts";
import { getLocale, getTranslator } from "#app/utils/i18n.server.ts";
import { useT } from "#app/utils/root-data.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.pageTitle} — Kapittel` : "Kapittel" },
  { name: "robots", content: "noindex" },
];

/** The editor dashboard (/redactie): every chapter at a glance; editors and admins only. */
export async function loader({ request }: LoaderFunctionArgs) {
  // Editing any chapter is what makes someone part of the editorial team (editors and admins).
  await requireUserWithPermission(request, "update:chapter:any");
  const filter = parseDashboardFilter(new URL(request.url).searchParams);
  const [t, locale, chapters, organisations] = await Promise.all([
    getTranslator(request),
    getLocale(request),
    listDashboardChapters(filter),
    listChapterOrganisations(),
  ]);
  return {
    pageTitle: t("dashboard.pageTitle"),
    pendingReactions: await countPendingReactions(),
    openToolSubmissions: await countOpenSubmissions(),
    // The book's title next to each chapter only says something when there are several books.
    severalBooks: new Set(chapters.map((chapter) => chapter.book.slug)).size > 1,
    filter: { status: filter.status ?? "", organisation: filter.organisationSlug ?? "" },
    organisations,
    chapters: chapters.map((chapter) => ({
      ...chapter,
      lastActivity: formatDateTime(chapter.lastActivity, locale),
      lastActivityIso: chapter.lastActivity.toISOString(),
    })),
  };
}

export default function DashboardPage() {
  const t = useT();
  const { filter, organisations, chapters, severalBooks, pendingReactions, openToolSubmissions } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <header className="max-w-2xl">
        <h1 className="text-3xl font-semibold tracking-tight">{t("dashboard.heading")}</h1>
        <p className="mt-3 text-stone-700">{t("dashboard.intro")}</p>
        <p className="mt-2">
          <Link to="/redactie/reacties">{t("readerComments.moderation.dashboardLink", { count: pendingReactions })}</Link>
        </p>
        <p className="mt-1">
          <Link to="/redactie/gereedschap">{t("toolSubmissions.queue.dashboardLink", { count: openToolSubmissions })}</Link>
        </p>
        <p className="mt-1">
          <Link to="/redactie/evenementen">{t("events.manage.nav")}</Link>
        </p>
      </header>

      <FilterForm
        label={t("dashboard.filters")}
        idPrefix="dashboard"
        allLabel={t("dashboard.filter.all")}
        submitLabel={t("dashboard.filter.submit")}
        clear={{ to: "/redactie", label: t("dashboard.filter.reset") }}
        choices={[
          {
            name: "status",
            label: t("dashboard.filter.status"),
            value: filter.status,
            options: CHAPTER_STATUSES.map((status) => ({ value: status, label: t(CHAPTER_STATUS_LABEL[status]) })),
          },
          {
            name: "organisatie",
            label: t("dashboard.filter.organisation"),
            value: filter.organisation,
            options: organisations.map((organisation) => ({ value: organisation.slug, label: organisation.name })),
          },
        ]}
      />

      <p className="text-sm text-stone-700" role="status">
        {chapters.length === 1 ? t("dashboard.countOne") : t("dashboard.count", { count: chapters.length })}
      </p>

      {chapters.length === 0 ? (
        <p>{t("dashboard.none")}</p>
      ) : (
        <DataTable
          caption={t("dashboard.heading")}
          columns={[
            { label: t("dashboard.column.chapter") },
            { label: t("dashboard.column.status") },
            { label: t("dashboard.column.organisations") },
            { label: t("dashboard.column.authors") },
            { label: t("dashboard.column.words"), numeric: true },
            { label: t("dashboard.column.comments"), numeric: true },
            { label: t("dashboard.column.suggestions"), numeric: true },
            { label: t("dashboard.column.activity") },
            { label: t("dashboard.column.links") },
          ]}
          compact
        >
          {chapters.map((chapter) => {
            const base = `/boek/${chapter.book.slug}/${chapter.slug}`;
            return (
              <tr key={chapter.id} className="align-top" data-chapter={chapter.slug}>
                <th scope="row" className="min-w-48 px-2 py-2 font-medium">
                  <Link to={base}>{chapter.title}</Link>
                  <span className="block text-xs font-normal text-stone-600">
                    {severalBooks ? `${chapter.book.title} · ${chapter.part}` : chapter.part}
                  </span>
                </th>
                <td className="whitespace-nowrap px-2 py-2">
                  <StatusBadge status={chapter.status} />
                </td>
                <td className="px-2 py-2">{chapter.organisations.map((o) => o.name).join(", ")}</td>
                <td className="px-2 py-2">{chapter.authors.length > 0 ? chapter.authors.join(", ") : t("dashboard.noAuthors")}</td>
                <td className="px-2 py-2 text-right tabular-nums">{chapter.words}</td>
                <td className="px-2 py-2 text-right tabular-nums">{chapter.openComments}</td>
                <td className="px-2 py-2 text-right tabular-nums">{chapter.openSuggestions}</td>
                <td className="px-2 py-2">
                  <time dateTime={chapter.lastActivityIso}>{chapter.lastActivity}</time>
                </td>
                <td className="px-2 py-2">
                  <ul>
                    <li>
                      <Link to={`${base}/bewerken`} aria-label={t("dashboard.linkLabel", { action: t("dashboard.link.edit"), title: chapter.title })}>
                        {t("dashboard.link.edit")}
                      </Link>
                    </li>
                    <li>
                      <Link to={`${base}/revisies`} aria-label={t("dashboard.linkLabel", { action: t("dashboard.link.revisions"), title: chapter.title })}>
                        {t("dashboard.link.revisions")}
                      </Link>
                    </li>
                  </ul>
                </td>
              </tr>
            );
          })}
        </DataTable>
      )}
    </div>
  );
}
