import { transformToSuggestionTransaction } from "@handlewithcare/prosemirror-suggest-changes";
import { EditorState, type Transaction } from "@tiptap/pm/state";
import { updateYFragment, yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type * as Y from "yjs";
import { chapterSchema } from "#app/common/chapter-schema.ts";
import { CHAPTER_FRAGMENT, CLOSE_CODES, collabTokenUrl } from "#app/common/collab.ts";
import { createCollabToken } from "#app/utils/collab-token.server.ts";
import { db } from "#app/utils/db.server.ts";
import type { KapittelServer } from "#server/app.ts";
import { documentAccess } from "#server/collab/authenticate.ts";
import { createUser } from "#tests/factories.ts";
import { TestClient } from "#tests/helpers/http-client.ts";
import { logInAs } from "#tests/helpers/login.ts";
import { appendParagraph, chapterWithWriter, collectLogs, connectProvider, contentOf, startCollabServer, synced, waitFor, type TestClient as YClient } from "../collab/helpers.ts";

const logs = collectLogs();
let server: KapittelServer;

beforeAll(async () => {
  server = await startCollabServer({ log: logs.log, timing: { renderDebounceMs: 20, renderMaxWaitMs: 100 } });
});
afterAll(async () => {
  await server.close();
});

/** Edits a client's document the way an editor does: a ProseMirror transaction, written back to Yjs. */
function edit(doc: Y.Doc, change: (state: EditorState) => Transaction, { suggest }: { suggest: boolean }) {
  const fragment = doc.getXmlFragment(CHAPTER_FRAGMENT);
  const state = EditorState.create({ schema: chapterSchema, doc: yXmlFragmentToProseMirrorRootNode(fragment, chapterSchema) });
  const tr = change(state);
  const result = suggest ? transformToSuggestionTransaction(tr, state, () => "suggestion-1") : tr;
  doc.transact(() => updateYFragment(doc, fragment, result.doc, { mapping: new Map(), isOMark: new Map() }));
}

/** The position right after `text` (first occurrence) in a ProseMirror state. */
function after(state: EditorState, text: string): number {
  let found = -1;
  state.doc.descendants((node, pos) => {
    if (found < 0 && node.isText && node.text!.includes(text)) found = pos + node.text!.indexOf(text) + text.length;
  });
  return found;
}

async function reviewChapter() {
  const setup = await chapterWithWriter({ status: "in_review", bodyHtml: "<p>Hallo wereld.</p>" });
  const editor = await createUser({ role: "editor" });
  return { ...setup, editor };
}

function closes(client: YClient): number[] {
  const codes: number[] = [];
  client.provider.on("connection-close", (event) => event && codes.push(event.code));
  return codes;
}

describe("access to a chapter in review", () => {
  test("its author may suggest, an editor writes; the token route says so", async () => {
    const { chapter, writer, editor } = await reviewChapter();
    expect(await documentAccess(writer.id, chapter.id)).toBe("suggest");
    expect(await documentAccess(editor.id, chapter.id)).toBe("write");
    const http = new TestClient(server.url);
    await logInAs(http, writer.id);
    const body = (await (await http.get(collabTokenUrl(chapter.id))).json()) as { access: string };
    expect(body.access).toBe("suggest");
    await db.chapter.update({ where: { id: chapter.id }, data: { status: "changes_requested" } });
    expect(await documentAccess(writer.id, chapter.id)).toBe("write");
  });
});

describe("a suggest-only connection", () => {
  test("its suggestion is stored, relayed, rendered as <ins> and counted", async () => {
    const { chapter, token, editor } = await reviewChapter();
    const author = connectProvider(server.url, chapter.id, { token });
    const reviewer = connectProvider(server.url, chapter.id, { token: createCollabToken(editor.id, chapter.id).token });
    try {
      await Promise.all([synced(author), synced(reviewer)]);
      const codes = closes(author);
      edit(author.doc, (state) => state.tr.insertText(" mooie", after(state, "Hallo")), { suggest: true });
      await waitFor(() => contentOf(reviewer.doc).includes("mooie"), { message: "the editor to see the suggestion" });
      expect(contentOf(reviewer.doc)).toMatch(/<insertion[^>]*> mooie/);
      const stored = await waitFor(async () => {
        const row = await db.chapter.findUniqueOrThrow({ where: { id: chapter.id }, select: { bodyHtml: true, openSuggestions: true } });
        return row.openSuggestions === 1 ? row : null;
      }, { message: "the rendered chapter to count the suggestion" });
      expect(stored!.bodyHtml).toContain('<ins data-suggestion="suggestion-1" class="suggestion suggestion-insertion"> mooie</ins>');
      const rows = await db.chapterUpdate.findMany({ where: { chapterId: chapter.id } });
      expect(rows.some((row) => Buffer.from(row.data).includes("mooie"))).toBe(true);
      expect(codes).toEqual([]);

      // The editor accepts it (a plain edit with write access): the count goes back to 0.
      edit(reviewer.doc, (state) => state.tr.removeMark(0, state.doc.content.size, chapterSchema.marks.insertion!), { suggest: false });
      await waitFor(async () => (await db.chapter.findUniqueOrThrow({ where: { id: chapter.id } })).openSuggestions === 0, {
        message: "the count to drop after accepting",
      });
      expect((await db.chapter.findUniqueOrThrow({ where: { id: chapter.id } })).bodyHtml).toBe("<p>Hallo mooie wereld.</p>");
    } finally {
      author.provider.destroy();
      reviewer.provider.destroy();
    }
  });

  test("a direct edit is refused with 4422: not stored, not relayed, logged", async () => {
    const { chapter, token, editor, writer } = await reviewChapter();
    const author = connectProvider(server.url, chapter.id, { token });
    const reviewer = connectProvider(server.url, chapter.id, { token: createCollabToken(editor.id, chapter.id).token });
    try {
      await Promise.all([synced(author), synced(reviewer)]);
      const codes = closes(author);
      appendParagraph(author.doc, "stiekem erbij");
      await waitFor(() => codes.includes(CLOSE_CODES.notASuggestion), { message: "close 4422" });
      // Deleting text directly (no deletion mark) is refused as well, on a new connection.
      // (A stock client stops after a 44xx close; a new provider reconnects.)
      const again = connectProvider(server.url, chapter.id, { token: createCollabToken(writer.id, chapter.id).token });
      await synced(again);
      const againCodes = closes(again);
      edit(again.doc, (state) => state.tr.delete(1, after(state, "Hallo")), { suggest: false });
      await waitFor(() => againCodes.includes(CLOSE_CODES.notASuggestion), { message: "close 4422 for a direct deletion" });
      again.provider.destroy();

      // The editor's next change arrives after anything the author sent; the refused edits are not there.
      appendParagraph(reviewer.doc, "van de redacteur");
      await waitFor(async () => (await db.chapterUpdate.findMany({ where: { chapterId: chapter.id } })).some((r) => Buffer.from(r.data).includes("redacteur")));
      const rows = await db.chapterUpdate.findMany({ where: { chapterId: chapter.id } });
      expect(rows.some((row) => Buffer.from(row.data).includes("stiekem"))).toBe(false);
      expect(contentOf(reviewer.doc)).not.toContain("stiekem");
      expect(contentOf(reviewer.doc)).toContain("Hallo wereld.");
      const closed = await waitFor(() =>
        logs.entries.find((e) => e.event === "collab.connection.closed" && e.user === writer.id && e.code === CLOSE_CODES.notASuggestion),
      );
      expect(closed).toMatchObject({ access: "suggest", chapter: chapter.id });
      expect(String(closed!.reason)).toContain("not a suggestion");
    } finally {
      author.provider.destroy();
      reviewer.provider.destroy();
    }
  });

  test("withdrawing one's own suggestion passes; accepting it oneself is refused", async () => {
    const { chapter, token } = await reviewChapter();
    const author = connectProvider(server.url, chapter.id, { token });
    try {
      await synced(author);
      const codes = closes(author);
      edit(author.doc, (state) => state.tr.insertText(" mooie", after(state, "Hallo")), { suggest: true });
      edit(author.doc, (state) => state.tr.insertText(" grote", after(state, "wereld")), { suggest: true });
      // Withdraw the first: its text goes (it never was part of the chapter).
      edit(author.doc, (state) => state.tr.delete(after(state, "Hallo"), after(state, "mooie")), { suggest: false });
      await waitFor(async () => (await db.chapter.findUniqueOrThrow({ where: { id: chapter.id } })).bodyHtml.includes("grote"), {
        message: "the chapter to be rendered",
      });
      expect(codes).toEqual([]);
      // Accepting the second oneself (dropping its insertion mark) would change the chapter: refused.
      edit(author.doc, (state) => state.tr.removeMark(0, state.doc.content.size, chapterSchema.marks.insertion!), { suggest: false });
      await waitFor(() => codes.includes(CLOSE_CODES.notASuggestion), { message: "close 4422 for accepting" });
    } finally {
      author.provider.destroy();
    }
  });
});

describe("recording decisions in the activity log", () => {
  test("editors record accepted/rejected suggestions; an author in review may not; bad input is a 400", async () => {
    const { chapter, writer, editor } = await reviewChapter();
    const path = `/api/chapters/${chapter.id}/suggestions`;
    const asAuthor = new TestClient(server.url);
    await logInAs(asAuthor, writer.id);
    expect((await asAuthor.post(path, { decision: "accepted", count: "1" })).status).toBe(403);

    const asEditor = new TestClient(server.url);
    await logInAs(asEditor, editor.id);
    expect((await asEditor.post(path, { decision: "accepted", count: "3" })).status).toBe(201);
    expect((await asEditor.post(path, { decision: "rejected", count: "1", text: "Een nieuwe zin." })).status).toBe(201);
    expect((await asEditor.post(path, { decision: "rejected", count: "1", text: "x".repeat(201) })).status).toBe(400);
    const bad = await asEditor.post(path, { decision: "maybe", count: "1" });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toMatch(/beslissing/);
    expect((await asEditor.post(path, { decision: "accepted", count: "1", csrf: null })).status).toBe(403);
    expect((await asEditor.post(`/api/chapters/bestaat-niet/suggestions`, { decision: "accepted", count: "1" })).status).toBe(404);

    const events = await db.activityEvent.findMany({ where: { chapterId: chapter.id }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => [e.kind, e.actorId, JSON.parse(e.data)])).toEqual([
      ["suggestion_accepted", editor.id, { count: 3 }],
      ["suggestion_rejected", editor.id, { count: 1, text: "Een nieuwe zin." }],
    ]);
  });
});
