import Database from "better-sqlite3";
import { afterEach, describe, expect, test } from "vitest";
import { sqliteFilePath } from "#app/common/database-url.ts";
import { db } from "#app/utils/db.server.ts";
import { createBook, createChapter } from "#tests/factories.ts";
import { openSqliteUpdateLog, type SqliteUpdateLog } from "./sqlite-update-log.ts";

let log: SqliteUpdateLog | null = null;
afterEach(async () => {
  await log?.close();
  log = null;
});

const open = () => (log = openSqliteUpdateLog(sqliteFilePath(process.env.DATABASE_URL!)!));

async function twoChapters() {
  const { book, part } = await createBook();
  return Promise.all([createChapter({ bookId: book.id, partId: part.id }), createChapter({ bookId: book.id, partId: part.id })]);
}

describe("the SQLite update log", () => {
  test("appends rows of several chapters in order, readable through Prisma", async () => {
    const [a, b] = await twoChapters();
    const rows = await open().append([
      { chapterId: a.id, data: new Uint8Array([1, 2]) },
      { chapterId: b.id, data: new Uint8Array([3]) },
      { chapterId: a.id, data: new Uint8Array([4]) },
    ]);
    expect(rows.map((r) => r.chapterId)).toEqual([a.id, b.id, a.id]);
    expect(rows[1]!.id).toBe(rows[0]!.id + 1);
    const stored = await db.chapterUpdate.findMany({ where: { chapterId: a.id }, orderBy: { id: "asc" } });
    expect(stored.map((u) => [...u.data])).toEqual([[1, 2], [4]]);
    expect(stored[0]!.createdAt).toBeInstanceOf(Date);
    expect(Number.isNaN(stored[0]!.createdAt.getTime())).toBe(false);
  });

  test("a batch with a removed chapter stores nothing at all", async () => {
    const [a] = await twoChapters();
    await expect(
      open().append([
        { chapterId: a.id, data: new Uint8Array([1]) },
        { chapterId: "no-such-chapter", data: new Uint8Array([2]) },
      ]),
    ).rejects.toThrow(/FOREIGN KEY/);
    expect(await db.chapterUpdate.count({ where: { chapterId: a.id } })).toBe(0);
  });

  test("waits for a Prisma transaction that holds the write lock instead of failing or blocking", async () => {
    const [a] = await twoChapters();
    const updateLog = open();
    let appended: Promise<unknown> | null = null;
    await db.$transaction(async (tx) => {
      await tx.chapter.update({ where: { id: a.id }, data: { title: "vergrendeld" } });
      // The write lock is held until this callback returns; the append must wait, not throw.
      appended = updateLog.append([{ chapterId: a.id, data: new Uint8Array([9]) }]);
      await new Promise((resolve) => setTimeout(resolve, 30));
      expect(await tx.chapterUpdate.count({ where: { chapterId: a.id } })).toBe(0);
    });
    await appended;
    expect(await db.chapterUpdate.count({ where: { chapterId: a.id } })).toBe(1);
  });

  test("compaction replaces the snapshot and deletes only the rows up to the given id, of that chapter only", async () => {
    const [a, b] = await twoChapters();
    const updateLog = open();
    const rows = await updateLog.append([
      { chapterId: a.id, data: new Uint8Array([1]) },
      { chapterId: b.id, data: new Uint8Array([2]) },
      { chapterId: a.id, data: new Uint8Array([3]) },
      { chapterId: a.id, data: new Uint8Array([4]) },
    ]);
    await updateLog.compact(a.id, new Uint8Array([7, 7]), rows[2]!.id);
    const chapter = await db.chapter.findUniqueOrThrow({ where: { id: a.id } });
    expect([...chapter.docState!]).toEqual([7, 7]);
    const left = await db.chapterUpdate.findMany({ where: { chapterId: { in: [a.id, b.id] } }, orderBy: { id: "asc" } });
    expect(left.map((u) => [u.chapterId, [...u.data]])).toEqual([
      [b.id, [2]],
      [a.id, [4]],
    ]);
  });

  test("keeps the write-ahead log short without checkpointing inside its own commits", async () => {
    const [a] = await twoChapters();
    const file = sqliteFilePath(process.env.DATABASE_URL!)!;
    const updateLog = open();
    // Commits one by one for a while, as typists do; each adds at least one page to the log.
    let commits = 0;
    // At least 2,000 (past the restart size) and for at least 1.5 s (several checkpoint rounds).
    for (const until = Date.now() + 1_500; Date.now() < until || commits < 2_000; commits++) {
      await updateLog.append([{ chapterId: a.id, data: new Uint8Array(200) }]);
      await new Promise((resolve) => setImmediate(resolve));
    }
    // The log's size in pages now: without checkpoints (the update log's own are off) it would
    // hold every commit; the worker's checkpoints let it start over.
    const check = new Database(file);
    const [result] = check.pragma("wal_checkpoint(PASSIVE)") as { busy: number; log: number; checkpointed: number }[];
    check.close();
    expect(result!.log).toBeLessThan(commits * 0.75);
    expect(await db.chapterUpdate.count({ where: { chapterId: a.id } })).toBe(commits);
  });
});
