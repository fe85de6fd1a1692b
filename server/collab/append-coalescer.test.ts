import { describe, expect, test } from "vitest";
import { db } from "#app/utils/db.server.ts";
import { createBook, createChapter } from "#tests/factories.ts";
import { coalesceAppends, type AppendRows } from "./append-coalescer.ts";

// The real write the collaboration store uses, counted.
function countedWrite() {
  const calls: number[] = [];
  const write: AppendRows = async (rows) => {
    calls.push(rows.length);
    return db.chapterUpdate.createManyAndReturn({
      data: rows.map(({ chapterId, data }) => ({ chapterId, data: Buffer.from(data) })),
      select: { id: true, chapterId: true },
    });
  };
  return { calls, write };
}

describe("appends of several documents written together", () => {
  test("appends handed in together share one write, and each gets its own chapter's last id", async () => {
    const { book, part } = await createBook();
    const a = await createChapter({ bookId: book.id, partId: part.id });
    const b = await createChapter({ bookId: book.id, partId: part.id });
    const { calls, write } = countedWrite();
    const append = coalesceAppends(write);
    const [lastA, lastB] = await Promise.all([
      append(a.id, [new Uint8Array([1]), new Uint8Array([2])]),
      append(b.id, [new Uint8Array([3])]),
    ]);
    expect(calls).toEqual([3]);
    const rows = await db.chapterUpdate.findMany({ orderBy: { id: "asc" } });
    expect(lastA).toBe(Math.max(...rows.filter((r) => r.chapterId === a.id).map((r) => r.id)));
    expect(lastB).toBe(rows.find((r) => r.chapterId === b.id)?.id);
  });

  test("one failing chapter does not hold up the others: only its append rejects", async () => {
    const { book, part } = await createBook();
    const good = await createChapter({ bookId: book.id, partId: part.id });
    const { write } = countedWrite();
    const append = coalesceAppends(write);
    const [stored, refused] = await Promise.allSettled([
      append(good.id, [new Uint8Array([7])]),
      append("chapter-that-was-deleted", [new Uint8Array([8])]),
    ]);
    expect(stored.status).toBe("fulfilled");
    expect(refused.status).toBe("rejected");
    expect(await db.chapterUpdate.count({ where: { chapterId: good.id } })).toBe(1);
  });
});
