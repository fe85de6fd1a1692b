import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatDate } from "#app/common/format.ts";
import { hasPermission } from "#app/common/permissions.ts";
import { BookCover } from "#app/components/reader/book-cover.tsx";
import { EditionContents } from "#app/components/reader/edition-contents.tsx";
import { EditionDownloads } from "#app/components/reader/edition-downloads.tsx";
import { StatusBadge } from "#app/components/status-badge.tsx";
import { canEditBook } from "#app/models/book-settings.server.ts";
import { getBookContents } from "#app/models/books.server.ts";
import { formatBytes } from "#app/models/export-jobs.server.ts";
import { bookPageData } from "#app/models/reader/book-page.server.ts";
import { getUser } from "#app/utils/auth.server.ts";
import { notFound } from "#app/utils/http.server.ts";
import { getLocale } from "#app/utils/i18n.server.ts";
import { absoluteUrl } from "#app/utils/public-url.server.ts";
import { useT } from "#app/utils/root-data.ts";
import { socialMeta } from "#app/utils/social-meta.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? socialMeta({ title: `${data.book.title} — Kapittel`, description: data.page.description, url: data.canonicalUrl, image: data.coverUrl, type: "book", locale: data.book.language })
    : [{ title: "Kapittel" }];

/**
 * The book's page (/boek/<book>): for everyone the public book (cover, blurb, partners, editions
 * and downloads, reading online, ordering); readers get the current edition's contents, while
 * partner authors and editors keep the live contents with workflow states and their tools.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const book = await getBookContents(params.bookSlug ?? "", user);
  if (!book) throw await notFound(request);
  const [page, locale] = await Promise.all([bookPageData(book.id), getLocale(request)]);
  // Readers read the edition; those who see drafts keep the live book (docs/decisions/019).
  const showStatus = hasPermission(user?.role, "read:chapter:own-org");
  const editionIds = new Set(page.current?.contents.map((entry) => entry.slug));
  return {
    book,
    page: {
      ...page,
      editions: page.editions.map(({ epubBytes, pdfBytes, frozenAt, ...edition }) => ({
        ...edition,
        frozenAt: frozenAt.toISOString(),
        frozenOn: formatDate(frozenAt, locale),
        epubSize: epubBytes === null ? null : formatBytes(epubBytes, locale),
        pdfSize: pdfBytes === null ? null : formatBytes(pdfBytes, locale),
      })),
    },
    // Published chapters that no edition has yet: readers reach their live text from here.
    publishedSinceEdition: page.current
      ? book.parts.flatMap((part) => part.chapters).filter((chapter) => chapter.status === "published" && !editionIds.has(chapter.slug))
      : [],
    canonicalUrl: absoluteUrl(`/boek/${book.slug}`),
    coverUrl: absoluteUrl(page.cover.url),
    showStatus,
    // The same people the activity page admits (partner authors see their own chapters' lines).
    showActivity: hasPermission(user?.role, "update:chapter:own-org"),
    // Exporting and freezing editions is the editorial team's (app/models/export-jobs.server.ts).
    showExport: hasPermission(user?.role, "update:chapter:any"),
    // Settings and arrangement: editors and admins (app/models/book-settings.server.ts).
    showBookTools: canEditBook(user?.role),
    userOrganisationIds: user?.organisationIds ?? [],
  };
}

export default function BookPage() {
  const t = useT();
  const { book, page, publishedSinceEdition, showStatus, showActivity, showExport, showBookTools, userOrganisationIds } = useLoaderData<typeof loader>();
  const current = page.current;
  const firstChapter = current?.contents[0];
  const readersSeeEdition = current !== null && !showStatus;
  return (
    <article aria-labelledby="book-title" lang={book.language} className="space-y-12">
      <header className="grid gap-8 sm:grid-cols-[14rem_1fr] sm:items-start">
        <BookCover url={page.cover.url} alt={t("reader.book.coverAlt", { title: book.title })} className="mx-auto max-w-56 sm:mx-0" />
        <div className="max-w-2xl">
          <h1 id="book-title" className="font-serif text-4xl font-semibold tracking-tight sm:text-5xl">
            {book.title}
          </h1>
          {book.subtitle && <p className="mt-3 font-serif text-xl text-stone-700">{book.subtitle}</p>}
          {book.blurb && (
            <div className="mt-6 space-y-3 font-serif text-lg leading-relaxed text-stone-800">
              {book.blurb.split(/\n+/).map((paragraph) => (
                <p key={paragraph}>{paragraph}</p>
              ))}
            </div>
          )}
          <div role="group" aria-label={t("reader.book.actions")} className="mt-8 flex flex-wrap items-center gap-3">
            {current && firstChapter && (
              <Link
                to={`/boek/${book.slug}/editie/${current.number}/${firstChapter.slug}`}
                className="rounded-md bg-stone-900 px-5 py-2.5 font-medium text-white no-underline hover:bg-stone-700 hover:text-white"
              >
                {t("reader.readOnline")}
              </Link>
            )}
            {page.forSale && (
              <Link
                to={`/boek/${book.slug}/bestellen`}
                className="rounded-md border-2 border-stone-900 px-5 py-2 font-medium text-stone-900 no-underline hover:bg-stone-100"
              >
                {t("reader.book.order")}
              </Link>
            )}
            {page.forSale && <p className="w-full text-sm text-stone-700">{t("reader.book.orderNote")}</p>}
          </div>
          {!showStatus && !current && <p className="mt-6 text-sm text-stone-700">{t("book.publishedOnlyNote")}</p>}
          {(showActivity || showExport || showBookTools) && (
            <p className="mt-6 flex flex-wrap gap-x-4 gap-y-1 text-sm">
              {showActivity && <Link to={`/boek/${book.slug}/activiteit`}>{t("workflow.activity.bookLink")}</Link>}
              {showExport && <Link to={`/boek/${book.slug}/export`}>{t("exports.bookLink")}</Link>}
              {showBookTools && <Link to={`/boek/${book.slug}/instellingen`}>{t("bookSettings.bookLinks.settings")}</Link>}
              {showBookTools && <Link to={`/boek/${book.slug}/indeling`}>{t("bookSettings.bookLinks.structure")}</Link>}
            </p>
          )}
        </div>
      </header>

      <nav aria-labelledby="contents-title">
        <h2 id="contents-title" className="text-2xl font-semibold">
          {readersSeeEdition ? t("reader.book.contentsOfEdition", { number: current.number }) : t("book.contents")}
        </h2>
        {readersSeeEdition ? (
          <EditionContents bookSlug={book.slug} edition={current.number} contents={current.contents} />
        ) : (
          <>
            {showStatus && (
              <p className="mt-2 max-w-2xl text-sm text-stone-700">
                {t("reader.book.workingContents")}
                {current && firstChapter && (
                  <>
                    {" "}
                    <Link to={`/boek/${book.slug}/editie/${current.number}/${firstChapter.slug}`}>{t("reader.book.readEdition", { number: current.number })}</Link>
                  </>
                )}
              </p>
            )}
            <LiveContents bookSlug={book.slug} parts={book.parts} showStatus={showStatus} userOrganisationIds={userOrganisationIds} />
          </>
        )}
      </nav>

      {readersSeeEdition && publishedSinceEdition.length > 0 && (
        <section aria-labelledby="new-since-title">
          <h2 id="new-since-title" className="text-xl font-semibold">
            {t("reader.book.newSinceEdition", { number: current.number })}
          </h2>
          <p className="mt-1 text-sm text-stone-700">{t("reader.book.newSinceEditionNote")}</p>
          <ul className="mt-3 space-y-1">
            {publishedSinceEdition.map((chapter) => (
              <li key={chapter.id}>
                <Link to={`/boek/${book.slug}/${chapter.slug}`} className="font-serif text-lg">
                  {chapter.title}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="editions-title">
        <h2 id="editions-title" className="text-2xl font-semibold">
          {t("reader.book.editions")}
        </h2>
        <EditionDownloads bookSlug={book.slug} editions={page.editions} />
      </section>

      {page.partners.length > 0 && (
        <section aria-labelledby="partners-title">
          <h2 id="partners-title" className="text-2xl font-semibold">
            {t("reader.book.partners")}
          </h2>
          <ul className="mt-4 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
            {page.partners.map((partner) => (
              <li key={partner.slug}>
                <Link
                  to={`/partners/${partner.slug}`}
                  className="flex h-full flex-col items-start gap-2 rounded-lg border border-stone-200 bg-white p-3 text-sm font-medium text-stone-900 no-underline hover:border-stone-400"
                >
                  {/* Fixed size whatever the logo's proportions: no layout shift while logos load. */}
                  {partner.logoUrl && <img src={partner.logoUrl} alt="" width={160} height={64} className="h-12 w-32 object-contain object-left" />}
                  <span>{partner.name}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}

