import * as Y from "yjs";
import { imagesWithoutAlt, type ChapterJson } from "#app/common/chapter-schema.ts";
import { CHAPTER_STATUS_LABEL, isChapterStatus, type ChapterStatus } from "#app/common/chapter-status.ts";
import {
  actionAppliesTo,
  availableActions,
  FINALISING_ACTIONS,
  isWorkflowAction,
  mayTakeAction,
  TRANSITIONS,
  WORKFLOW_ACTION_LABEL,
  WORKFLOW_MESSAGE_MAX_LENGTH,
  workflowParties,
  type WorkflowAction,
} from "#app/common/chapter-workflow.ts";
import { formatDateTime } from "#app/common/format.ts";
import type { MessageKey, Translate } from "#app/common/i18n/catalogue.ts";
import type { Locale } from "#app/common/i18n/locales.ts";
import { canAccessChapter, type Role } from "#app/common/permissions.ts";
import { refreshChapterAccess, withChapterDocument } from "#app/utils/collab-access.server.ts";
import { db } from "#app/utils/db.server.ts";
import { recordActivity } from "./activity.server.ts";
import { yDocToHtml, yDocToProseMirror, yDocToText } from "./chapter-content.server.ts";
import { notify, type NotificationKind } from "./notifications.server.ts";
import { createRevision, latestTransition } from "./revisions.server.ts";

/**
 * Moving a chapter through the editorial workflow (the table is app/common/chapter-workflow.ts):
 * check who asks and from which state, take a snapshot of the live document, then store the new
 * state, a revision, the activity line and the notifications in one short transaction.
 */

/** The person taking the step: what permission checks need. */
export type WorkflowActor = { id: string; role: Role; organisationIds: readonly string[] };

export type TransitionRequest = {
  chapterId: string;
  actor: WorkflowActor;
  /** As posted: checked against the table here. */
  action: string;
  message?: string;
  /** The state the person saw when they clicked: a different current state means someone was first. */
  expectedStatus: string;
};

/** Why a step was refused: an HTTP status and a catalogue message with its parameters. */
export type TransitionRefusal = {
  ok: false;
  status: 400 | 403 | 404 | 409 | 422;
  reason:
    | "unknown_action"
    | "not_found"
    | "forbidden"
    | "expected_status_missing"
    | "stale"
    | "wrong_state"
    | "message_required"
    | "message_too_long"
    | "open_suggestions"
    | "images_without_alt";
  /** The action as asked and the chapter's state now, for the message. */
  action?: WorkflowAction;
  currentStatus?: string;
  count?: number;
};

export type TransitionDone = { ok: true; from: ChapterStatus; to: ChapterStatus; revisionNumber: number; link: string };
export type TransitionOutcome = TransitionDone | TransitionRefusal;

/** Thrown inside the transaction to roll it back when the conditional update found the chapter changed. */
class ChapterChangedMeanwhile extends Error {}

