import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { updateYFragment } from "@tiptap/y-tiptap";
import type * as Y from "yjs";
import { CHAPTER_FRAGMENT } from "#app/common/collab.ts";

/**
 * Makes a chapter's live document hold `node`, as an edit: y-prosemirror compares the two trees
 * and changes only what differs, so the paragraphs nobody touched keep their Yjs items, and people
 * editing at that moment keep their cursors and their own concurrent typing (which merges).
 * Replacing the fragment wholesale would delete their text's items and with it what they type.
 * Call inside withChapterDocument, so the change reaches everyone and is stored.
 */
export function replaceDocumentContent(doc: Y.Doc, node: ProseMirrorNode): void {
  updateYFragment(doc, doc.getXmlFragment(CHAPTER_FRAGMENT), node, { mapping: new Map(), isOMark: new Map() });
}
