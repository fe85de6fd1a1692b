import { chapterSchema, type ChapterJson } from "#app/common/chapter-schema.ts";
import { chapterPlainText } from "#app/common/chapter-text.ts";
import { proseMirrorToHtml } from "#app/models/chapter-content.server.ts";
import { announceQueued, createExportJobs, isExportFormat, readExportFile, type ExportFormat } from "#app/models/export-jobs.server.ts";
import { forgetEditionChapterPages } from "#app/models/reader/edition-reading.server.ts";
import { isUniqueConstraintError } from "#app/utils/db-errors.server.ts";
import { db } from "#app/utils/db.server.ts";
import { loadManuscript, type FrozenMetadata, type Manuscript } from "#server/export/manuscript.ts";

/**
 * Editions: the book frozen at a moment. An edition holds its own copy of every published
 * chapter (ProseMirror JSON for the exports, sanitized HTML and text for reading online) and of
 * the book's settings, so nothing done to the live book later can change it; its EPUB and PDF are
 * made from that copy by the export jobs queued with it, and stored once.
 */

export type FreezeOutcome = { status: "frozen"; editionId: string; number: number; jobIds: string[] } | { status: "nothing-published" };

/** Number of attempts when two people freeze the same book at once (the number is unique per book). */
const FREEZE_ATTEMPTS = 3;

/** An edition's chapter rows: the manuscript's chapters in book order, with their HTML and text made once. */
export function editionChapterRows(manuscript: Manuscript) {
  const chapters = manuscript.parts.flatMap((part) => part.chapters.map((chapter) => ({ part, chapter })));
  return chapters.map(({ part, chapter }, index) => {
    const node = chapterSchema.nodeFromJSON(chapter.doc);
    return {
      chapterId: chapter.id,
      position: index + 1,
      partTitle: part.title,
      title: chapter.title,
      slug: chapter.slug,
      organisationsJson: JSON.stringify(chapter.organisations),
      // The exports' input and the online text come from the same JSON, so they cannot differ.
      docJson: JSON.stringify(chapter.doc satisfies ChapterJson),
      bodyHtml: proseMirrorToHtml(node),
      bodyText: chapterPlainText(node),
    };
  });
}

/**
 * Freezes the published chapters as the book's next edition and queues its EPUB and PDF, in one
 * transaction. The chapters are read first (reading the live documents is slow), so the edition
 * holds them as they were at that moment.
 */
export async function freezeEdition(options: { bookId: string; userId: string; note: string }): Promise<FreezeOutcome> {
  const manuscript = await loadManuscript(options.bookId, "published");
  if (manuscript.parts.every((part) => part.chapters.length === 0)) return { status: "nothing-published" };

  const metadata: FrozenMetadata = { book: manuscript.book, partners: manuscript.partners, tools: manuscript.tools };
  const rows = editionChapterRows(manuscript);

  for (let attempt = 1; ; attempt++) {
    try {
      const outcome = await db.$transaction(async (tx) => {
        const last = await tx.edition.findFirst({ where: { bookId: options.bookId }, orderBy: { number: "desc" }, select: { number: true } });
        const edition = await tx.edition.create({
          data: {
            bookId: options.bookId,
            number: (last?.number ?? 0) + 1,
            frozenById: options.userId,
            note: options.note,
            metadataJson: JSON.stringify(metadata),
            chapters: { create: rows },
          },
          select: { id: true, number: true },
        });
        const jobs = await createExportJobs(tx, {
          bookId: options.bookId,
          requestedById: options.userId,
          scope: "edition",
          editionId: edition.id,
          formats: ["epub", "pdf"],
        });
        return { editionId: edition.id, number: edition.number, jobIds: jobs.map((job) => job.id) };
      });
      announceQueued(options.bookId, outcome.jobIds);
      // The book page and the older edition's pages ("a newer edition exists") change at once.
      forgetEditionChapterPages();
      return { status: "frozen", ...outcome };
    } catch (error) {
      if (!isUniqueConstraintError(error) || attempt >= FREEZE_ATTEMPTS) throw error;
    }
  }
}

/** The book's editions, newest first, with their files and whether a job is still making one. */
export async function listEditions(bookId: string) {
  return db.edition.findMany({
    where: { bookId },
    orderBy: { number: "desc" },
    select: {
      id: true,
      number: true,
      frozenAt: true,
      note: true,
      epubFile: true,
      epubBytes: true,
      pdfFile: true,
      pdfBytes: true,
      frozenBy: { select: { name: true } },
      _count: { select: { chapters: true } },
      exportJobs: { where: { status: { in: ["queued", "running"] } }, select: { format: true } },
    },
  });
}

/** The edition's stored file of a format, for anyone to download (readers get editions, issue #7). */
export async function findEditionFile(bookSlug: string, number: number, format: string) {
  if (!isExportFormat(format) || !Number.isSafeInteger(number)) return null;
  const edition = await db.edition.findFirst({
    where: { number, book: { slug: bookSlug } },
    select: { epubFile: true, pdfFile: true },
  });
  const name = format === "epub" ? edition?.epubFile : edition?.pdfFile;
  if (!name) return null;
  const bytes = await readExportFile(name);
  return bytes ? { bytes, format: format satisfies ExportFormat } : null;
}

/** The next edition's number (shown on the freeze form). */
export async function nextEditionNumber(bookId: string): Promise<number> {
  const last = await db.edition.findFirst({ where: { bookId }, orderBy: { number: "desc" }, select: { number: true } });
  return (last?.number ?? 0) + 1;
}

/** The edition of this book with that id, or null (an export request names one). */
export function findEditionOfBook(bookId: string, editionId: string) {
  return db.edition.findFirst({ where: { id: editionId, bookId }, select: { id: true, number: true } });
}