/** Takes a workflow step on a chapter, or says why not; nothing changes when it is refused. */
export async function transitionChapter(request: TransitionRequest): Promise<TransitionOutcome> {
  const { actor, chapterId } = request;
  if (!isWorkflowAction(request.action)) return refuse(400, "unknown_action");
  const action = request.action;
  const transition = TRANSITIONS[action];

  const chapter = await db.chapter.findUnique({
    where: { id: chapterId },
    select: {
      id: true,
      slug: true,
      status: true,
      bookId: true,
      openSuggestions: true,
      book: { select: { slug: true } },
      organisations: { select: { organisationId: true } },
    },
  });
  if (!chapter) return refuse(404, "not_found", { action });
  const facts = { status: chapter.status, organisationIds: chapter.organisations.map((o) => o.organisationId) };
  if (!canAccessChapter(actor, facts, "read") || !mayTakeAction(actor, facts, action)) return refuse(403, "forbidden", { action });
  if (!isChapterStatus(request.expectedStatus)) return refuse(400, "expected_status_missing", { action });
  const from = request.expectedStatus;
  if (chapter.status !== from) return refuse(409, "stale", { action, currentStatus: chapter.status });
  if (!actionAppliesTo(action, from)) return refuse(409, "wrong_state", { action, currentStatus: from });

  const message = (request.message ?? "").trim();
  if (transition.messageRequired && !message) return refuse(422, "message_required", { action });
  if (message.length > WORKFLOW_MESSAGE_MAX_LENGTH) return refuse(422, "message_too_long", { action });
  const finalising = FINALISING_ACTIONS.has(action);
  if (finalising && chapter.openSuggestions > 0) return refuse(422, "open_suggestions", { action, count: chapter.openSuggestions });

  // The snapshot comes from the live document (what everyone connected sees, including edits not
  // yet rendered to bodyHtml), and before the transaction: never hold one open while it loads.
  const snapshot = await withChapterDocument(chapterId, (doc) => Y.encodeStateAsUpdate(doc));
  if (!snapshot) return refuse(404, "not_found", { action });
  const rendered = renderSnapshot(snapshot);
  if (finalising && rendered.imagesWithoutAlt > 0) return refuse(422, "images_without_alt", { action, count: rendered.imagesWithoutAlt });

  const to = transition.to;
  const link = `/boek/${chapter.book.slug}/${chapter.slug}`;
  const notification = NOTIFY[action];
  const recipients = notification ? await recipientsOf(notification.audience, chapterId, facts.organisationIds) : [];

  let revisionNumber: number;
  try {
    revisionNumber = await db.$transaction(async (tx) => {
      // Conditional on the state the person saw (and, for approving, on no suggestion having been
      // opened since the check above): of two people clicking at once, only the first changes it.
      const updated = await tx.chapter.updateMany({
        where: { id: chapterId, status: from, ...(finalising ? { openSuggestions: 0 } : {}) },
        data: { status: to },
      });
      if (updated.count !== 1) throw new ChapterChangedMeanwhile();
      const revision = await createRevision(
        { chapterId, fromStatus: from, toStatus: to, message, snapshot, html: rendered.html, text: rendered.text, authorId: actor.id },
        tx,
      );
      await recordActivity(
        { bookId: chapter.bookId, chapterId, actorId: actor.id, kind: "status_changed", data: { from, to, message, revision: revision.number } },
        tx,
      );
      if (notification) {
        await notify({ kind: notification.kind, chapterId, actorId: actor.id, userIds: recipients, excerpt: message, link }, tx);
      }
      return revision.number;
    });
  } catch (error) {
    if (!(error instanceof ChapterChangedMeanwhile)) throw error;
    const now = await db.chapter.findUnique({ where: { id: chapterId }, select: { status: true, openSuggestions: true } });
    if (!now) return refuse(404, "not_found", { action });
    if (now.status === from && now.openSuggestions > 0) return refuse(422, "open_suggestions", { action, count: now.openSuggestions });
    return refuse(409, "stale", { action, currentStatus: now.status });
  }

  // Open live connections learn their new access at once (approved and published are read-only).
  // The step is stored by now: a failure here is logged, not reported as a failed step.
  await refreshChapterAccess(chapterId).catch((error: unknown) =>
    console.error(JSON.stringify({ event: "chapter.refreshAccess.failed", chapterId, error: String(error) })),
  );
  console.info(JSON.stringify({ event: "chapter.status_changed", chapterId, userId: actor.id, action, from, to, revision: revisionNumber }));
  return { ok: true, from, to, revisionNumber, link };
}

function refuse(
  status: TransitionRefusal["status"],
  reason: TransitionRefusal["reason"],
  details: Omit<TransitionRefusal, "ok" | "status" | "reason"> = {},
): TransitionRefusal {
  return { ok: false, status, reason, ...details };
}

