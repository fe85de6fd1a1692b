import type { Prisma } from "#app/generated/prisma/client.ts";
import { db } from "#app/utils/db.server.ts";
import { notifyParentOfReply } from "./reply-email.server.ts";
import { describeTargets, isReaderCommentTargetType, type ReaderCommentTarget, type ReaderCommentTargetType } from "./targets.server.ts";

/** What a moderator can do with a reaction. */
export const MODERATION_ACTIONS = ["approve", "hide", "delete"] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

export function isModerationAction(value: unknown): value is ModerationAction {
  return typeof value === "string" && (MODERATION_ACTIONS as readonly string[]).includes(value);
}

/** The moderation list's filters, as they live in the URL. */
export type ModerationFilter = { status: "pending" | "approved" | "hidden" | null; type: ReaderCommentTargetType | null; target: string | null };

export function parseModerationFilter(params: URLSearchParams): ModerationFilter {
  const status = params.get("status");
  const type = params.get("soort");
  const target = params.get("pagina");
  return {
    status: status === "pending" || status === "approved" || status === "hidden" ? status : null,
    type: isReaderCommentTargetType(type) ? type : null,
    // "<type>:<id>", as the filter's options are made.
    target: target && /^(chapter|tool|event):[\w-]{1,64}$/.test(target) ? target : null,
  };
}

/** The most reactions one moderation page lists (pending ones come first, so none hides behind others). */
export const MODERATION_PAGE_SIZE = 200;

/**
 * Reactions for the moderation page: those waiting for moderation first (oldest first, as a
 * queue), then the rest, newest first; each with its target, the reaction it replies to, and who
 * moderated it last.
 */
export async function listReactionsForModeration(filter: ModerationFilter) {
  const [targetType, targetId] = filter.target ? filter.target.split(":") : [filter.type, null];
  const where: Prisma.ReaderCommentWhereInput = {
    ...(filter.status && { status: filter.status }),
    ...(targetType && { targetType }),
    ...(targetId && { targetId }),
  };
  const select = {
    id: true,
    targetType: true,
    targetId: true,
    name: true,
    email: true,
    userId: true,
    body: true,
    status: true,
    notifyOnReply: true,
    createdAt: true,
    moderatedAt: true,
    moderatedBy: { select: { name: true } },
    parent: { select: { id: true, name: true, body: true } },
  } satisfies Prisma.ReaderCommentSelect;
  const pending = filter.status && filter.status !== "pending"
    ? []
    : await db.readerComment.findMany({ where: { ...where, status: "pending" }, orderBy: { createdAt: "asc" }, take: MODERATION_PAGE_SIZE, select });
  const others = filter.status === "pending"
    ? []
    : await db.readerComment.findMany({
        where: { ...where, status: { not: "pending", ...(filter.status && { equals: filter.status }) } },
        orderBy: { createdAt: "desc" },
        take: Math.max(0, MODERATION_PAGE_SIZE - pending.length),
        select,
      });
  const [total, targets] = await Promise.all([db.readerComment.count({ where }), describeTargets([...pending, ...others].map((r) => ({ type: r.targetType, id: r.targetId })))]);
  const byKey = new Map(targets.map((target) => [`${target.type}:${target.id}`, target]));
  const reactions = [...pending, ...others].map((reaction) => ({
    ...reaction,
    target: byKey.get(`${reaction.targetType}:${reaction.targetId}`) ?? null,
  }));
  return { reactions, total };
}

export type ModerationOutcome = { ok: true; action: ModerationAction; target: ReaderCommentTarget | null } | { ok: false; reason: "notFound" };

/**
 * Approves, hides or deletes a reaction, recording who did it and when. Approving a reply makes it
 * visible, so the parent's author is told (once, if they asked for it). Deleting a reaction deletes
 * its replies as well; the log line keeps who deleted what.
 */
export async function moderateReaction(input: { id: string; action: ModerationAction; moderatorId: string }): Promise<ModerationOutcome> {
  return db.$transaction(async (tx) => {
    const reaction = await tx.readerComment.findUnique({ where: { id: input.id }, select: { id: true, targetType: true, targetId: true, parentId: true } });
    if (!reaction) return { ok: false, reason: "notFound" } as const;
    const [target] = await describeTargets([{ type: reaction.targetType, id: reaction.targetId }], { client: tx });
    if (input.action === "delete") {
      await tx.readerComment.delete({ where: { id: reaction.id } });
      console.info(JSON.stringify({ event: "readerComment.deleted", reactionId: reaction.id, target: `${reaction.targetType}:${reaction.targetId}`, moderatorId: input.moderatorId }));
      return { ok: true, action: input.action, target: target ?? null } as const;
    }
    await tx.readerComment.update({
      where: { id: reaction.id },
      data: { status: input.action === "approve" ? "approved" : "hidden", moderatedById: input.moderatorId, moderatedAt: new Date() },
    });
    if (input.action === "approve" && reaction.parentId) await notifyParentOfReply(reaction.id, tx);
    return { ok: true, action: input.action, target: target ?? null } as const;
  });
}
