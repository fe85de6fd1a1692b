import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import * as Y from "yjs";
import { htmlToProseMirror, yDocToProseMirror } from "#app/models/chapter-content.server.ts";
import { db } from "#app/utils/db.server.ts";

/**
 * A chapter's document as stored: the snapshot plus every appended update (what a running
 * collaboration server has, since it stores each update before relaying it), or the chapter's HTML
 * when it was never edited live. Reads only; nothing is written.
 */
export async function readStoredDocument(chapterId: string): Promise<ProseMirrorNode> {
  const { doc, bodyHtml } = await readStoredYDoc(chapterId);
  if (!doc) return htmlToProseMirror(bodyHtml);
  try {
    return yDocToProseMirror(doc);
  } finally {
    doc.destroy();
  }
}

/**
 * The stored snapshot and updates as one Y.Doc (the caller destroys it), or null with the
 * chapter's HTML when it was never edited live.
 */
export async function readStoredYDoc(chapterId: string): Promise<{ doc: Y.Doc | null; bodyHtml: string }> {
  // Updates first, then the snapshot: a compaction committing between the two reads (the live
  // document unloading; on PostgreSQL nothing holds it off) deletes rows it folded into the
  // snapshot, so read the other way round the rows would be gone and the snapshot still old.
  // This way a folded row is read twice at worst, and applying an update twice changes nothing.
  const updates = await db.chapterUpdate.findMany({ where: { chapterId }, orderBy: { id: "asc" }, select: { data: true } });
  const chapter = await db.chapter.findUniqueOrThrow({ where: { id: chapterId }, select: { docState: true, bodyHtml: true } });
  if (!chapter.docState && updates.length === 0) return { doc: null, bodyHtml: chapter.bodyHtml };
  const doc = new Y.Doc();
  if (chapter.docState) Y.applyUpdate(doc, chapter.docState);
  for (const update of updates) Y.applyUpdate(doc, update.data);
  return { doc, bodyHtml: chapter.bodyHtml };
}
