import { formatDateTime } from "#app/common/format.ts";
import { getUser } from "#app/utils/auth.server.ts";
import { getLocale } from "#app/utils/i18n.server.ts";
import { canModerateReactions, countPendingReactions, listPublicReactions, type PublicReaction } from "../reader-comments.server.ts";
import { getSiteSetting } from "../site-settings.server.ts";
import { findPublicTarget, type ReaderCommentTargetType } from "./targets.server.ts";

type ShownReaction = Omit<PublicReaction, "createdAt"> & { when: string; whenIso: string };

/** What the reactions section of a page needs (components/reader-comments): no e-mail address but the viewer's own. */
export type ReactionsSectionData = {
  target: { type: ReaderCommentTargetType; id: string; path: string };
  threads: (ShownReaction & { replies: ShownReaction[] })[];
  count: number;
  /** The signed-in viewer, to prefill the form (their own name and address only). */
  viewer: { name: string; email: string } | null;
  /** Whether the viewer's reactions appear without waiting for moderation. */
  appearsAtOnce: boolean;
  /** For moderators: how many reactions wait, site-wide; null for everyone else. */
  pendingForModerators: number | null;
};

/**
 * The reactions section for a page's loader: the approved reactions and replies on the target,
 * and what the form needs. Null when the target is not public (a draft chapter, an unpublished
 * tool): such pages show no reactions and take none.
 */
export async function loadReactionsSection(request: Request, type: ReaderCommentTargetType, id: string): Promise<ReactionsSectionData | null> {
  const target = await findPublicTarget(type, id);
  if (!target) return null;
  const [user, locale] = await Promise.all([getUser(request), getLocale(request)]);
  const moderator = canModerateReactions(user?.role);
  const [threads, autoApprove, pending] = await Promise.all([
    listPublicReactions(target, user?.id ?? null),
    user && !moderator ? getSiteSetting("readerComments.autoApproveSignedIn") : Promise.resolve(moderator),
    moderator ? countPendingReactions() : Promise.resolve(null),
  ]);
  const shown = ({ createdAt, ...reaction }: PublicReaction): ShownReaction => ({
    ...reaction,
    when: formatDateTime(createdAt, locale),
    whenIso: createdAt.toISOString(),
  });
  return {
    target: { type: target.type, id: target.id, path: target.path },
    threads: threads.map((thread) => ({ ...shown(thread), replies: thread.replies.map(shown) })),
    count: threads.reduce((sum, thread) => sum + (thread.pending ? 0 : 1) + thread.replies.filter((reply) => !reply.pending).length, 0),
    viewer: user ? { name: user.name, email: user.email } : null,
    appearsAtOnce: user !== null && autoApprove,
    pendingForModerators: pending,
  };
}
