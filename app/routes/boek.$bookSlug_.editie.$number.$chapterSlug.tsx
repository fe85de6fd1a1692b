import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatDate } from "#app/common/format.ts";
import { EditionContents } from "#app/components/reader/edition-contents.tsx";
import { coverOf } from "#app/models/reader/book-page.server.ts";
import { editionChapterPage } from "#app/models/reader/edition-reading.server.ts";
import { notFound } from "#app/utils/http.server.ts";
import { getLocale } from "#app/utils/i18n.server.ts";
import { absoluteUrl } from "#app/utils/public-url.server.ts";
import { useT } from "#app/utils/root-data.ts";
import { socialMeta } from "#app/utils/social-meta.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? socialMeta({ title: `${data.chapter.title} — ${data.book.title}`, description: data.chapter.description, url: data.canonicalUrl, image: data.coverUrl, type: "article", locale: data.book.language })
    : [{ title: "Kapittel" }];

/**
 * A chapter of a frozen edition (/boek/<book>/editie/<n>/<chapter>), for everyone: the stored
 * HTML of the edition, never the live document (docs/decisions/021-reading-from-the-edition.md).
 * The address names the edition, so it keeps showing the same text however the book moves on.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  const page = await editionChapterPage(params.bookSlug ?? "", Number(params.number), params.chapterSlug ?? "", locale);
  if (page === "no-edition") throw await notFound(request, "reader.edition.notFound");
  if (page === "no-chapter") throw await notFound(request, "reader.chapter.notFound");
  const base = `/boek/${page.book.slug}`;
  return {
    ...page,
    editionDate: formatDate(page.edition.frozenAt, locale),
    canonicalUrl: absoluteUrl(`${base}/editie/${page.edition.number}/${page.chapter.slug}`),
    coverUrl: absoluteUrl(coverOf(page.book).url),
  };
}

export default function EditionChapterPage() {
  const t = useT();
  const { book, edition, chapter, contents, previous, next, newerText, editionDate } = useLoaderData<typeof loader>();
  const base = `/boek/${book.slug}`;
  const editionBase = `${base}/editie/${edition.number}`;
  return (
    <article aria-labelledby="chapter-title" lang={book.language} className="reading mx-auto">
      <p className="text-sm">
        <Link to={base}>{book.title}</Link>
        <span aria-hidden="true"> · </span>
        <span className="text-stone-700">{t("reader.chapter.edition", { number: edition.number, date: editionDate })}</span>
      </p>

      <details className="reading-contents mt-4 rounded-md border border-stone-200 bg-white px-4 py-2">
        <summary className="cursor-pointer py-1 text-sm font-medium">{t("reader.chapter.contentsToggle")}</summary>
        <nav aria-label={t("reader.chapter.contents")} className="pb-2">
          <EditionContents bookSlug={book.slug} edition={edition.number} contents={contents} currentSlug={chapter.slug} compact />
        </nav>
      </details>

      <header className="mt-8 border-b border-stone-200 pb-6">
        <p className="text-sm font-semibold uppercase tracking-wide text-stone-600">{chapter.partTitle}</p>
        <h1 id="chapter-title" className="mt-2 font-serif text-3xl font-semibold leading-tight tracking-tight sm:text-4xl">
          {chapter.title}
        </h1>
        {chapter.organisations.length > 0 && (
          <p className="mt-4 text-sm text-stone-700">
            {t("chapter.writtenBy")}: {chapter.organisations.join(", ")}
          </p>
        )}
        {!edition.isCurrent && (
          <p className="mt-4 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950">
            {t("reader.chapter.olderEdition", { number: edition.number, current: edition.currentNumber })}{" "}
            <Link to={base} className="font-medium text-amber-950 underline">
              {t("reader.chapter.toCurrentEdition")}
            </Link>
          </p>
        )}
        {newerText && (
          <p className="mt-4 rounded-md border border-sky-200 bg-sky-50 px-4 py-3 text-sm text-sky-950">
            {t("reader.chapter.newerText")}{" "}
            <Link to={`${base}/${newerText.slug}`} className="font-medium text-sky-950 underline">
              {t("reader.chapter.readNewerText")}
            </Link>
          </p>
        )}
      </header>

      <div className="prose-book reading-text mt-8" dangerouslySetInnerHTML={{ __html: chapter.html }} />

      <nav aria-label={t("chapter.pagination")} className="mt-12 grid gap-4 border-t border-stone-200 pt-6 sm:grid-cols-2">
        <div>
          {previous && (
            <Link to={`${editionBase}/${previous.slug}`} rel="prev" className="block">
              <span className="block text-sm text-stone-700">← {t("chapter.previous")}</span>
              <span className="font-serif text-lg">{previous.title}</span>
            </Link>
          )}
        </div>
        <div className="sm:text-right">
          {next && (
            <Link to={`${editionBase}/${next.slug}`} rel="next" className="block">
              <span className="block text-sm text-stone-700">{t("chapter.next")} →</span>
              <span className="font-serif text-lg">{next.title}</span>
            </Link>
          )}
        </div>
      </nav>
      <p className="mt-6 text-center text-sm">
        <Link to={base}>{t("chapter.backToBook")}</Link>
      </p>
    </article>
  );
}
