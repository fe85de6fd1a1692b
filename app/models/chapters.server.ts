import { db } from "#app/utils/db.server.ts";

/** A chapter with what its read view shows and what access checks need, or null. */
export async function findChapter(bookSlug: string, chapterSlug: string) {
  const chapter = await db.chapter.findFirst({
    where: { slug: chapterSlug, book: { slug: bookSlug } },
    select: {
      id: true,
      slug: true,
      title: true,
      summary: true,
      status: true,
      bodyHtml: true,
      updatedAt: true,
      book: { select: { id: true, slug: true, title: true, language: true } },
      part: { select: { title: true, position: true } },
      organisations: { orderBy: { position: "asc" }, select: { organisation: { select: { id: true, name: true, slug: true } } } },
      authors: { select: { user: { select: { id: true, name: true } } } },
    },
  });
  if (!chapter) return null;
  const organisations = chapter.organisations.map((o) => o.organisation);
  return {
    ...chapter,
    organisations,
    organisationIds: organisations.map((o) => o.id),
    authors: chapter.authors.map((a) => a.user),
  };
}

/** The chapters of a book in reading order (part, then position): for previous/next links. */
export function listChaptersInReadingOrder(bookId: string) {
  return db.chapter.findMany({
    where: { bookId },
    orderBy: [{ part: { position: "asc" } }, { position: "asc" }],
    select: { slug: true, title: true, status: true, organisations: { select: { organisationId: true } } },
  });
}

/** What decides who may open a chapter's live document: its status and organisations; null if none. */
export async function findChapterAccessFacts(chapterId: string) {
  const chapter = await db.chapter.findUnique({
    where: { id: chapterId },
    select: { id: true, status: true, organisations: { select: { organisationId: true } } },
  });
  if (!chapter) return null;
  return { id: chapter.id, status: chapter.status, organisationIds: chapter.organisations.map((o) => o.organisationId) };
}
