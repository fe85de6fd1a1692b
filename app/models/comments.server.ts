import { z } from "zod";
import type { MessageKey } from "#app/common/i18n/catalogue.ts";
import { canAccessChapter, hasPermission, type ChapterAccessFacts, type Role, type UserAccessFacts } from "#app/common/permissions.ts";
import { withChapterDocument } from "#app/utils/collab-access.server.ts";
import { db } from "#app/utils/db.server.ts";
import { publish } from "#app/utils/live-events.server.ts";
import { recordActivity } from "./activity.server.ts";
import { anchorIsKnown, QUOTE_MAX_LENGTH, resolveAnchorRange } from "./comment-anchors.server.ts";
import { notify } from "./notifications.server.ts";

/** The longest comment, in characters after trimming. */
export const COMMENT_MAX_LENGTH = 5000;

/** A comment's text: 1–5,000 characters once surrounding white space is gone. */
export const commentBodySchema = z
  .string({ error: "comments.error.empty" })
  .trim()
  .min(1, { error: "comments.error.empty" })
  .max(COMMENT_MAX_LENGTH, { error: "comments.error.tooLong" });

/** States in which the text is settled: only editors and admins still comment (authors read). */
const SETTLED_STATES = new Set(["approved", "published"]);

/**
 * What a person may do with a chapter's comments. Comments are for the people who make the
 * chapter: its authors (members of its organisations), editors and admins; readers never, not even
 * on a published chapter. Authors comment while they write and while the chapter is in review (then
 * they cannot edit the text, only comment and suggest); once it is approved or published the text is
 * settled and only editors and admins add to the discussion, authors still read it.
 */
export function commentAccess(user: UserAccessFacts, chapter: ChapterAccessFacts): "write" | "read" | "none" {
  if (!user || !canAccessChapter(user, chapter, "update")) return "none";
  if (SETTLED_STATES.has(chapter.status) && !hasPermission(user.role, "update:chapter:any")) return "read";
  return "write";
}

/** A refusal with the HTTP status and the message to show; the API turns it into JSON. */
export class CommentError extends Error {
  constructor(
    readonly status: number,
    readonly key: MessageKey,
  ) {
    super(key);
  }
}

/** The chapter with what comments need (access facts, slugs for links), or null. */
export async function findChapterForComments(chapterId: string) {
  const chapter = await db.chapter.findUnique({
    where: { id: chapterId },
    select: {
      id: true,
      bookId: true,
      slug: true,
      status: true,
      book: { select: { slug: true } },
      organisations: { select: { organisationId: true } },
    },
  });
  if (!chapter) return null;
  return {
    id: chapter.id,
    bookId: chapter.bookId,
    status: chapter.status,
    organisationIds: chapter.organisations.map((o) => o.organisationId),
    link: `/boek/${chapter.book.slug}/${chapter.slug}/bewerken`,
  };
}
export type CommentChapter = NonNullable<Awaited<ReturnType<typeof findChapterForComments>>>;

/** A thread as the editor shows it; anchors as base64 of Y.encodeRelativePosition. */
export type ThreadView = {
  id: string;
  anchorStart: string;
  anchorEnd: string;
  quote: string;
  createdAt: string;
  createdBy: Person;
  resolvedAt: string | null;
  resolvedBy: Person | null;
  comments: { id: string; body: string; createdAt: string; author: Person }[];
};
export type Person = { id: string; name: string };

const person = { select: { id: true, name: true } } as const;

/** Every thread of a chapter with its comments, oldest first (the editor orders them by place). */
export async function listThreads(chapterId: string): Promise<ThreadView[]> {
  const threads = await db.commentThread.findMany({
    where: { chapterId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      anchorStart: true,
      anchorEnd: true,
      quote: true,
      createdAt: true,
      createdBy: person,
      resolvedAt: true,
      resolvedBy: person,
      comments: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, body: true, createdAt: true, author: person } },
    },
  });
  return threads.map((thread) => ({
    ...thread,
    anchorStart: Buffer.from(thread.anchorStart).toString("base64"),
    anchorEnd: Buffer.from(thread.anchorEnd).toString("base64"),
    createdAt: thread.createdAt.toISOString(),
    resolvedAt: thread.resolvedAt?.toISOString() ?? null,
    comments: thread.comments.map((comment) => ({ ...comment, createdAt: comment.createdAt.toISOString() })),
  }));
}

