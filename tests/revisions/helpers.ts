import * as Y from "yjs";
import { htmlToYUpdate, yDocToHtml, yDocToText } from "#app/models/chapter-content.server.ts";
import { db } from "#app/utils/db.server.ts";

/**
 * Stores a revision of the chapter holding the given HTML, as the workflow would at a transition:
 * the Yjs snapshot of a document built from the HTML, and that document's HTML and text.
 */
export async function createRevisionRow(
  chapterId: string,
  html: string,
  options: { fromStatus?: string; toStatus?: string; message?: string; authorId?: string | null; createdAt?: Date } = {},
) {
  const snapshot = htmlToYUpdate(html);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, snapshot);
  const last = await db.chapterRevision.findFirst({ where: { chapterId }, orderBy: { number: "desc" }, select: { number: true } });
  const revision = await db.chapterRevision.create({
    data: {
      chapterId,
      number: (last?.number ?? 0) + 1,
      fromStatus: options.fromStatus ?? "draft",
      toStatus: options.toStatus ?? "in_review",
      message: options.message ?? "",
      snapshot: Buffer.from(snapshot),
      html: yDocToHtml(doc),
      text: yDocToText(doc),
      authorId: options.authorId ?? null,
      ...(options.createdAt && { createdAt: options.createdAt }),
    },
  });
  doc.destroy();
  return revision;
}
