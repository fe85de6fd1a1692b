import { db, type DbTransaction } from "#app/utils/db.server.ts";
import { lockRow } from "#app/utils/row-lock.server.ts";

/**
 * Revisions: the chapter as it stood at each workflow transition (a Yjs snapshot plus its HTML
 * and text), numbered 1, 2, … per chapter. The workflow stores them (chapter-workflow.server.ts);
 * the revision pages list, show, compare and restore them.
 */

export type RevisionInput = {
  chapterId: string;
  fromStatus: string;
  toStatus: string;
  message?: string;
  /** Y.encodeStateAsUpdate of the live document. */
  snapshot: Uint8Array;
  html: string;
  text: string;
  authorId: string | null;
};

/**
 * Stores the next revision of the chapter (its number is one past the highest). Pass the
 * transaction of the transition it belongs to; without one it runs in its own. Either way the
 * chapter's row is locked first (lockRow: `FOR UPDATE` on PostgreSQL; SQLite has one writer at a
 * time), so two revisions at the same moment (a restore during a workflow step) get consecutive
 * numbers instead of one failing on the unique (chapterId, number) index.
 */
export function createRevision(input: RevisionInput, tx?: DbTransaction) {
  return tx ? createRevisionIn(tx, input) : db.$transaction((own) => createRevisionIn(own, input));
}

async function createRevisionIn(tx: DbTransaction, input: RevisionInput) {
  await lockRow(tx, "Chapter", input.chapterId);
  const last = await tx.chapterRevision.findFirst({
    where: { chapterId: input.chapterId },
    orderBy: { number: "desc" },
    select: { number: true },
  });
  return tx.chapterRevision.create({
    data: {
      chapterId: input.chapterId,
      number: (last?.number ?? 0) + 1,
      fromStatus: input.fromStatus,
      toStatus: input.toStatus,
      message: input.message ?? "",
      snapshot: Buffer.from(input.snapshot),
      html: input.html,
      text: input.text,
      authorId: input.authorId,
    },
  });
}

const AUTHOR = { select: { id: true, name: true } } as const;

/**
 * The chapter's revisions, newest first: every field of the row (and the author's name) except
 * the Yjs snapshot, which only viewing or restoring one revision needs (use getRevision).
 */
export function listRevisions(chapterId: string) {
  return db.chapterRevision.findMany({
    where: { chapterId },
    orderBy: { number: "desc" },
    select: {
      id: true,
      chapterId: true,
      number: true,
      fromStatus: true,
      toStatus: true,
      message: true,
      html: true,
      text: true,
      authorId: true,
      createdAt: true,
      author: AUTHOR,
    },
  });
}

/** One revision with every field of the row (snapshot included) and its author; null if there is none. */
export function getRevision(chapterId: string, number: number) {
  if (!Number.isSafeInteger(number) || number < 1) return Promise.resolve(null);
  return db.chapterRevision.findUnique({
    where: { chapterId_number: { chapterId, number } },
    include: { author: AUTHOR },
  });
}

/** The newest revision's transition (for "last change of state" in the workflow panel); null if none. */
export async function latestTransition(chapterId: string) {
  // A restore saves the text it replaces as a revision without a change of state; skip those.
  const recent = await db.chapterRevision.findMany({
    where: { chapterId },
    orderBy: { number: "desc" },
    take: 20,
    select: { number: true, fromStatus: true, toStatus: true, message: true, createdAt: true, author: AUTHOR },
  });
  return recent.find((revision) => revision.fromStatus !== revision.toStatus) ?? null;
}