/**
 * The people one can @mention on a chapter: those who may comment on it — authors who are members
 * of its organisations, editors and admins — in name order.
 */
export function listMentionablePeople(chapter: { organisationIds: readonly string[] }): Promise<Person[]> {
  return db.user.findMany({
    where: {
      OR: [
        { role: { in: ["editor", "admin"] } },
        { role: "author", memberships: { some: { organisationId: { in: [...chapter.organisationIds] } } } },
      ],
    },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true },
  });
}

/** Who comments: the logged-in user (CurrentUser fits). */
type Actor = { id: string; role: Role; organisationIds: readonly string[] };

function requireWriteAccess(user: Actor, chapter: CommentChapter): void {
  const access = commentAccess(user, chapter);
  if (access === "none") throw new CommentError(403, "comments.error.forbidden");
  if (access === "read") throw new CommentError(403, "comments.error.settled");
}

function parseBody(body: unknown): string {
  const parsed = commentBodySchema.safeParse(body);
  if (parsed.success) return parsed.data;
  const key = parsed.error.issues[0]?.message === "comments.error.tooLong" ? "comments.error.tooLong" : "comments.error.empty";
  throw new CommentError(422, key);
}

/**
 * The people among `ids` that the comment really mentions: people on the chapter whose "@Name" is
 * in the text. Anyone else a client sends (someone not on the chapter, a mention typed away) is left out.
 */
async function mentionedPeople(chapter: CommentChapter, body: string, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const people = await listMentionablePeople(chapter);
  return people.filter((p) => ids.includes(p.id) && body.includes(`@${p.name}`)).map((p) => p.id);
}

/** How long to wait for a client's latest edits to reach the live document before refusing its anchors. */
const ANCHOR_WAIT_MS = 3000;

/**
 * The range the anchors cover in the live document now. A client may comment on text it typed a
 * moment ago, whose update is still on its way: wait a little for items we have not seen yet.
 */
