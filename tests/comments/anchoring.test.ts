import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { initProseMirrorDoc } from "@tiptap/y-tiptap";
import { afterEach, expect, test } from "vitest";
import * as Y from "yjs";
import { chapterSchema } from "#app/common/chapter-schema.ts";
import { anchorsForRange, base64ToBytes, rangeForAnchors, type YMapping } from "#app/editor/comments/anchors.ts";
import { resolveAnchorRange } from "#app/models/comment-anchors.server.ts";
import { waitFor, type TestClient as LiveClient } from "#tests/collab/helpers.ts";
import { useTestServer } from "#tests/helpers/server.ts";
import { clientFor, commentScene, findText, liveClient, postComment, SENTENCE } from "./helpers.ts";

const server = useTestServer();
let live: LiveClient[] = [];
afterEach(() => {
  for (const client of live) client.provider.destroy();
  live = [];
});

async function open(chapterId: string, userId: string) {
  const client = await liveClient(server.url, chapterId, userId);
  live.push(client);
  return client;
}

/** The ProseMirror document and the Y→PM mapping the editor's ySync binding would hold for this Y.Doc. */
function editorView(fragment: Y.XmlFragment) {
  const { doc, mapping } = initProseMirrorDoc(fragment, chapterSchema);
  return { doc, mapping: mapping as YMapping };
}

/** ProseMirror positions of a phrase that lies inside one text node. */
function positionsOf(doc: ProseMirrorNode, phrase: string): { from: number; to: number } {
  let found: { from: number; to: number } | null = null;
  doc.descendants((node, pos) => {
    const index = node.isText ? (node.text ?? "").indexOf(phrase) : -1;
    if (!found && index >= 0) found = { from: pos + index, to: pos + index + phrase.length };
  });
  if (!found) throw new Error(`"${phrase}" is not in the document`);
  return found;
}

test("a comment stays on its text while someone else types before, inside and after it and deletes around it; deleting the text detaches it", async () => {
  const scene = await commentScene();
  const editor = await open(scene.chapter.id, scene.editor.id);
  const other = await open(scene.chapter.id, scene.coAuthor.id);

  // The editor selects the sentence and comments, as the editor UI does.
  const before = editorView(editor.fragment);
  const selection = positionsOf(before.doc, SENTENCE);
  const anchors = anchorsForRange(editor.fragment, before.mapping, selection.from, selection.to);
  expect(anchors).not.toBeNull();
  const client = await clientFor(server.url, scene.editor.id);
  const response = await postComment(client, scene.chapter.id, { intent: "create", body: "Welke kust?", ...anchors! });
  expect(response.status).toBe(201);

  // Someone else edits around and inside the range at the same time.
  other.doc.transact(() => {
    const { text, index } = findText(other.doc, SENTENCE);
    text.insert(index + SENTENCE.length, " Ook dit."); // right after the range: not part of it
    text.insert(index + "De gemeente wil ".length, "echt "); // inside the range: part of it
    text.insert(index, "Eerst dit. "); // right before the range: not part of it
  });
  other.doc.transact(() => {
    const { text, index } = findText(other.doc, "Inleiding van het hoofdstuk. ");
    text.delete(index, "Inleiding van het hoofdstuk. ".length);
    const tail = findText(other.doc, " Daarna volgt meer.");
    tail.text.delete(tail.index, " Daarna volgt meer.".length);
  });
  const edited = "De gemeente wil echt de kust beschermen.";
  await waitFor(() => editor.fragment.toString().includes("Eerst dit. De gemeente wil echt de kust beschermen. Ook dit.") && !editor.fragment.toString().includes("Daarna"), {
    message: `the other client's edits to arrive (now: ${editor.fragment.toString()} / other: ${other.fragment.toString()})`,
  });

  // In the editor (ProseMirror positions through the binding's mapping)…
  const after = editorView(editor.fragment);
  const range = rangeForAnchors(editor.fragment, after.mapping, anchors!);
  expect(range).not.toBeNull();
  expect(after.doc.textBetween(range!.from, range!.to)).toBe(edited);
  // …and on the server (the live document), the same text.
  const serverRange = await server.server.collab.withDocument(scene.chapter.id, (doc) =>
    resolveAnchorRange(doc, base64ToBytes(anchors!.anchorStart), base64ToBytes(anchors!.anchorEnd)),
  );
  expect(serverRange?.text).toBe(edited);

  // A paragraph added in front shifts everything; the range follows.
  other.doc.transact(() => {
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [new Y.XmlText("Een nieuwe eerste alinea.")]);
    other.fragment.insert(0, [paragraph]);
  });
  await waitFor(() => editor.fragment.toString().includes("Een nieuwe eerste alinea."), { message: "the new paragraph" });
  const shifted = editorView(editor.fragment);
  const shiftedRange = rangeForAnchors(editor.fragment, shifted.mapping, anchors!);
  expect(shiftedRange && shifted.doc.textBetween(shiftedRange.from, shiftedRange.to)).toBe(edited);

  // Deleting the commented text detaches the thread: no range, but the thread and its quote remain.
  other.doc.transact(() => {
    const { text, index } = findText(other.doc, edited);
    text.delete(index, edited.length);
  });
  await waitFor(() => !editor.fragment.toString().includes("kust"), { message: "the deletion" });
  const detached = editorView(editor.fragment);
  expect(rangeForAnchors(editor.fragment, detached.mapping, anchors!)).toBeNull();
  const serverDetached = await server.server.collab.withDocument(scene.chapter.id, (doc) =>
    resolveAnchorRange(doc, base64ToBytes(anchors!.anchorStart), base64ToBytes(anchors!.anchorEnd)),
  );
  expect(serverDetached).toBeNull();
  const { threads } = (await (await client.get(`/api/chapters/${scene.chapter.id}/comments`)).json()) as { threads: { quote: string }[] };
  expect(threads.map((t) => t.quote)).toEqual([SENTENCE]);
});

