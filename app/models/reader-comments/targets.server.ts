import { isReaderCommentTargetType, type ReaderCommentTargetType } from "#app/components/reader-comments/reaction-kinds.ts";
import { db, type Db, type DbTransaction } from "#app/utils/db.server.ts";

export { isReaderCommentTargetType, reactionAnchor, READER_COMMENT_TARGET_TYPES, type ReaderCommentTargetType } from "#app/components/reader-comments/reaction-kinds.ts";

/** A page reactions hang under: its kind and id, its title, and where it is read. */
export type ReaderCommentTarget = { type: ReaderCommentTargetType; id: string; title: string; path: string };

/**
 * The target if it exists and everybody may read it now (a published chapter, tool or event);
 * otherwise null. Posting and showing reactions both start here, so a draft chapter or an
 * unpublished tool never collects or shows reactions, whoever asks.
 */
export async function findPublicTarget(type: string, id: string): Promise<ReaderCommentTarget | null> {
  if (!isReaderCommentTargetType(type) || !id) return null;
  const [target] = await describeTargets([{ type, id }], { publicOnly: true });
  return target ?? null;
}

/**
 * Titles and paths of the given targets (for the moderation list and e-mails), in one query per
 * kind. With `publicOnly`, targets nobody may read publicly are left out.
 */
export async function describeTargets(
  refs: { type: string; id: string }[],
  { publicOnly = false, client = db }: { publicOnly?: boolean; client?: Db | DbTransaction } = {},
): Promise<ReaderCommentTarget[]> {
  const ids = (type: ReaderCommentTargetType) => [...new Set(refs.filter((ref) => ref.type === type).map((ref) => ref.id))];
  const chapterIds = ids("chapter");
  const toolIds = ids("tool");
  const eventIds = ids("event");
  const [chapters, tools, events] = await Promise.all([
    chapterIds.length === 0
      ? []
      : client.chapter.findMany({
          where: { id: { in: chapterIds }, ...(publicOnly && { status: "published" }) },
          select: { id: true, title: true, slug: true, book: { select: { slug: true } } },
        }),
    toolIds.length === 0
      ? []
      : client.tool.findMany({ where: { id: { in: toolIds }, ...(publicOnly && { published: true }) }, select: { id: true, name: true, slug: true } }),
    eventIds.length === 0
      ? []
      : client.event.findMany({ where: { id: { in: eventIds }, ...(publicOnly && { published: true }) }, select: { id: true, title: true, slug: true } }),
  ]);
  return [
    ...chapters.map((c) => ({ type: "chapter" as const, id: c.id, title: c.title, path: `/boek/${c.book.slug}/${c.slug}` })),
    ...tools.map((t) => ({ type: "tool" as const, id: t.id, title: t.name, path: `/gereedschapskist/${t.slug}` })),
    ...events.map((e) => ({ type: "event" as const, id: e.id, title: e.title, path: `/evenementen/${e.slug}` })),
  ];
}

/** Every target that has reactions, titled, for the moderation filter. */
export async function listTargetsWithReactions(): Promise<ReaderCommentTarget[]> {
  const groups = await db.readerComment.groupBy({ by: ["targetType", "targetId"] });
  const targets = await describeTargets(groups.map((group) => ({ type: group.targetType, id: group.targetId })));
  return targets.sort((a, b) => a.type.localeCompare(b.type) || a.title.localeCompare(b.title, "nl"));
}