async function resolveInLiveDocument(chapterId: string, anchorStart: Uint8Array, anchorEnd: Uint8Array) {
  const deadline = Date.now() + ANCHOR_WAIT_MS;
  for (;;) {
    const outcome = await withChapterDocument(chapterId, (doc) => ({
      known: anchorIsKnown(doc, anchorStart) && anchorIsKnown(doc, anchorEnd),
      range: resolveAnchorRange(doc, anchorStart, anchorEnd),
    }));
    if (!outcome) throw new CommentError(404, "error.notFound.text");
    if (outcome.range || outcome.known || Date.now() > deadline) return outcome.range;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function truncate(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}

/**
 * Starts a thread on a range of the chapter's text with its first comment; tells the people it
 * mentions. The anchors must still cover text in the live document (422 otherwise); the quote is
 * the text they cover now, taken from the document rather than from the client.
 */
export async function createThread(input: {
  user: Actor;
  chapter: CommentChapter;
  anchorStart: Uint8Array;
  anchorEnd: Uint8Array;
  body: unknown;
  mentionIds: readonly string[];
}): Promise<{ threadId: string }> {
  const { user, chapter } = input;
  requireWriteAccess(user, chapter);
  const body = parseBody(input.body);
  // Outside any database transaction: this may load the document and wait for it.
  const range = await resolveInLiveDocument(chapter.id, input.anchorStart, input.anchorEnd);
  if (!range) throw new CommentError(422, "comments.error.rangeGone");
  const mentions = await mentionedPeople(chapter, body, input.mentionIds);

  const threadId = await db.$transaction(async (tx) => {
    const thread = await tx.commentThread.create({
      data: {
        chapterId: chapter.id,
        anchorStart: new Uint8Array(input.anchorStart),
        anchorEnd: new Uint8Array(input.anchorEnd),
        quote: truncate(range.text, QUOTE_MAX_LENGTH),
        createdById: user.id,
        comments: { create: { authorId: user.id, body } },
      },
      select: { id: true },
    });
    await recordActivity(
      { bookId: chapter.bookId, chapterId: chapter.id, actorId: user.id, kind: "comment_added", data: { threadId: thread.id, quote: truncate(range.text, 120) } },
      tx,
    );
    await notify({ kind: "mention", chapterId: chapter.id, actorId: user.id, userIds: mentions, excerpt: body, link: threadLink(chapter, thread.id) }, tx);
    return thread.id;
  });
  publish(chapter.id, { type: "comments", threadId });
  return { threadId };
}

/**
 * Adds a reply to a thread: everyone who wrote in the thread hears of it (comment_reply), the people
 * it mentions get a mention instead. Replying to a resolved thread is allowed: it stays resolved
 * until someone reopens it.
 */
export async function replyToThread(input: { user: Actor; chapter: CommentChapter; threadId: string; body: unknown; mentionIds: readonly string[] }) {
  const { user, chapter } = input;
  requireWriteAccess(user, chapter);
  const body = parseBody(input.body);
  const thread = await findThread(chapter, input.threadId);
  const mentions = await mentionedPeople(chapter, body, input.mentionIds);
  const writers = [...new Set([thread.createdById, ...thread.comments.map((c) => c.authorId)])].filter((id) => !mentions.includes(id));

  await db.$transaction(async (tx) => {
    await tx.comment.create({ data: { threadId: thread.id, authorId: user.id, body } });
    await recordActivity(
      { bookId: chapter.bookId, chapterId: chapter.id, actorId: user.id, kind: "comment_replied", data: { threadId: thread.id, quote: truncate(thread.quote, 120) } },
      tx,
    );
    const link = threadLink(chapter, thread.id);
    await notify({ kind: "comment_reply", chapterId: chapter.id, actorId: user.id, userIds: writers, excerpt: body, link }, tx);
    await notify({ kind: "mention", chapterId: chapter.id, actorId: user.id, userIds: mentions, excerpt: body, link }, tx);
  });
  publish(chapter.id, { type: "comments", threadId: thread.id });
}

/** Marks a thread resolved (its highlight goes) or open again; doing what is already so is a no-op. */
export async function setThreadResolved(input: { user: Actor; chapter: CommentChapter; threadId: string; resolved: boolean }) {
  const { user, chapter } = input;
  requireWriteAccess(user, chapter);
  const thread = await findThread(chapter, input.threadId);
  if (Boolean(thread.resolvedAt) === input.resolved) return;
  await db.$transaction(async (tx) => {
    // Only if nobody changed it meanwhile: two people clicking "resolve" record it once.
    const changed = await tx.commentThread.updateMany({
      where: { id: thread.id, resolvedAt: input.resolved ? null : { not: null } },
      data: input.resolved ? { resolvedAt: new Date(), resolvedById: user.id } : { resolvedAt: null, resolvedById: null },
    });
    if (changed.count === 0) return;
    await recordActivity(
      {
        bookId: chapter.bookId,
        chapterId: chapter.id,
        actorId: user.id,
        kind: input.resolved ? "comment_resolved" : "comment_reopened",
        data: { threadId: thread.id, quote: truncate(thread.quote, 120) },
      },
      tx,
    );
  });
  publish(chapter.id, { type: "comments", threadId: thread.id });
}

async function findThread(chapter: CommentChapter, threadId: string) {
  const thread = await db.commentThread.findFirst({
    where: { id: threadId, chapterId: chapter.id },
    select: { id: true, quote: true, createdById: true, resolvedAt: true, comments: { select: { authorId: true } } },
  });
  if (!thread) throw new CommentError(404, "comments.error.threadNotFound");
  return thread;
}

/** Where a notification about a thread leads: the edit page, scrolled to the thread. */
function threadLink(chapter: CommentChapter, threadId: string): string {
  return `${chapter.link}#opmerking-${threadId}`;
}
