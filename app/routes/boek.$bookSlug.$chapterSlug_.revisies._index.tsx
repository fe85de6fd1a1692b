import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { DataTable } from "#app/components/data-table.tsx";
import { formatDateTime } from "#app/common/format.ts";
import { RevisionCompareForm } from "#app/components/revision-compare-form.tsx";
import { StatusBadge } from "#app/components/status-badge.tsx";
import { requireChapterRevisionsAccess, transitionLabel } from "#app/models/revision-history.server.ts";
import { listRevisions } from "#app/models/revisions.server.ts";
import { getLocale, getTranslator } from "#app/utils/i18n.server.ts";
import { useT } from "#app/utils/root-data.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.pageTitle} — ${data.chapter.book.title}` : "Kapittel" },
  { name: "robots", content: "noindex" },
];

/** The revisions of a chapter (/boek/<book>/<chapter>/revisies): for its authors and the editors. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { chapter } = await requireChapterRevisionsAccess(request, params);
  const [t, locale, revisions] = await Promise.all([getTranslator(request), getLocale(request), listRevisions(chapter.id)]);
  return {
    pageTitle: t("revisions.pageTitle", { title: chapter.title }),
    chapter: { slug: chapter.slug, title: chapter.title, status: chapter.status, book: chapter.book },
    revisions: revisions.map((revision) => ({
      number: revision.number,
      date: formatDateTime(revision.createdAt, locale),
      dateTime: revision.createdAt.toISOString(),
      author: revision.author?.name ?? null,
      transition: transitionLabel(t, revision.fromStatus, revision.toStatus),
      message: revision.message,
    })),
  };
}

export default function RevisionListPage() {
  const t = useT();
  const { chapter, revisions } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  // Set by the restore action's redirect (works without JavaScript).
  const restored = Number(searchParams.get("hersteld")) || null;
  const backup = Number(searchParams.get("bewaard")) || null;
  const base = `/boek/${chapter.book.slug}/${chapter.slug}`;
  return (
    <article aria-labelledby="revisions-title" className="mx-auto max-w-5xl">
      <p className="text-sm">
        <Link to={base}>← {t("revisions.backToChapter")}</Link>
      </p>
      <header className="mt-3">
        <p className="text-sm text-stone-600">{chapter.book.title}</p>
        <div className="flex flex-wrap items-center gap-3">
          <h1 id="revisions-title" className="font-serif text-3xl font-semibold leading-tight tracking-tight">
            {t("revisions.heading")}: {chapter.title}
          </h1>
          <StatusBadge status={chapter.status} />
        </div>
        <p className="mt-3 max-w-2xl text-stone-700">{t("revisions.intro")}</p>
      </header>

      {restored && (
        <p role="status" className="mt-4 rounded-md border border-green-300 bg-green-50 px-4 py-3 text-sm text-green-900">
          {t("revisions.restore.done", { number: restored, backup: backup ?? "?" })}
        </p>
      )}

      {revisions.length === 0 ? (
        <p className="mt-8">{t("revisions.none")}</p>
      ) : (
        <>
          <section className="mt-6 rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
            <RevisionCompareForm action={`${base}/revisies/vergelijk`} numbers={revisions.map((r) => r.number)} />
          </section>
          <div className="mt-6">
          <DataTable
            caption={t("revisions.heading")}
            columns={[
              { label: t("revisions.column.number") },
              { label: t("revisions.column.date") },
              { label: t("revisions.column.author") },
              { label: t("revisions.column.transition") },
              { label: t("revisions.column.message") },
              { label: t("revisions.column.actions") },
            ]}
          >
            {revisions.map((revision, index) => {
              const previous = revisions[index + 1];
              return (
                <tr key={revision.number} className="align-top">
                  <th scope="row" className="px-4 py-3 font-semibold">
                    {revision.number}
                  </th>
                  <td className="whitespace-nowrap px-4 py-3">
                    <time dateTime={revision.dateTime}>{revision.date}</time>
                  </td>
                  <td className="px-4 py-3">{revision.author ?? t("revisions.unknownAuthor")}</td>
                  <td className="whitespace-nowrap px-4 py-3">{revision.transition}</td>
                  <td className="max-w-xs px-4 py-3 whitespace-pre-line text-stone-700">{revision.message || t("revisions.noMessage")}</td>
                  <td className="px-4 py-3">
                    <ul className="space-y-1">
                      <li>
                        <Link to={`${base}/revisies/${revision.number}`} aria-label={t("revisions.viewNumber", { number: revision.number })}>
                          {t("revisions.view")}
                        </Link>
                      </li>
                      <li>
                        <Link
                          to={`${base}/revisies/vergelijk?van=${revision.number}&naar=nu`}
                          aria-label={t("revisions.compareWithNowNumber", { number: revision.number })}
                        >
                          {t("revisions.compareWithNow")}
                        </Link>
                      </li>
                      {previous && (
                        <li>
                          <Link
                            to={`${base}/revisies/vergelijk?van=${previous.number}&naar=${revision.number}`}
                            aria-label={t("revisions.compareWithPreviousNumber", { number: revision.number, previous: previous.number })}
                          >
                            {t("revisions.compareWithPrevious")}
                          </Link>
                        </li>
                      )}
                    </ul>
                  </td>
                </tr>
              );
            })}
          </DataTable>
          </div>
        </>
      )}
    </article>
  );
}
