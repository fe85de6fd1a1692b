import * as encoding from "lib0/encoding";
import { describe, expect, test } from "vitest";
import * as Y from "yjs";
import { htmlToYUpdate } from "#app/models/chapter-content.server.ts";
import { markdownToChapterHtml } from "#tests/helpers/markdown-html.ts";
import { CRAFTED_UPDATES } from "#tests/collab/crafted-updates.ts";
import { readBookFiles } from "#server/chapter-files/book-files.ts";
import { DEMO_BOOK_DIRECTORY } from "../../prisma/demo-data.ts";
import { decodeMessage, encodeUpdate, MalformedMessageError, validateStateVector, validateUpdate } from "./protocol.ts";

/** A document with every kind of content Tiptap and Yjs produce, edited and partly deleted. */
function busyDocument(seed: number) {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on("update", (update: Uint8Array) => updates.push(update));
  let random = seed;
  const next = (n: number) => ((random = (random * 1103515245 + 12345) % 2 ** 31), random % n);
  const fragment = doc.getXmlFragment("default");
  for (let i = 0; i < 40; i++) {
    const paragraph = new Y.XmlElement(next(2) ? "paragraph" : "heading");
    paragraph.setAttribute("level", String(next(4)));
    const text = new Y.XmlText();
    paragraph.insert(0, [text]);
    fragment.insert(next(fragment.length + 1), [paragraph]);
    text.insert(0, `Tekst ${i} met ëmoji 😀 `);
    text.format(0, 3, { bold: true, link: { href: "https://example.org" } });
    text.insertEmbed(1, { image: "x.png" });
    if (next(3) === 0 && text.length > 4) text.delete(1, 3);
    if (next(5) === 0 && fragment.length > 1) fragment.delete(next(fragment.length), 1);
  }
  const map = doc.getMap("meta");
  map.set("any", { list: [1, 2.5, "x", null, true, { deep: [new Uint8Array([1, 2])] }], big: 2n ** 40n });
  map.set("json", "tekst");
  doc.getArray("array").insert(0, [1, "two", { three: 3 }, new Uint8Array([4])]);
  return { doc, updates };
}

describe("update validation", () => {
  test("accepts every update, state and state vector that Yjs itself produces", () => {
    for (let seed = 1; seed <= 20; seed++) {
      const { doc, updates } = busyDocument(seed);
      for (const update of updates) validateUpdate(update);
      validateUpdate(Y.encodeStateAsUpdate(doc));
      validateUpdate(Y.mergeUpdates(updates));
      validateStateVector(Y.encodeStateVector(doc));
      // A partial merge contains skips; a diff against a state vector is what sync step 2 sends.
      validateUpdate(Y.mergeUpdates(updates.filter((_, i) => i % 3 !== 0)));
      validateUpdate(Y.diffUpdate(Y.encodeStateAsUpdate(doc), Y.encodeStateVector(busyDocument(seed + 100).doc)));
    }
    validateUpdate(Y.encodeStateAsUpdate(new Y.Doc()));
  });

  test("accepts the documents of every demo chapter, as the editor's schema builds them", async () => {
    const { chapters } = await readBookFiles(DEMO_BOOK_DIRECTORY);
    for (const chapter of chapters) {
      const update = htmlToYUpdate(await markdownToChapterHtml(chapter.markdown));
      expect(() => validateUpdate(update), chapter.file).not.toThrow();
    }
  });

  test.each(Object.entries(CRAFTED_UPDATES))("refuses a crafted update quickly: %s", (_name, update) => {
    const started = performance.now();
    expect(() => validateUpdate(update)).toThrow(MalformedMessageError);
    expect(() => decodeMessage(encodeUpdate(update))).toThrow(MalformedMessageError);
    expect(performance.now() - started).toBeLessThan(500);
  });

  test("refuses thousands of random and truncated frames without hanging", () => {
    const { updates } = busyDocument(7);
    const frames = updates.map(encodeUpdate);
    let refused = 0;
    const started = performance.now();
    for (let i = 0; i < 5000; i++) {
      const frame = frames[i % frames.length]!;
      const cut = frame.slice(0, Math.floor(Math.random() * frame.length));
      const noise = crypto.getRandomValues(new Uint8Array(1 + Math.floor(Math.random() * 64)));
      for (const candidate of [cut, noise]) {
        try {
          decodeMessage(candidate);
        } catch (error) {
          expect(error).toBeInstanceOf(MalformedMessageError);
          refused += 1;
        }
      }
    }
    expect(refused).toBeGreaterThan(5000);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  test("refuses unknown message types and trailing bytes", () => {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 9);
    expect(() => decodeMessage(encoding.toUint8Array(e))).toThrow(/unknown message type/);
    const good = encodeUpdate(Y.encodeStateAsUpdate(busyDocument(3).doc));
    expect(() => decodeMessage(new Uint8Array([...good, 0]))).toThrow(/trailing/);
  });
});
