import * as Y from "yjs";
import { sqliteFilePath } from "#app/common/database-url.ts";
import { db, type DbTransaction } from "#app/utils/db.server.ts";
import { getEnv } from "#app/utils/env.server.ts";
import { lockRow } from "#app/utils/row-lock.server.ts";
import { coalesceAppends, type AppendRows } from "./append-coalescer.ts";
import { openSqliteUpdateLog } from "./sqlite-update-log.ts";

/** Turns a chapter's HTML into a Yjs update of its document (chapters that were never edited live). */
export type HtmlToUpdate = (html: string) => Uint8Array;
/** Renders a document to what reader pages, search and export use. */
/** A chapter as the reader pages, search and exports read it without loading Yjs. */
export type Rendered = {
  html: string;
  text: string;
  /** Open suggestions in the document (Chapter.openSuggestions: approving waits for none). */
  openSuggestions?: number;
};

/**
 * Turns a document into what is stored beside it: either the three functions, run on the event
 * loop (small documents, commands, tests), or `render`, which may do the work elsewhere
 * (render-in-worker.ts) and is used instead of them when present.
 */
export type DocumentRenderer =
  | {
      html: (doc: Y.Doc) => string;
      text: (doc: Y.Doc) => string;
      openSuggestions?: (doc: Y.Doc) => number;
      render?: undefined;
    }
  | { render: (doc: Y.Doc) => Promise<Rendered> };

/** What loading a chapter's stored document yields. */
export type LoadedDocument = {
  doc: Y.Doc;
  /** Id of the last stored update folded into `doc`; compaction deletes up to here. */
  lastUpdateId: number;
  storedUpdates: number;
};

/** Where a chapter's live document is stored: a snapshot on Chapter plus appended ChapterUpdate rows. */
export type DocumentStore = {
  /** Builds the document from the snapshot and every stored update; null when there is no such chapter. */
  load(chapterId: string): Promise<LoadedDocument | null>;
  /** Appends accepted updates in one transaction; returns the id of the last one. */
  append(chapterId: string, updates: Uint8Array[]): Promise<number>;
  /**
   * Replaces the snapshot and deletes the updates up to `throughId`, atomically. `merge` is given
   * what is stored (the snapshot and those updates, which other processes may have written) and
   * returns the new snapshot, which must contain all of it.
   */
  compact(chapterId: string, throughId: number, merge: (stored: Uint8Array[]) => Uint8Array): Promise<void>;
  /** Stores the rendered HTML and text of the current document (and its count of open suggestions). */
  storeRendered(chapterId: string, html: string, text: string, openSuggestions?: number): Promise<void>;
  /** Releases what the store holds open (after the last append). */
  close(): Promise<void>;
};

const bytes = (data: Uint8Array) => new Uint8Array(data.buffer, data.byteOffset, data.byteLength);

/**
 * The Prisma store. A chapter with neither a snapshot nor updates (the demo chapters, and every
 * chapter before its first live edit) starts from its bodyHtml; that first state is stored as the
 * snapshot at once, so every later update builds on the same items in every process.
 */
