import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { updateYFragment } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { CHAPTER_STATUS_LABEL, isChapterStatus } from "#app/common/chapter-status.ts";
import type { Translate } from "#app/common/i18n/catalogue.ts";
import { canAccessChapter, chapterDocumentAccess, type UserAccessFacts } from "#app/common/permissions.ts";
import { CHAPTER_FRAGMENT } from "#app/common/collab.ts";
import { recordActivity } from "#app/models/activity.server.ts";
import { htmlToProseMirror, yDocToHtml, yDocToProseMirror, yDocToText } from "#app/models/chapter-content.server.ts";
import { findChapter } from "#app/models/chapters.server.ts";
import { createRevision } from "#app/models/revisions.server.ts";
import { requireUser } from "#app/utils/auth.server.ts";
import { withChapterDocument } from "#app/utils/collab-access.server.ts";
import { forbidden, notFound } from "#app/utils/http.server.ts";

/**
 * What the revision pages do with stored revisions beyond reading the rows (revisions.server.ts):
 * turn a snapshot back into a document, read the live document ("nu") and restore a revision.
 */

/**
 * A revision's content as a ProseMirror document of the chapter schema: from its Yjs snapshot, or
 * from its stored HTML when the snapshot cannot be read (a damaged row must not make the page fail).
 */
export function revisionDocument(revision: { snapshot: Uint8Array; html: string }): ProseMirrorNode {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, revision.snapshot);
    return yDocToProseMirror(doc);
  } catch {
    return htmlToProseMirror(revision.html);
  } finally {
    doc.destroy();
  }
}

/**
 * The chapter as it is now: the live document (what people editing see), not Chapter.bodyHtml,
 * which is written a few seconds behind. Null when there is no such chapter.
 */
export function currentChapterDocument(chapterId: string): Promise<ProseMirrorNode | null> {
  return withChapterDocument(chapterId, (doc) => yDocToProseMirror(doc));
}

/** States in which a chapter is read-only for everyone, so no revision can be restored. */
const READ_ONLY_STATES = new Set(["approved", "published"]);

/** Why a restore is refused, or null when this person may restore on this chapter now. */
export type RestoreRefusal = "read-only" | "forbidden" | null;

/**
 * Who may restore a revision: whoever may change the live document directly right now
 * (`chapterDocumentAccess` is "write"). So editors and admins may, except on approved and
 * published chapters (read-only for everyone); the chapter's authors may while it is a draft or
 * changes were requested, but not while it is in review (then they may only suggest, and a restore
 * would be a direct edit of the whole text). Everyone else may not.
 */
export function restoreRefusal(user: UserAccessFacts, chapter: { status: string; organisationIds: readonly string[] }): RestoreRefusal {
  if (READ_ONLY_STATES.has(chapter.status)) return "read-only";
  return chapterDocumentAccess(user, chapter) === "write" ? null : "forbidden";
}

/**
 * Makes the live document read like the revision, as one new change: `updateYFragment` computes
 * the smallest edit from the current content to the revision's, so text that did not change keeps
 * its identity (carets, comment anchors and concurrent edits elsewhere survive) and everyone
 * connected receives it like anyone's edit. The text as it was just before is stored as a revision
 * first (same status before and after, with `backupMessage`), so a restore can itself be undone by
 * restoring that one. The activity log records who restored which number.
 * Returns the number of that backup revision, or null when the chapter no longer exists.
 */
export async function restoreRevision(options: {
  chapter: { id: string; bookId: string; status: string };
  revision: { number: number; snapshot: Uint8Array; html: string };
  actorId: string;
  backupMessage: string;
}): Promise<{ backupNumber: number } | null> {
  const target = revisionDocument(options.revision);
  const before = await withChapterDocument(options.chapter.id, (doc) => {
    const backup = { snapshot: Y.encodeStateAsUpdate(doc), html: yDocToHtml(doc), text: yDocToText(doc) };
    updateYFragment(doc, doc.getXmlFragment(CHAPTER_FRAGMENT), target, { mapping: new Map(), isOMark: new Map() });
    return backup;
  });
  if (!before) return null;
  const backup = await createRevision({
    chapterId: options.chapter.id,
    fromStatus: options.chapter.status,
    toStatus: options.chapter.status,
    message: options.backupMessage,
    ...before,
    authorId: options.actorId,
  });
  await recordActivity({
    bookId: options.chapter.bookId,
    chapterId: options.chapter.id,
    actorId: options.actorId,
    kind: "revision_restored",
    data: { number: options.revision.number, backupNumber: backup.number },
  });
  return { backupNumber: backup.number };
}

/** The chapter of a revision page, if this person may see its revisions; throws 404/403 otherwise. */
export async function requireChapterRevisionsAccess(request: Request, params: { bookSlug?: string; chapterSlug?: string }) {
  const user = await requireUser(request);
  const chapter = await findChapter(params.bookSlug ?? "", params.chapterSlug ?? "");
  if (!chapter) throw await notFound(request);
  // The chapter's authors (members of its organisations), editors and admins: who may update it.
  if (!canAccessChapter(user, chapter, "update")) throw await forbidden(request, "revisions.forbidden");
  return { user, chapter };
}

/**
 * A revision's "from → to" as words, e.g. "Concept → Ter review"; a revision without a change of
 * state (the text saved before a restore) says so instead.
 */
export function transitionLabel(t: Translate, fromStatus: string, toStatus: string): string {
  const label = (status: string) => (isChapterStatus(status) ? t(CHAPTER_STATUS_LABEL[status]) : status);
  if (fromStatus === toStatus) return t("revisions.noTransition", { status: label(toStatus) });
  return t("revisions.transition", { from: label(fromStatus), to: label(toStatus) });
}
