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
  // Updates first, then the snapshot: a compaction committing between the two reads (the live
  // document unloading; on PostgreSQL nothing holds it off) deletes rows it folded into the
  // snapshot, so read the other way round the rows would be gone and the snapshot still old.
  // This way a folded row is read twice at worst, and applying an update twice changes nothing.
  const updates = await db.chapterUpdate.findMany({ where: { chapterId }, orderBy: { id: "asc" }, select: { data: true } });
  const chapter = await db.chapter.findUniqueOrThrow({ where: { id: chapterId }, select: { docState: true, bodyHtml: true } });
  if (!chapter.docState && updates.length === 0) return htmlToProseMirror(chapter.bodyHtml);
  const doc = new Y.Doc();
  try {
    if (chapter.docState) Y.applyUpdate(doc, chapter.docState);
    for (const update of updates) Y.applyUpdate(doc, update.data);
    return yDocToProseMirror(doc);
  } finally {
    doc.destroy();
  }
}
