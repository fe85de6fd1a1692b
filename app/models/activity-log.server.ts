import { formatDateTime } from "#app/common/format.ts";
import type { Locale } from "#app/common/i18n/locales.ts";
import { canAccessChapter, hasPermission, type UserAccessFacts } from "#app/common/permissions.ts";
import { db } from "#app/utils/db.server.ts";
import { listActivity, type ActivityLine } from "./activity.server.ts";

/** One line of an activity log as the loaders send it (the time already formatted on the server). */
export type ActivityLogLine = {
  id: string;
  kind: string;
  data: Record<string, unknown>;
  when: string;
  /** ISO time for the <time> element. */
  at: string;
  actor: string | null;
  /** Set on the book's log, where each line says which chapter it concerns. */
  chapter: { title: string; href: string } | null;
};

/** How many lines a log page shows (the newest). */
export const ACTIVITY_PAGE_SIZE = 200;

/** A chapter's activity, newest first, ready for the page (times formatted in the page's language). */
export async function chapterActivityLog(chapterId: string, locale: Locale): Promise<ActivityLogLine[]> {
  const lines = await listActivity({ chapterId }, { take: ACTIVITY_PAGE_SIZE });
  return lines.map((line) => toLogLine(line, locale, null));
}

/**
 * A book's activity as this person may see it: editors and admins everything, authors the lines of
 * the chapters they write, nobody else anything.
 */
export async function bookActivityLog(book: { id: string; slug: string }, user: UserAccessFacts, locale: Locale): Promise<ActivityLogLine[]> {
  if (hasPermission(user?.role, "read:chapter:any")) {
    const lines = await listActivity({ bookId: book.id }, { take: ACTIVITY_PAGE_SIZE });
    return lines.map((line) => toLogLine(line, locale, book.slug));
  }
  const chapters = await db.chapter.findMany({
    where: { bookId: book.id },
    select: { id: true, status: true, organisations: { select: { organisationId: true } } },
  });
  const writable = chapters
    .filter((c) => canAccessChapter(user, { status: c.status, organisationIds: c.organisations.map((o) => o.organisationId) }, "update"))
    .map((c) => c.id);
  // Partners write a few chapters each: one query per chapter stays small.
  const lines = (await Promise.all(writable.map((chapterId) => listActivity({ chapterId }, { take: ACTIVITY_PAGE_SIZE })))).flat();
  return lines
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1))
    .slice(0, ACTIVITY_PAGE_SIZE)
    .map((line) => toLogLine(line, locale, book.slug));
}

function toLogLine(line: ActivityLine, locale: Locale, bookSlug: string | null): ActivityLogLine {
  return {
    id: line.id,
    kind: line.kind,
    data: line.data,
    when: formatDateTime(line.createdAt, locale),
    at: line.createdAt.toISOString(),
    actor: line.actor?.name ?? null,
    chapter: bookSlug && line.chapter ? { title: line.chapter.title, href: `/boek/${bookSlug}/${line.chapter.slug}` } : null,
  };
}

/** The book an activity page is about, or null. */
export function findBookBySlug(slug: string) {
  return db.book.findUnique({ where: { slug }, select: { id: true, slug: true, title: true } });
}
