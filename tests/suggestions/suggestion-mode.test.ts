// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from "vitest";
import * as Y from "yjs";
import type { Editor } from "@tiptap/core";
import { decideAllSuggestions, decideSuggestion } from "#app/editor/suggestions/suggestion-mode.ts";
import { listSuggestions } from "#app/editor/suggestions/suggestion-list.ts";
import { htmlToYUpdate } from "#app/models/chapter-content.server.ts";
import { rejectAllProjection } from "#server/collab/suggestion-guard.ts";
import { posAfter, runs, suggestingEditor, typeAt } from "./editor-helpers.ts";

const anna = { id: "user-anna", name: "Anna" };
const bram = { id: "user-bram", name: "Bram" };
const CHAPTER =
  "<p>Hallo wereld.</p><ul><li><p>punt een</p></li></ul>" +
  "<table><tbody><tr><td><p>cel</p></td></tr></tbody></table>" +
  '<p>Noot<span data-footnote="">de noot</span> hier.</p>';

const editors: Editor[] = [];
function editor(...args: Parameters<typeof suggestingEditor>) {
  const created = suggestingEditor(...args);
  editors.push(created);
  return created;
}
afterEach(() => editors.splice(0).forEach((e) => e.destroy()));

/** The document as it was before any suggestion (what "Alles weigeren" gives back). */
const projection = (e: Editor) => rejectAllProjection(e.state.doc).toJSON();

describe("typing and deleting in suggestion mode", () => {
  test("typed text becomes a suggested insertion with author and time; the original stays", () => {
    const e = editor(anna, { content: CHAPTER });
    const before = projection(e);
    typeAt(e, posAfter(e, "Hallo"), " mooie");
    expect(runs(e).slice(0, 3)).toEqual([{ text: "Hallo" }, { text: " mooie", mark: "insertion", author: "Anna" }, expect.objectContaining({ text: expect.stringMatching(/^ wereld/) })]);
    const [suggestion] = listSuggestions(e.state.doc);
    expect(suggestion).toMatchObject({ authorId: anna.id, authorName: "Anna", inserted: "mooie" });
    expect(Date.parse(suggestion!.createdAt!)).toBeGreaterThan(Date.now() - 60_000);
    expect(projection(e)).toEqual(before);
  });

  test("deleted text is marked, not removed", () => {
    const e = editor(anna, { content: CHAPTER });
    const end = posAfter(e, "wereld");
    e.view.dispatch(e.state.tr.delete(end - "wereld".length, end));
    expect(e.state.doc.textContent).toContain("Hallo wereld.");
    expect(runs(e)).toContainEqual({ text: "wereld", mark: "deletion", author: "Anna" });
    expect(listSuggestions(e.state.doc)).toMatchObject([{ deleted: "wereld", inserted: "" }]);
  });

  test("inside a list item, a table cell and a footnote", () => {
    const e = editor(anna, { content: CHAPTER });
    const before = projection(e);
    typeAt(e, posAfter(e, "punt een"), " en twee");
    typeAt(e, posAfter(e, "cel"), "len");
    typeAt(e, posAfter(e, "de noot"), " erbij");
    const at = posAfter(e, "punt");
    e.view.dispatch(e.state.tr.delete(at - 4, at));
    expect(runs(e).filter((r) => r.mark)).toEqual([
      { text: "punt", mark: "deletion", author: "Anna" },
      { text: " en twee", mark: "insertion", author: "Anna" },
      { text: "len", mark: "insertion", author: "Anna" },
      { text: " erbij", mark: "insertion", author: "Anna" },
    ]);
    expect(projection(e)).toEqual(before);
  });

  test("a deletion across two paragraphs and a new paragraph (Enter) stay suggestions", () => {
    const e = editor(anna, { content: "<p>Eerste alinea hier.</p><p>Tweede alinea daar.</p>" });
    const before = projection(e);
    e.view.dispatch(e.state.tr.delete(posAfter(e, "Eerste"), posAfter(e, "Tweede")));
    expect(e.state.doc.textContent).toBe("Eerste alinea hier.Tweede alinea daar.");
    expect(projection(e)).toEqual(before);
    e.commands.setTextSelection(posAfter(e, "daar."));
    e.commands.splitBlock();
    typeAt(e, e.state.selection.from, "Derde.");
    expect(e.state.doc.childCount).toBe(3);
    expect(projection(e)).toEqual(before);
    expect(listSuggestions(e.state.doc).length).toBeGreaterThanOrEqual(2);
  });

  test("formatting applies directly, without a suggestion", () => {
    const e = editor(anna, { content: CHAPTER });
    e.commands.setTextSelection({ from: 1, to: posAfter(e, "Hallo") });
    e.commands.toggleBold();
    expect(listSuggestions(e.state.doc)).toEqual([]);
    expect(e.getHTML()).toContain("<strong>Hallo</strong>");
  });

  test("a block's type change is a suggestion too (kept to undo on reject)", () => {
    const e = editor(anna, { content: "<p>Een kop worden.</p><p>Rest.</p>" });
    const before = projection(e);
    e.commands.setTextSelection(3);
    e.commands.setHeading({ level: 2 });
    expect(e.state.doc.firstChild?.type.name).toBe("heading");
    expect(listSuggestions(e.state.doc)).toMatchObject([{ modified: true, authorName: "Anna" }]);
    expect(projection(e)).toEqual(before);
    decideAllSuggestions(e, "reject");
    expect(e.state.doc.firstChild?.type.name).toBe("paragraph");
  });

  test("plugins that append edits of their own (a trailing paragraph) do not edit past suggestion mode", () => {
    const html = "<p>Alinea.</p><ul><li><p>Laatste punt</p></li></ul>";
    const free = editor(anna, { content: html, forced: false });
    typeAt(free, posAfter(free, "Alinea"), "!");
    expect(free.state.doc.lastChild?.type.name).toBe("paragraph"); // Tiptap's trailing node, when writing directly
    const suggesting = editor(anna, { content: html });
    typeAt(suggesting, posAfter(suggesting, "Alinea"), "!");
    expect(suggesting.state.doc.lastChild?.type.name).toBe("bulletList");
    expect(projection(suggesting)).toEqual(projection(editor(anna, { content: html })));
  });

  test("with suggestion mode off, edits are direct; a forced editor cannot turn it off", () => {
    const free = editor(anna, { content: CHAPTER, forced: false });
    typeAt(free, posAfter(free, "Hallo"), "!");
    expect(listSuggestions(free.state.doc)).toEqual([]);
    free.commands.setSuggestionMode(true);
    typeAt(free, posAfter(free, "Hallo!"), "?");
    expect(listSuggestions(free.state.doc)).toHaveLength(1);

    const forced = editor(anna, { content: CHAPTER });
    expect(forced.commands.setSuggestionMode(false)).toBe(false);
    typeAt(forced, posAfter(forced, "Hallo"), "!");
    expect(listSuggestions(forced.state.doc)).toHaveLength(1);
  });
});

