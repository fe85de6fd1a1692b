import type { Locale } from "#app/common/i18n/locales.ts";
import { translator } from "#app/common/i18n/catalogue.ts";
import { fillToolCards } from "#app/models/tool-cards.server.ts";
import { db } from "#app/utils/db.server.ts";
import { sanitizeChapterHtml } from "#app/utils/sanitize-html.server.ts";
import { invalidatePages } from "#app/utils/page-cache.server.ts";
import { singleton } from "#app/utils/singleton.server.ts";
import { withImageSizes } from "./image-sizes.server.ts";

/**
 * Reading a frozen edition online (docs/decisions/021-reading-from-the-edition.md). An edition
 * never changes, so its chapters are served from the HTML stored when it was frozen
 * (EditionChapter.bodyHtml), and the rendered page data is kept in memory for a short while:
 * only the tool cards in it are filled from the live toolbox, which is why it is not kept forever.
 */

/** One entry of an edition's table of contents. */
export type EditionTocEntry = { slug: string; title: string; partTitle: string };

/** The edition a reader reads now: the book's latest frozen one, or null before the first. */
export function findCurrentEdition(bookId: string) {
  return db.edition.findFirst({ where: { bookId }, orderBy: { number: "desc" }, select: { id: true, number: true, frozenAt: true } });
}

/** The table of contents of an edition, in reading order. */
export function editionContents(editionId: string): Promise<EditionTocEntry[]> {
  return db.editionChapter.findMany({ where: { editionId }, orderBy: { position: "asc" }, select: { slug: true, title: true, partTitle: true } });
}

/** What a chapter page of an edition shows. */
export type EditionChapterPage = {
  book: { slug: string; title: string; subtitle: string; language: string; coverImage: string | null };
  edition: { number: number; frozenAt: Date; isCurrent: boolean; currentNumber: number };
  chapter: { slug: string; title: string; partTitle: string; organisations: string[]; html: string; description: string };
  contents: EditionTocEntry[];
  previous: EditionTocEntry | null;
  next: EditionTocEntry | null;
  /** The live chapter, when it has been published again with other text since this edition. */
  newerText: { slug: string } | null;
};

// Editions are immutable, so a cached page can only be stale in its tool cards (names and
// summaries come from the live toolbox) and in the "newer text" note: a minute is fine for both.
const CACHE_TTL_MS = 60_000;
const CACHE_MAX_ENTRIES = 500;
type CacheEntry = { expires: number; page: Promise<EditionChapterPage | EditionChapterMissing> };

function pageCache(): Map<string, CacheEntry> {
  return singleton("edition-chapter-pages", () => new Map<string, CacheEntry>());
}

/** What is not there when a chapter page cannot be shown: the edition (or book), or the chapter in it. */
export type EditionChapterMissing = "no-edition" | "no-chapter";

/**
 * A chapter of an edition as its page shows it, from the cache when it is fresh. Concurrent
 * requests for the same page share one database read (the promise is cached, not the result).
 */
export function editionChapterPage(bookSlug: string, number: number, chapterSlug: string, locale: Locale): Promise<EditionChapterPage | EditionChapterMissing> {
  if (!Number.isSafeInteger(number) || number < 1) return Promise.resolve("no-edition");
  const key = JSON.stringify([bookSlug, number, chapterSlug, locale]);
  const cache = pageCache();
  const now = Date.now();
  const hit = cache.get(key);
  if (hit && hit.expires > now) return hit.page;
  if (cache.size >= CACHE_MAX_ENTRIES) cache.clear();
  const page = loadEditionChapterPage(bookSlug, number, chapterSlug, locale);
  cache.set(key, { expires: now + CACHE_TTL_MS, page });
  // A failed read must not be served from the cache for a minute.
  page.catch(() => cache.delete(key));
  return page;
}

/** Forgets every cached page (tests that change a book between requests call this). */
export function forgetEditionChapterPages(): void {
  pageCache().clear();
  invalidatePages(); // and the rendered pages made from them (app/utils/page-cache.server.ts)
}

async function loadEditionChapterPage(bookSlug: string, number: number, chapterSlug: string, locale: Locale): Promise<EditionChapterPage | EditionChapterMissing> {
  const edition = await db.edition.findFirst({
    where: { number, book: { slug: bookSlug } },
    select: {
      id: true,
      number: true,
      frozenAt: true,
      bookId: true,
      book: { select: { slug: true, title: true, subtitle: true, language: true, coverImage: true } },
    },
  });
  if (!edition) return "no-edition";
  const [contents, chapter, current] = await Promise.all([
    editionContents(edition.id),
    db.editionChapter.findUnique({
      where: { editionId_slug: { editionId: edition.id, slug: chapterSlug } },
      select: { chapterId: true, slug: true, title: true, partTitle: true, organisationsJson: true, bodyHtml: true, bodyText: true },
    }),
    findCurrentEdition(edition.bookId),
  ]);
  if (!chapter) return "no-chapter";
  const index = contents.findIndex((entry) => entry.slug === chapter.slug);
  const live = chapter.chapterId
    ? await db.chapter.findUnique({ where: { id: chapter.chapterId }, select: { slug: true, status: true, bodyHtml: true } })
    : null;
  return {
    book: edition.book,
    edition: { number: edition.number, frozenAt: edition.frozenAt, isCurrent: current?.id === edition.id, currentNumber: current?.number ?? edition.number },
    chapter: {
      slug: chapter.slug,
      title: chapter.title,
      partTitle: chapter.partTitle,
      organisations: parseNames(chapter.organisationsJson),
      // Sanitized again when shown: stored HTML is trusted to be ours only as far as the sanitizer
      // goes (an import or a database edit could have put anything there). Cached, so it is cheap.
      html: await fillToolCards(await withImageSizes(sanitizeChapterHtml(chapter.bodyHtml)), translator(locale)),
      description: summarise(chapter.bodyText),
    },
    contents,
    previous: contents[index - 1] ?? null,
    next: contents[index + 1] ?? null,
    // Both HTMLs come from the same renderer (proseMirrorToHtml), so a difference is a real edit.
    newerText: live && live.status === "published" && live.bodyHtml !== chapter.bodyHtml ? { slug: live.slug } : null,
  };
}

function parseNames(json: string): string[] {
  try {
    const names: unknown = JSON.parse(json);
    return Array.isArray(names) ? names.filter((name): name is string => typeof name === "string") : [];
  } catch {
    return [];
  }
}

/** The opening of a chapter's text, cut at a word, for search results and link previews. */
export function summarise(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  return `${cut.slice(0, cut.lastIndexOf(" ") > 80 ? cut.lastIndexOf(" ") : cut.length)}…`;
}

/** Where a live chapter stands in the book's current edition (its number and slug there), or null. */
export async function currentEditionOfChapter(bookId: string, chapterId: string): Promise<{ number: number; slug: string } | null> {
  const current = await findCurrentEdition(bookId);
  if (!current) return null;
  const entry = await db.editionChapter.findFirst({ where: { editionId: current.id, chapterId }, select: { slug: true } });
  return entry ? { number: current.number, slug: entry.slug } : null;
}
