import { describe, expect, test } from "vitest";
import {
  canStepChapter,
  moveChapterStep,
  moveChapterTo,
  movePartTo,
  orderOf,
  type Arrangement,
} from "#app/components/book-structure/arrangement.ts";
import { checkOrder } from "#app/models/book-structure.server.ts";

const chapter = (id: string) => ({ id, slug: id, title: id.toUpperCase(), status: "draft", organisations: [] });
const book: Arrangement = [
  { id: "p1", slug: "p1", title: "Deel 1", chapters: [chapter("a"), chapter("b")] },
  { id: "p2", slug: "p2", title: "Deel 2", chapters: [chapter("c")] },
  { id: "p3", slug: "p3", title: "Deel 3", chapters: [] },
];
const ids = (arrangement: Arrangement) => orderOf(arrangement).map((part) => `${part.partId}:${part.chapterIds.join(",")}`);

describe("moving chapters and parts (shared by drag and drop and the buttons)", () => {
  test("a step up or down stays within the part while it can", () => {
    expect(ids(moveChapterStep(book, "b", -1))).toEqual(["p1:b,a", "p2:c", "p3:"]);
    expect(ids(moveChapterStep(book, "a", 1))).toEqual(["p1:b,a", "p2:c", "p3:"]);
  });

  test("at the edge of a part a step crosses into the neighbouring part, in reading order", () => {
    expect(ids(moveChapterStep(book, "b", 1))).toEqual(["p1:a", "p2:b,c", "p3:"]);
    expect(ids(moveChapterStep(book, "c", -1))).toEqual(["p1:a,b,c", "p2:", "p3:"]);
    expect(ids(moveChapterStep(book, "c", 1))).toEqual(["p1:a,b", "p2:", "p3:c"]);
  });

  test("the very first and last chapter cannot step further", () => {
    expect(canStepChapter(book, "a", -1)).toBe(false);
    expect(moveChapterStep(book, "a", -1)).toBe(book);
    expect(canStepChapter(book, "c", 1)).toBe(true);
    const lastInBook = moveChapterStep(book, "c", 1);
    expect(canStepChapter(lastInBook, "c", 1)).toBe(false);
  });

  test("a chapter moves to any place in any part, the index clamped", () => {
    expect(ids(moveChapterTo(book, "a", 2, 0))).toEqual(["p1:b", "p2:c", "p3:a"]);
    expect(ids(moveChapterTo(book, "a", 1, 99))).toEqual(["p1:b", "p2:c,a", "p3:"]);
    expect(moveChapterTo(book, "nope", 1, 0)).toBe(book);
  });

  test("parts move among themselves and keep their chapters", () => {
    expect(ids(movePartTo(book, "p3", 0))).toEqual(["p3:", "p1:a,b", "p2:c"]);
    expect(movePartTo(book, "p1", 5)).toBe(book);
  });

  test("moves never change the input", () => {
    const snapshot = JSON.stringify(book);
    moveChapterStep(book, "b", 1);
    movePartTo(book, "p2", 0);
    expect(JSON.stringify(book)).toBe(snapshot);
  });
});

describe("checkOrder: every part and chapter of the book exactly once", () => {
  const parts = new Set(["p1", "p2"]);
  const chapters = new Set(["a", "b", "c"]);
  test.each([
    [[{ partId: "p2", chapterIds: ["c", "a"] }, { partId: "p1", chapterIds: ["b"] }], null],
    [[{ partId: "p1", chapterIds: ["a"] }, { partId: "p2", chapterIds: ["c"] }], "bookSettings.order.missingChapter"],
    [[{ partId: "p1", chapterIds: ["a", "b", "a"] }, { partId: "p2", chapterIds: ["c"] }], "bookSettings.order.repeatedChapter"],
    [[{ partId: "p1", chapterIds: ["a", "b", "x"] }, { partId: "p2", chapterIds: ["c"] }], "bookSettings.order.unknownChapter"],
    [[{ partId: "p1", chapterIds: ["a", "b", "c"] }], "bookSettings.order.missingPart"],
    [[{ partId: "p1", chapterIds: ["a", "b", "c"] }, { partId: "p1", chapterIds: [] }], "bookSettings.order.repeatedPart"],
    [[{ partId: "p9", chapterIds: [] }], "bookSettings.order.unknownPart"],
  ])("%j → %s", (order, problem) => {
    expect(checkOrder(order, parts, chapters)).toBe(problem);
  });
});
