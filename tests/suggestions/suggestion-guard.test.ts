import { transformToSuggestionTransaction } from "@handlewithcare/prosemirror-suggest-changes";
import { EditorState, type Transaction } from "@tiptap/pm/state";
import { updateYFragment, yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import { describe, expect, test } from "vitest";
import * as Y from "yjs";
import { chapterSchema } from "#app/common/chapter-schema.ts";
import { CHAPTER_FRAGMENT } from "#app/common/collab.ts";
import { htmlToYUpdate } from "#app/models/chapter-content.server.ts";
import { checkSuggestionUpdate, countDocumentSuggestions } from "#server/collab/suggestion-guard.ts";

/** A client's copy of the live document, and the update its next edit produces. */
function client(live: Y.Doc) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(live));
  return {
    doc,
    edit(change: (state: EditorState) => Transaction, { suggest }: { suggest: boolean }): Uint8Array {
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(live));
      const before = Y.encodeStateVector(doc);
      const fragment = doc.getXmlFragment(CHAPTER_FRAGMENT);
      const state = EditorState.create({ schema: chapterSchema, doc: yXmlFragmentToProseMirrorRootNode(fragment, chapterSchema) });
      const tr = change(state);
      const result = suggest ? transformToSuggestionTransaction(tr, state, () => `s-${Math.random()}`) : tr;
      updateYFragment(doc, fragment, result.doc, { mapping: new Map(), isOMark: new Map() });
      return Y.encodeStateAsUpdate(doc, before);
    },
  };
}

/** The position right after `text` (first occurrence). */
function after(state: EditorState, text: string): number {
  let found = -1;
  state.doc.descendants((node, pos) => {
    if (found < 0 && node.isText && node.text!.includes(text)) found = pos + node.text!.indexOf(text) + text.length;
  });
  if (found < 0) throw new Error(`no "${text}"`);
  return found;
}

const live = () => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, htmlToYUpdate("<p>Hallo wereld.</p><ul><li><p>Een punt</p></li></ul><table><tbody><tr><td><p>cel</p></td></tr></tbody></table>"));
  return doc;
};

describe("the suggestion guard", () => {
  test("suggested insertions and deletions pass, in a list and a table too; direct edits do not", () => {
    const doc = live();
    const author = client(doc);
    for (const text of ["Hallo", "Een punt", "cel"]) {
      const update = author.edit((s) => s.tr.insertText("x", after(s, text)), { suggest: true });
      expect(checkSuggestionUpdate(doc, update)).toEqual({ ok: true });
      Y.applyUpdate(doc, update);
    }
    const deletion = author.edit((s) => s.tr.delete(after(s, "wereld") - 6, after(s, "wereld")), { suggest: true });
    expect(checkSuggestionUpdate(doc, deletion)).toEqual({ ok: true });
    Y.applyUpdate(doc, deletion);
    expect(countDocumentSuggestions(doc)).toBe(4);

    // (Each refused or unapplied edit comes from a client of its own: later edits would build on it.)
    const direct = client(doc).edit((s) => s.tr.insertText("!", 3), { suggest: false });
    expect(checkSuggestionUpdate(doc, direct)).toMatchObject({ ok: false, reason: expect.stringContaining("outside suggestions") });
    // Formatting applies directly and passes.
    const bold = client(doc).edit((s) => s.tr.addMark(1, 6, chapterSchema.marks.bold!.create()), { suggest: false });
    expect(checkSuggestionUpdate(doc, bold)).toEqual({ ok: true });
  });

  test("after someone with write access deletes text (a delete-only update), suggestions still pass", () => {
    const doc = live();
    const editor = client(doc);
    const author = client(doc);
    const first = author.edit((s) => s.tr.insertText("a", 3), { suggest: true });
    expect(checkSuggestionUpdate(doc, first)).toEqual({ ok: true });
    Y.applyUpdate(doc, first);
    const second = author.edit((s) => s.tr.insertText("c", 4), { suggest: true });
    expect(checkSuggestionUpdate(doc, second)).toEqual({ ok: true }); // fills the cache
    Y.applyUpdate(doc, second);
    expect(checkSuggestionUpdate(doc, client(doc).edit((s) => s.tr.insertText("d", 5), { suggest: true }))).toEqual({ ok: true });
    Y.applyUpdate(doc, editor.edit((s) => s.tr.delete(after(s, "punt") - 4, after(s, "punt")), { suggest: false }));
    const next = author.edit((s) => s.tr.insertText("b", 3), { suggest: true });
    expect(checkSuggestionUpdate(doc, next)).toEqual({ ok: true });
  });

  test("an update that waits for history the server lacks, or adds another shared type, is refused", () => {
    const doc = live();
    const author = client(doc);
    author.edit((s) => s.tr.insertText("a", 3), { suggest: true });
    const second = author.edit((s) => s.tr.insertText("b", 4), { suggest: true });
    expect(checkSuggestionUpdate(doc, second)).toMatchObject({ ok: false, reason: expect.stringContaining("does not have") });

    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    const before = Y.encodeStateVector(other);
    other.getMap("elders").set("x", 1);
    expect(checkSuggestionUpdate(doc, Y.encodeStateAsUpdate(other, before))).toMatchObject({ ok: false, reason: expect.stringContaining("elders") });
  });
});