export function prismaDocumentStore({ htmlToUpdate }: { htmlToUpdate?: HtmlToUpdate }): DocumentStore {
  // On SQLite a prepared statement on a connection of its own writes each batch at once
  // (docs/decisions/009): a commit costs tens of microseconds, so waiting a turn of the event loop
  // to gather other chapters' batches would only delay the relay. Through Prisma (PostgreSQL) a
  // call costs a millisecond or more, so the batches of every chapter handed in together share one.
  const file = sqliteFilePath(getEnv().DATABASE_URL);
  const updateLog = file ? openSqliteUpdateLog(file) : null;
  const append = updateLog ? appendAtOnce(updateLog.append) : coalesceAppends(prismaAppendRows);
  const store: DocumentStore = {
    async load(chapterId) {
      // Updates first, then the snapshot: another process's compaction committing between the two
      // reads folds rows into the snapshot and deletes them, so read the other way round this
      // process would get the old snapshot without those rows. This way a folded row is read
      // twice at worst, and applying an update twice changes nothing.
      const updates = await db.chapterUpdate.findMany({
        where: { chapterId },
        orderBy: { id: "asc" },
        select: { id: true, data: true },
      });
      const chapter = await db.chapter.findUnique({ where: { id: chapterId }, select: { docState: true, bodyHtml: true } });
      if (!chapter) return null;
      const doc = new Y.Doc({ gc: true });
      if (chapter.docState) {
        Y.applyUpdate(doc, bytes(chapter.docState), "load");
      } else if (updates.length === 0 && htmlToUpdate && chapter.bodyHtml) {
        Y.applyUpdate(doc, htmlToUpdate(chapter.bodyHtml), "load");
        // Only if no other process got there first: two first states made from the same HTML are
        // different items, and merged they would show the chapter twice.
        const first = await db.chapter.updateMany({ where: { id: chapterId, docState: null }, data: { docState: Buffer.from(Y.encodeStateAsUpdate(doc)) } });
        if (first.count === 0) return store.load(chapterId);
      }
      // Stored updates were validated and applied once before they were stored; each is still
      // applied on its own so that one unreadable row cannot take the rest of the chapter with it.
      for (const update of updates) {
        try {
          Y.applyUpdate(doc, bytes(update.data), "load");
        } catch (error) {
          console.error(JSON.stringify({ event: "collab.load.skipUpdate", chapter: chapterId, updateId: update.id, error: String(error) }));
        }
      }
      return { doc, lastUpdateId: updates.at(-1)?.id ?? 0, storedUpdates: updates.length };
    },

    append,

    async compact(chapterId, throughId, merge) {
      if (!file) {
        // PostgreSQL, perhaps with several processes compacting the same chapter: the row lock
        // makes them take turns, so each reads the snapshot the previous one wrote.
        await db.$transaction(async (tx) => {
          await lockRow(tx, "Chapter", chapterId);
          const stored = await storedParts(tx, chapterId, throughId);
          await tx.chapter.update({ where: { id: chapterId }, data: { docState: Buffer.from(merge(stored)) } });
          await tx.chapterUpdate.deleteMany({ where: { chapterId, id: { lte: throughId } } });
        });
        return;
      }
      // SQLite serves one process (several need PostgreSQL, docs/decisions/022), and only this
      // store writes ChapterUpdate rows: every row up to `throughId` came from the document being
      // compacted, which therefore holds them all already; nothing stored needs merging.
      await updateLog!.compact(chapterId, merge([]), throughId);
    },

    async storeRendered(chapterId, html, text, openSuggestions) {
      await db.chapter.update({ where: { id: chapterId }, data: { bodyHtml: html, bodyText: text, openSuggestions } });
    },

    async close() {
      await updateLog?.close();
    },
  };
  return store;
}

/** Writes one chapter's batch as soon as it is handed in; resolves with the id of its last row. */
function appendAtOnce(write: AppendRows): DocumentStore["append"] {
  return async (chapterId, updates) => {
    const rows = await write(updates.map((data) => ({ chapterId, data })));
    return rows.at(-1)?.id ?? 0;
  };
}

/** The stored snapshot and the updates up to `throughId`, as compaction merges them. */
async function storedParts(tx: DbTransaction, chapterId: string, throughId: number): Promise<Uint8Array[]> {
  const chapter = await tx.chapter.findUnique({ where: { id: chapterId }, select: { docState: true } });
  const rows = await tx.chapterUpdate.findMany({ where: { chapterId, id: { lte: throughId } }, orderBy: { id: "asc" }, select: { data: true } });
  return [...(chapter?.docState ? [bytes(chapter.docState)] : []), ...rows.map((row) => bytes(row.data))];
}

const prismaAppendRows: AppendRows = (rows) =>
  db.chapterUpdate.createManyAndReturn({
    data: rows.map(({ chapterId, data }) => ({ chapterId, data: Buffer.from(data) })),
    select: { id: true, chapterId: true },
  });