/** The snapshot as a revision stores it, and what finalising checks need. */
function renderSnapshot(snapshot: Uint8Array): { html: string; text: string; imagesWithoutAlt: number } {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, snapshot);
    const json = yDocToProseMirror(doc).toJSON() as ChapterJson;
    return { html: yDocToHtml(doc), text: yDocToText(doc), imagesWithoutAlt: imagesWithoutAlt(json).length };
  } finally {
    doc.destroy();
  }
}

/** Who hears about each step. Reopening tells nobody: the editor who reopens talks to the authors. */
const NOTIFY: Record<WorkflowAction, { kind: NotificationKind; audience: "editors" | "authors" } | null> = {
  submit: { kind: "submitted", audience: "editors" },
  request_changes: { kind: "changes_requested", audience: "authors" },
  approve: { kind: "approved", audience: "authors" },
  publish: { kind: "published", audience: "authors" },
  reopen: null,
};

/**
 * The editors: every editor and admin (Kapittel has one editorial team for its books). The
 * authors: members with the author role of the organisations writing the chapter, and the
 * people named on it (ChapterAuthor).
 */
async function recipientsOf(audience: "editors" | "authors", chapterId: string, organisationIds: string[]): Promise<string[]> {
  const where =
    audience === "editors"
      ? { role: { in: ["editor", "admin"] } }
      : {
          OR: [
            { role: "author", memberships: { some: { organisationId: { in: organisationIds } } } },
            { chapterAuthorships: { some: { chapterId } } },
          ],
        };
  const users = await db.user.findMany({ where, select: { id: true } });
  return users.map((user) => user.id);
}

/** A refusal as a sentence a person can act on, in the request's language. */
export function refusalMessage(refusal: TransitionRefusal, t: Translate): string {
  const action = refusal.action ? t(WORKFLOW_ACTION_LABEL[refusal.action]) : "";
  const status = isChapterStatus(refusal.currentStatus) ? t(CHAPTER_STATUS_LABEL[refusal.currentStatus]) : (refusal.currentStatus ?? "");
  const keys: Record<TransitionRefusal["reason"], MessageKey> = {
    unknown_action: "workflow.error.unknownAction",
    not_found: "workflow.error.notFound",
    forbidden: "workflow.error.forbidden",
    expected_status_missing: "workflow.error.expectedStatusMissing",
    stale: "workflow.error.stale",
    wrong_state: "workflow.error.wrongState",
    message_required: "workflow.error.messageRequired",
    message_too_long: "workflow.error.messageTooLong",
    open_suggestions: "workflow.error.openSuggestions",
    images_without_alt: "workflow.error.imagesWithoutAlt",
  };
  return t(keys[refusal.reason], { action, status, count: refusal.count ?? 0, max: WORKFLOW_MESSAGE_MAX_LENGTH });
}

/** What the workflow panel shows one person on one chapter; null for people with no part in it. */
export async function workflowPanelData(
  user: WorkflowActor | null,
  chapter: { id: string; slug: string; status: string; organisationIds: readonly string[]; book: { slug: string } },
  locale: Locale,
) {
  if (!user || workflowParties(user, chapter).length === 0) return null;
  const [last, counts] = await Promise.all([
    latestTransition(chapter.id),
    db.chapter.findUnique({ where: { id: chapter.id }, select: { openSuggestions: true } }),
  ]);
  const base = `/boek/${chapter.book.slug}/${chapter.slug}`;
  return {
    status: chapter.status,
    actions: availableActions(user, chapter),
    openSuggestions: counts?.openSuggestions ?? 0,
    lastTransition: last
      ? {
          actor: last.author?.name ?? null,
          when: formatDateTime(last.createdAt, locale),
          from: last.fromStatus,
          to: last.toStatus,
          message: last.message,
        }
      : null,
    statusUrl: `${base}/status`,
    activityUrl: `${base}/activiteit`,
    // Everyone who sees the panel may see the revisions (the same people: authors, editors, admins).
    revisionsUrl: `${base}/revisies`,
  };
}

export type WorkflowPanelData = NonNullable<Awaited<ReturnType<typeof workflowPanelData>>>;
