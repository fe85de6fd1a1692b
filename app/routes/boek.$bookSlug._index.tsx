import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { hasPermission } from "#app/common/permissions.ts";
import { StatusBadge } from "#app/components/status-badge.tsx";
import { canEditBook } from "#app/models/book-settings.server.ts";
import { getBookContents } from "#app/models/books.server.ts";
import { getUser } from "#app/utils/auth.server.ts";
import { notFound } from "#app/utils/http.server.ts";
import { useT } from "#app/utils/root-data.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [{ title: `${data.book.title} — Kapittel` }, { name: "description", content: data.book.subtitle || data.book.title }]
    : [{ title: "Kapittel" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const book = await getBookContents(params.bookSlug ?? "", user);
  if (!book) throw await notFound(request);
  return {
    book,
    // Workflow states matter only to those who can see more than the published text.
    showStatus: hasPermission(user?.role, "read:chapter:own-org"),
    // The same people the activity page admits (partner authors see their own chapters' lines).
    showActivity: hasPermission(user?.role, "update:chapter:own-org"),
    // Exporting and freezing editions is the editorial team's (app/models/export-jobs.server.ts).
    showExport: hasPermission(user?.role, "update:chapter:any"),
    // Settings and arrangement: editors and admins (app/models/book-settings.server.ts).
    showBookTools: canEditBook(user?.role),
    userOrganisationIds: user?.organisationIds ?? [],
  };
}

export default function BookContents() {
  const t = useT();
  const { book, showStatus, showActivity, showExport, showBookTools, userOrganisationIds } = useLoaderData<typeof loader>();
  return (
    <article aria-labelledby="book-title" className="space-y-10">
      <header className="max-w-3xl">
        <h1 id="book-title" className="font-serif text-4xl font-semibold tracking-tight sm:text-5xl">
          {book.title}
        </h1>
        {book.subtitle && <p className="mt-3 font-serif text-xl text-stone-600">{book.subtitle}</p>}
        {book.blurb && (
          <div className="mt-6 space-y-3 text-stone-700">
            {book.blurb.split(/\n+/).map((paragraph) => (
              <p key={paragraph}>{paragraph}</p>
            ))}
          </div>
        )}
        {!showStatus && <p className="mt-6 text-sm text-stone-600">{t("book.publishedOnlyNote")}</p>}
        {showActivity && (
          <p className="mt-6 text-sm">
            <Link to={`/boek/${book.slug}/activiteit`}>{t("workflow.activity.bookLink")}</Link>
          </p>
        )}
        {showExport && (
          <p className="mt-2 text-sm">
            <Link to={`/boek/${book.slug}/export`}>{t("exports.bookLink")}</Link>
          </p>
        )}
        {showBookTools && (
          <p className="mt-2 flex flex-wrap gap-x-4 text-sm">
            <Link to={`/boek/${book.slug}/instellingen`}>{t("bookSettings.bookLinks.settings")}</Link>
            <Link to={`/boek/${book.slug}/indeling`}>{t("bookSettings.bookLinks.structure")}</Link>
          </p>
        )}
      </header>

      <nav aria-labelledby="contents-title">
        <h2 id="contents-title" className="text-2xl font-semibold">
          {t("book.contents")}
        </h2>
        <ol className="mt-6 space-y-10">
          {book.parts.map((part, partIndex) => (
            <li key={part.id}>
              <h3 className="text-sm font-semibold uppercase tracking-wide text-stone-500">
                {t("book.part", { number: partIndex + 1 })}
              </h3>
              <p className="font-serif text-2xl font-semibold">{part.title}</p>
              {part.chapters.length === 0 ? (
                <p className="mt-3 text-stone-600">{t("book.noChapters")}</p>
              ) : (
                <ol className="mt-4 divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
                  {part.chapters.map((chapter) => {
                    const own = chapter.organisations.some((o) => userOrganisationIds.includes(o.id));
                    return (
                      <li key={chapter.id} className="p-4">
                        <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                          <Link to={`/boek/${book.slug}/${chapter.slug}`} className="font-serif text-lg font-semibold">
                            {chapter.title}
                          </Link>
                          {showStatus && <StatusBadge status={chapter.status} />}
                          {own && (
                            <span className="text-xs font-medium text-[var(--color-accent)]">{t("book.yourOrganisation")}</span>
                          )}
                        </div>
                        {chapter.summary && <p className="mt-1 text-stone-700">{chapter.summary}</p>}
                        <p className="mt-1 text-sm text-stone-600">
                          {t("book.byOrganisations", { names: chapter.organisations.map((o) => o.name).join(", ") })}
                        </p>
                      </li>
                    );
                  })}
                </ol>
              )}
            </li>
          ))}
        </ol>
      </nav>
    </article>
  );
}
