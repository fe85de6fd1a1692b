import { revertSuggestions } from "@handlewithcare/prosemirror-suggest-changes";
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { EditorState } from "@tiptap/pm/state";
import { Transform } from "@tiptap/pm/transform";
import { yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { chapterSchema } from "#app/common/chapter-schema.ts";
import { CHAPTER_FRAGMENT } from "#app/common/collab.ts";

/** Why an update from a suggest-only connection was refused (for the log and the close reason). */
export type SuggestionVerdict = { ok: true } | { ok: false; reason: string };

/**
 * The document as it would be if every suggestion were rejected (suggested insertions removed,
 * deletion marks dropped, suggested block changes undone), with inline formatting removed because
 * suggestion mode applies formatting directly. Uses the editor library's own reject-all, so the
 * guard and the "Alles weigeren" button agree on what a suggestion is.
 */
export function rejectAllProjection(doc: ProseMirrorNode): ProseMirrorNode {
  let state = EditorState.create({ doc, schema: chapterSchema });
  revertSuggestions(state, (tr) => {
    state = state.apply(tr);
  });
  const plain = new Transform(state.doc);
  plain.removeMark(0, plain.doc.content.size, null);
  return plain.doc;
}

// The projection of the live document only changes when the document does: kept per Y.Doc and
// dropped on its next update (any update: a deletion alone leaves the state vector as it was).
const cachedProjections = new WeakMap<Y.Doc, ProseMirrorNode | null>();

function projectionOf(doc: Y.Doc): ProseMirrorNode {
  if (!cachedProjections.has(doc)) doc.on("update", () => cachedProjections.set(doc, null));
  const cached = cachedProjections.get(doc);
  if (cached) return cached;
  const projection = rejectAllProjection(yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(CHAPTER_FRAGMENT), chapterSchema));
  cachedProjections.set(doc, projection);
  return projection;
}

/**
 * Whether applying `update` to `doc` changes nothing but suggestions: it is applied to a copy and
 * the reject-all projections before and after must be equal. Run only for connections with
 * `suggest` access (it costs a copy of the document per update). The live document is not touched.
 *
 * What passes besides adding suggestions: removing one's own (or anyone's) suggested insertion and
 * dropping a deletion mark, i.e. withdrawing or rejecting a suggestion; accepting one changes the
 * projection and is refused (docs/decisions/010-suggestion-mode.md).
 */
export function checkSuggestionUpdate(doc: Y.Doc, update: Uint8Array): SuggestionVerdict {
  const decoded = Y.decodeUpdate(update);
  // y-websocket answers the server's sync step 1 with an empty update on every connect.
  if (decoded.structs.length === 0 && decoded.ds.clients.size === 0) return { ok: true };

  const copy = new Y.Doc({ gc: false });
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    const rootsBefore = new Set(copy.share.keys());
    Y.applyUpdate(copy, update);
    // Parts that wait for missing history would be checked without it and applied with it later.
    if (copy.store.pendingStructs !== null || copy.store.pendingDs !== null) {
      return { ok: false, reason: "update depends on changes the server does not have" };
    }
    const newRoot = [...copy.share.keys()].find((key) => !rootsBefore.has(key) && key !== CHAPTER_FRAGMENT);
    if (newRoot !== undefined) return { ok: false, reason: `update creates the shared type "${newRoot}"` };
    const before = projectionOf(doc);
    const after = rejectAllProjection(yXmlFragmentToProseMirrorRootNode(copy.getXmlFragment(CHAPTER_FRAGMENT), chapterSchema));
    if (before.eq(after)) return { ok: true };
    // Where it differs, for the log (what was typed there is the user's own text: not logged).
    const at = before.content.findDiffStart(after.content);
    return { ok: false, reason: `update changes the text outside suggestions (at ${at ?? "the end"})` };
  } catch (error) {
    return { ok: false, reason: `update could not be checked: ${String(error)}` };
  } finally {
    copy.destroy();
  }
}

/** The number of distinct open suggestions in a document (Chapter.openSuggestions). */
export function countOpenSuggestions(doc: ProseMirrorNode): number {
  const ids = new Set<string>();
  doc.descendants((node) => {
    for (const mark of node.marks) {
      if (mark.type.name === "insertion" || mark.type.name === "deletion" || mark.type.name === "modification") {
        // A mark without an id (made outside Kapittel's editor) still counts, once per run.
        ids.add(String(mark.attrs.id ?? `${mark.type.name}:${ids.size}`));
      }
    }
  });
  return ids.size;
}

/** The number of open suggestions in a chapter's live document. */
export function countDocumentSuggestions(doc: Y.Doc): number {
  return countOpenSuggestions(yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(CHAPTER_FRAGMENT), chapterSchema));
}
