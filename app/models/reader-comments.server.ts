import { hasPermission, type Role } from "#app/common/permissions.ts";
import type { ReactionInput } from "#app/components/reader-comments/reaction-schema.ts";
import { db } from "#app/utils/db.server.ts";
import { notifyParentOfReply } from "./reader-comments/reply-email.server.ts";
import type { ReaderCommentTarget } from "./reader-comments/targets.server.ts";
import { getSiteSetting } from "./site-settings.server.ts";

export { isReaderCommentStatus, READER_COMMENT_STATUSES, type ReaderCommentStatus } from "#app/components/reader-comments/reaction-kinds.ts";

/** Editors and admins moderate reactions: the same people who make up the editorial team (/redactie). */
export function canModerateReactions(role: Role | null | undefined): boolean {
  return hasPermission(role, "update:chapter:any");
}

/**
 * A reaction's text as we keep it: plain text, never HTML (it is escaped wherever it is shown).
 * Control characters go, line endings become \n, and long runs of empty lines shrink to one.
 */
export function plainReactionText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B-\u200F\u202A-\u202E\u2066-\u2069]/g, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** Who posts: a signed-in person (their account's e-mail is used) or a visitor. */
export type ReactionAuthor = { id: string; email: string; role: Role } | null;

export type PostReactionResult =
  | { ok: true; id: string; status: "pending" | "approved" }
  | { ok: false; reason: "parent" };

/**
 * Stores a reaction on a public target. Visitors' reactions wait for moderation; signed-in
 * readers' appear at once while the site setting says so; moderators' always do. A reply goes
 * under an approved top-level reaction of the same target (replies are one level deep: a reply
 * to a reply joins the same thread). When it appears at once, the parent's author is told.
 */
export async function postReaction(target: ReaderCommentTarget, input: ReactionInput, author: ReactionAuthor): Promise<PostReactionResult> {
  let parentId: string | null = null;
  if (input.parentId) {
    const parent = await db.readerComment.findFirst({
      where: { id: input.parentId, targetType: target.type, targetId: target.id, status: "approved" },
      select: { id: true, parentId: true },
    });
    if (!parent) return { ok: false, reason: "parent" };
    parentId = parent.parentId ?? parent.id;
  }
  const visibleAtOnce =
    author !== null && (canModerateReactions(author.role) || (await getSiteSetting("readerComments.autoApproveSignedIn")));
  const status = visibleAtOnce ? "approved" : "pending";
  const id = await db.$transaction(async (tx) => {
    const created = await tx.readerComment.create({
      data: {
        targetType: target.type,
        targetId: target.id,
        parentId,
        name: input.authorName,
        email: (author?.email ?? input.authorEmail).toLowerCase(),
        userId: author?.id ?? null,
        body: plainReactionText(input.body),
        status,
        notifyOnReply: input.notifyOnReply,
      },
      select: { id: true },
    });
    if (status === "approved" && parentId) await notifyParentOfReply(created.id, tx);
    return created.id;
  });
  return { ok: true, id, status };
}

/** A reaction as a public page shows it: never the e-mail address. */
export type PublicReaction = { id: string; name: string; createdAt: Date; body: string; pending: boolean };
export type PublicReactionThread = PublicReaction & { replies: PublicReaction[] };

const PUBLIC_FIELDS = { id: true, name: true, createdAt: true, body: true, status: true, parentId: true } as const;

/**
 * The approved reactions on a target, oldest first, each with its approved replies. A signed-in
 * viewer also sees their own reactions that still wait for moderation (marked as such).
 */
export async function listPublicReactions(target: Pick<ReaderCommentTarget, "type" | "id">, viewerId: string | null): Promise<PublicReactionThread[]> {
  const rows = await db.readerComment.findMany({
    where: {
      targetType: target.type,
      targetId: target.id,
      OR: [{ status: "approved" }, ...(viewerId ? [{ status: "pending", userId: viewerId }] : [])],
    },
    orderBy: { createdAt: "asc" },
    select: PUBLIC_FIELDS,
  });
  const shown = (row: (typeof rows)[number]): PublicReaction => ({
    id: row.id,
    name: row.name,
    createdAt: row.createdAt,
    body: row.body,
    pending: row.status === "pending",
  });
  const threads = new Map<string, PublicReactionThread>();
  for (const row of rows) if (!row.parentId) threads.set(row.id, { ...shown(row), replies: [] });
  // A reply whose parent is not shown (hidden, or pending) is not shown either: it would hang in the air.
  for (const row of rows) if (row.parentId) threads.get(row.parentId)?.replies.push(shown(row));
  return [...threads.values()];
}

/** How many reactions wait for moderation (for the editors' dashboard link). */
export function countPendingReactions(): Promise<number> {
  return db.readerComment.count({ where: { status: "pending" } });
}
