import Database from "better-sqlite3";
import type { AppendRows } from "./append-coalescer.ts";
import { startWalCheckpointer } from "./wal-checkpointer.ts";

/** How long to wait before trying again when another connection holds the write lock. */
const BUSY_RETRY_MS = 1;
/** After this many refused attempts the append fails, and the document keeps and retries its updates. */
const BUSY_ATTEMPTS = 2_000;

/**
 * An appender of ChapterUpdate rows with its own connection, to be closed at shutdown; it also
 * compacts: replaces a chapter's snapshot and deletes its rows up to an id, in one transaction.
 */
export type SqliteUpdateLog = {
  append: AppendRows;
  compact: (chapterId: string, snapshot: Uint8Array, throughId: number) => Promise<void>;
  close: () => Promise<void>;
};

/**
 * Appends ChapterUpdate rows through a prepared better-sqlite3 statement on a connection of its own
 * (docs/decisions/009). Keystrokes are the one hot write path: through Prisma each batch cost about
 * 1.3 ms of query compilation on the event loop; a prepared insert costs microseconds.
 *
 * Its own connection, not Prisma's: a Prisma transaction on that connection may be open across an
 * await, and an insert there would join (and roll back with) it. The busy timeout is zero because
 * a wait would block the event loop, and with it the very Prisma transaction holding the lock;
 * instead a refused attempt is retried on a timer.
 */
export function openSqliteUpdateLog(file: string): SqliteUpdateLog {
  const connection = new Database(file, { timeout: 0 });
  connection.pragma("journal_mode = WAL");
  connection.pragma("synchronous = NORMAL");
  // Checkpoints happen in a worker thread instead of inside a keystroke's commit (wal-checkpointer.ts).
  connection.pragma("wal_autocheckpoint = 0");
  const checkpointer = startWalCheckpointer(file);
  connection.pragma("foreign_keys = ON");
  const insert = connection.prepare<[string, Buffer, string]>(
    'INSERT INTO "ChapterUpdate" ("chapterId", "data", "createdAt") VALUES (?, ?, ?)',
  );
  // One transaction for the whole batch: one commit, and all rows or none.
  const insertAll = connection.transaction((rows: { chapterId: string; data: Uint8Array }[]) => {
    // The same text form Prisma's adapter writes, so Prisma reads these rows back as dates.
    const createdAt = new Date().toISOString().replace("Z", "+00:00");
    return rows.map(({ chapterId, data }) => {
      const { lastInsertRowid } = insert.run(chapterId, Buffer.from(data.buffer, data.byteOffset, data.byteLength), createdAt);
      return { id: Number(lastInsertRowid), chapterId };
    });
  });

  // Compaction on this connection too: through Prisma it cost ~10 ms of query compilation and
  // interpretation on the event loop per chapter, which every typist's peers waited for.
  const storeSnapshot = connection.prepare<[Buffer, string]>('UPDATE "Chapter" SET "docState" = ? WHERE "id" = ?');
  const deleteThrough = connection.prepare<[string, number]>('DELETE FROM "ChapterUpdate" WHERE "chapterId" = ? AND "id" <= ?');
  const compactOne = connection.transaction((chapterId: string, snapshot: Uint8Array, throughId: number) => {
    storeSnapshot.run(Buffer.from(snapshot.buffer, snapshot.byteOffset, snapshot.byteLength), chapterId);
    deleteThrough.run(chapterId, throughId);
  });

  return {
    append: (rows) => retryWhileBusy(() => insertAll(rows)),
    compact: (chapterId, snapshot, throughId) => retryWhileBusy(() => compactOne(chapterId, snapshot, throughId)),
    close: async () => {
      connection.close();
      await checkpointer.stop();
    },
  };
}

/** Runs a write, trying again on a timer while another connection holds the write lock. */
async function retryWhileBusy<T>(write: () => T): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return write();
    } catch (error) {
      if (!isBusy(error) || attempt >= BUSY_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, BUSY_RETRY_MS));
    }
  }
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "SQLITE_BUSY" || code === "SQLITE_LOCKED";
}
