import { afterEach, describe, expect, test } from "vitest";
import * as Y from "yjs";
import { db } from "#app/utils/db.server.ts";
import { prismaDocumentStore, type DocumentStore } from "#server/collab/persistence.ts";
import { appendParagraph, chapterWithWriter, contentOf, storedDocument } from "#tests/collab/helpers.ts";

// The document store as two processes share it on PostgreSQL (docs/decisions/022): two stores on
// one database stand for them. (SQLite serves one process, whose compaction merges nothing.)

const stores: DocumentStore[] = [];
const open = () => {
  const store = prismaDocumentStore({ htmlToUpdate: paragraphsFromHtml });
  stores.push(store);
  return store;
};
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});

function paragraphsFromHtml(html: string): Uint8Array {
  const doc = new Y.Doc();
  for (const [, text] of html.matchAll(/<p>(.*?)<\/p>/g)) appendParagraph(doc, text ?? "");
  return Y.encodeStateAsUpdate(doc);
}

/** An update that adds a paragraph to a copy of the document. */
function paragraphUpdate(doc: Y.Doc, text: string): Uint8Array {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const before = Y.encodeStateVector(copy);
  appendParagraph(copy, text);
  return Y.encodeStateAsUpdate(copy, before);
}

describe("one chapter's store shared by two processes", () => {
  test("two loading a never-edited chapter at once keep one first state, not the text twice", async () => {
    const { chapter } = await chapterWithWriter({ bodyHtml: "<p>Eerste alinea</p>" });
    const [first, second] = await Promise.all([open().load(chapter.id), open().load(chapter.id)]);
    const merged = new Y.Doc();
    Y.applyUpdate(merged, Y.encodeStateAsUpdate(first!.doc));
    Y.applyUpdate(merged, Y.encodeStateAsUpdate(second!.doc));
    expect(contentOf(merged)).toBe("<paragraph>Eerste alinea</paragraph>");
    expect(contentOf(await storedDocument(chapter.id))).toBe("<paragraph>Eerste alinea</paragraph>");
  });

  test("compaction keeps a row another process stored that this one has not seen yet", async () => {
    const { chapter } = await chapterWithWriter({ bodyHtml: "" });
    const [ours, theirs] = [open(), open()];
    const loaded = (await ours.load(chapter.id))!;
    // The other process stores first (a lower id); its relayed copy has not reached us.
    await theirs.append(chapter.id, [paragraphUpdate(loaded.doc, "van het andere proces")]);
    const own = paragraphUpdate(loaded.doc, "van dit proces");
    Y.applyUpdate(loaded.doc, own);
    const through = await ours.append(chapter.id, [own]);
    await ours.compact(chapter.id, through, (stored) => {
      for (const update of stored) Y.applyUpdate(loaded.doc, update);
      return Y.encodeStateAsUpdate(loaded.doc);
    });
    expect(await db.chapterUpdate.count({ where: { chapterId: chapter.id } })).toBe(0);
    const content = contentOf(await storedDocument(chapter.id));
    expect(content).toContain("van het andere proces");
    expect(content).toContain("van dit proces");
  });
});