type LiveChapter = { id: string; slug: string; title: string; summary: string; status: string; organisations: { id: string; name: string }[] };

/** The live book's contents: the chapters this person may read, with their states for those who see drafts. */
function LiveContents({ bookSlug, parts, showStatus, userOrganisationIds }: { bookSlug: string; parts: { id: string; title: string; chapters: LiveChapter[] }[]; showStatus: boolean; userOrganisationIds: string[] }) {
  const t = useT();
  return (
    <ol className="mt-6 space-y-10">
      {parts.map((part, partIndex) => (
        <li key={part.id}>
          <h3 className="text-sm font-semibold uppercase tracking-wide text-stone-600">{t("book.part", { number: partIndex + 1 })}</h3>
          <p className="font-serif text-2xl font-semibold">{part.title}</p>
          {part.chapters.length === 0 ? (
            <p className="mt-3 text-stone-700">{t("book.noChapters")}</p>
          ) : (
            <ol className="mt-4 divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
              {part.chapters.map((chapter) => {
                const own = chapter.organisations.some((o) => userOrganisationIds.includes(o.id));
                return (
                  <li key={chapter.id} className="p-4">
                    <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                      <Link to={`/boek/${bookSlug}/${chapter.slug}`} className="font-serif text-lg font-semibold">
                        {chapter.title}
                      </Link>
                      {showStatus && <StatusBadge status={chapter.status} />}
                      {own && <span className="text-xs font-medium text-[var(--color-accent)]">{t("book.yourOrganisation")}</span>}
                    </div>
                    {chapter.summary && <p className="mt-1 text-stone-700">{chapter.summary}</p>}
                    <p className="mt-1 text-sm text-stone-700">{t("book.byOrganisations", { names: chapter.organisations.map((o) => o.name).join(", ") })}</p>
                  </li>
                );
              })}
            </ol>
          )}
        </li>
      ))}
    </ol>
  );
}