describe("accepting and rejecting", () => {
  function withTwoSuggestions() {
    const e = editor(anna, { content: "<p>Hallo wereld.</p>" });
    typeAt(e, posAfter(e, "Hallo"), " mooie");
    const end = posAfter(e, "wereld");
    e.view.dispatch(e.state.tr.delete(end - "wereld".length, end));
    const [insertion, deletion] = listSuggestions(e.state.doc);
    return { e, insertion: insertion!, deletion: deletion! };
  }

  test("accepting one keeps its insertion as plain text and leaves the other open", () => {
    const { e, insertion } = withTwoSuggestions();
    expect(decideSuggestion(e, insertion.id, "accept")).toBe(true);
    expect(e.state.doc.textContent).toBe("Hallo mooie wereld.");
    expect(listSuggestions(e.state.doc)).toMatchObject([{ deleted: "wereld" }]);
  });

  test("accepting a deletion removes the text; rejecting an insertion removes it", () => {
    const { e, insertion, deletion } = withTwoSuggestions();
    decideSuggestion(e, deletion.id, "accept");
    decideSuggestion(e, insertion.id, "reject");
    expect(e.state.doc.textContent).toBe("Hallo .");
    expect(listSuggestions(e.state.doc)).toEqual([]);
  });

  test("rejecting a deletion keeps the text; all at once", () => {
    const { e, deletion } = withTwoSuggestions();
    decideSuggestion(e, deletion.id, "reject");
    expect(e.state.doc.textContent).toBe("Hallo mooie wereld.");
    decideAllSuggestions(e, "accept");
    expect(listSuggestions(e.state.doc)).toEqual([]);
    expect(e.state.doc.textContent).toBe("Hallo mooie wereld.");

    const other = withTwoSuggestions().e;
    decideAllSuggestions(other, "reject");
    expect(other.state.doc.textContent).toBe("Hallo wereld.");
  });

  test("a decision on a suggestion someone else already decided does nothing", () => {
    const { e, insertion } = withTwoSuggestions();
    decideSuggestion(e, insertion.id, "accept");
    expect(decideSuggestion(e, insertion.id, "accept")).toBe(false);
  });
});