test("a range across two paragraphs resolves, and a selection that is empty makes no anchors", async () => {
  const scene = await commentScene();
  const editor = await open(scene.chapter.id, scene.editor.id);
  const view = editorView(editor.fragment);
  const from = positionsOf(view.doc, "Daarna").from;
  const to = positionsOf(view.doc, "Tweede").to;
  const anchors = anchorsForRange(editor.fragment, view.mapping, from, to);
  expect(anchors).not.toBeNull();
  const range = rangeForAnchors(editor.fragment, view.mapping, anchors!);
  expect(range).toEqual({ from, to });
  const serverText = await server.server.collab.withDocument(scene.chapter.id, (doc) =>
    resolveAnchorRange(doc, base64ToBytes(anchors!.anchorStart), base64ToBytes(anchors!.anchorEnd))?.text,
  );
  expect(serverText).toBe("Daarna volgt meer. Tweede");
  expect(anchorsForRange(editor.fragment, view.mapping, from, from)).toBeNull();
});

test("a comment on the chapter's very first words is placed (y-tiptap alone would call position 1 misresolved)", async () => {
  const scene = await commentScene();
  const editor = await open(scene.chapter.id, scene.editor.id);
  const view = editorView(editor.fragment);
  const selection = positionsOf(view.doc, "Inleiding van");
  expect(selection.from).toBe(1);
  const anchors = anchorsForRange(editor.fragment, view.mapping, selection.from, selection.to);
  const range = rangeForAnchors(editor.fragment, view.mapping, anchors!);
  expect(range).toEqual(selection);
  // Text typed in front of it is not part of it.
  const other = await open(scene.chapter.id, scene.coAuthor.id);
  findText(other.doc, "Inleiding van").text.insert(0, "Vooraf. ");
  await waitFor(() => editor.fragment.toString().includes("Vooraf. Inleiding"), { message: "the insertion" });
  const after = editorView(editor.fragment);
  const moved = rangeForAnchors(editor.fragment, after.mapping, anchors!);
  expect(moved && after.doc.textBetween(moved.from, moved.to)).toBe("Inleiding van");
});
