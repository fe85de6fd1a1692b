import { expect, test } from "vitest";
import { createBook, createChapter } from "#tests/factories.ts";
import { createRevision } from "./revisions.server.ts";

test("revisions stored at the same moment (a restore during a workflow step) get consecutive numbers", async () => {
  const { book, part } = await createBook();
  const chapter = await createChapter({ bookId: book.id, partId: part.id });
  const input = (message: string) => ({ chapterId: chapter.id, fromStatus: "draft", toStatus: "draft", message, snapshot: new Uint8Array([0, 0]), html: "", text: "", authorId: null });
  const revisions = await Promise.all(["een", "twee", "drie", "vier"].map((message) => createRevision(input(message))));
  expect(revisions.map((revision) => revision.number).sort()).toEqual([1, 2, 3, 4]);
});