describe("two editors on one live document", () => {
  /** Two Y.Docs like two browsers, joined by a relay that can be held back (offline) and flushed. */
  function twoPeers(html: string) {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const start = htmlToYUpdate(html);
    Y.applyUpdate(a, start);
    Y.applyUpdate(b, start);
    const held: { to: Y.Doc; update: Uint8Array }[] = [];
    let connected = true;
    const relay = (from: Y.Doc, to: Y.Doc) =>
      from.on("update", (update: Uint8Array, origin: unknown) => {
        if (origin === "relay") return;
        if (connected) Y.applyUpdate(to, update, "relay");
        else held.push({ to, update });
      });
    relay(a, b);
    relay(b, a);
    return {
      a,
      b,
      disconnect: () => (connected = false),
      reconnect: () => {
        connected = true;
        for (const { to, update } of held.splice(0)) Y.applyUpdate(to, update, "relay");
      },
    };
  }

  test("both suggest at once, the documents converge with both suggestions; decisions converge too", () => {
    const peers = twoPeers(CHAPTER);
    const ea = editor(anna, { ydoc: peers.a });
    const eb = editor(bram, { ydoc: peers.b });
    expect(ea.state.doc.textContent).toContain("Hallo wereld.");
    const before = projection(ea);

    peers.disconnect();
    typeAt(ea, posAfter(ea, "Hallo"), " mooie");
    typeAt(ea, posAfter(ea, "cel"), "len");
    typeAt(eb, posAfter(eb, "wereld"), " en maan");
    const at = posAfter(eb, "punt een");
    eb.view.dispatch(eb.state.tr.delete(at - 3, at));
    typeAt(eb, posAfter(eb, "de noot"), " van Bram");
    peers.reconnect();

    expect(ea.getJSON()).toEqual(eb.getJSON());
    expect(runs(ea).filter((r) => r.mark)).toEqual([
      { text: " mooie", mark: "insertion", author: "Anna" },
      { text: " en maan", mark: "insertion", author: "Bram" },
      { text: "een", mark: "deletion", author: "Bram" },
      { text: "len", mark: "insertion", author: "Anna" },
      { text: " van Bram", mark: "insertion", author: "Bram" },
    ]);
    expect(projection(ea)).toEqual(before);

    // Bram decides on Anna's suggestions; Anna's editor follows.
    const annas = listSuggestions(eb.state.doc).filter((s) => s.authorId === anna.id);
    expect(annas).toHaveLength(2);
    decideSuggestion(eb, annas[0]!.id, "accept");
    decideSuggestion(eb, annas[1]!.id, "reject");
    expect(ea.getJSON()).toEqual(eb.getJSON());
    expect(ea.state.doc.textContent).toContain("Hallo mooie wereld en maan.");
    expect(ea.state.doc.textContent).toContain("cel");
    expect(ea.state.doc.textContent).not.toContain("cellen");

    // Accept-all on one converges on the other.
    decideAllSuggestions(ea, "accept");
    expect(eb.getJSON()).toEqual(ea.getJSON());
    expect(listSuggestions(eb.state.doc)).toEqual([]);
    expect(eb.state.doc.textContent).toContain("punt ");
    expect(eb.state.doc.textContent).not.toContain("punt een");
  });

  test("undo is per person: it takes back one's own suggestion, not the other's", () => {
    const peers = twoPeers("<p>Hallo wereld.</p>");
    const ea = editor(anna, { ydoc: peers.a });
    const eb = editor(bram, { ydoc: peers.b });
    typeAt(ea, posAfter(ea, "Hallo"), " mooie");
    typeAt(eb, posAfter(eb, "wereld"), " en maan");
    expect(ea.commands.undo()).toBe(true);
    expect(eb.state.doc.textContent).toBe("Hallo wereld en maan.");
    expect(listSuggestions(eb.state.doc).map((s) => s.authorName)).toEqual(["Bram"]);
    expect(ea.getJSON()).toEqual(eb.getJSON());
  });

  test("typing next to someone else's suggestion makes a suggestion of one's own", () => {
    const peers = twoPeers("<p>Hallo wereld.</p>");
    const ea = editor(anna, { ydoc: peers.a });
    const eb = editor(bram, { ydoc: peers.b });
    typeAt(ea, posAfter(ea, "Hallo"), " mooie");
    typeAt(eb, posAfter(eb, "mooie"), " grote");
    const suggestions = listSuggestions(ea.state.doc);
    expect(suggestions.map((s) => [s.authorName, s.inserted])).toEqual([
      ["Anna", "mooie"],
      ["Bram", "grote"],
    ]);
    expect(new Set(suggestions.map((s) => s.id)).size).toBe(2);
  });
});
