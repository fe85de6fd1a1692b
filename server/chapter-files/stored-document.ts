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
  const chapter = await db.chapter.findUniqueOrThrow({ where: { id: chapterId }, select: { docState: true, bodyHtml: true } });
  const updates = await db.chapterUpdate.findMany({ where: { chapterId }, orderBy: { id: "asc" }, select: { data: true } });
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
