import { z } from "zod";
import { CHAPTER_STATUSES, type ChapterStatus } from "#app/common/chapter-status.ts";
import { countWords } from "#app/common/chapter-text.ts";
import { db } from "#app/utils/db.server.ts";

/**
 * The editor dashboard: every chapter of every book with what an editor steers by (state, who
 * writes it, how long it is, what is still open, when something last happened), filtered by state
 * and organisation.
 */

/** Dashboard filters as they arrive in the URL; anything unknown means "all" rather than an error. */
const DashboardFilterSchema = z.object({
  status: z.enum(CHAPTER_STATUSES).optional().catch(undefined),
  organisatie: z.string().trim().min(1).max(200).optional().catch(undefined),
});

export type DashboardFilter = { status?: ChapterStatus; organisationSlug?: string };

/** The filters of a dashboard URL (?status=…&organisatie=<slug>). */
export function parseDashboardFilter(searchParams: URLSearchParams): DashboardFilter {
  const parsed = DashboardFilterSchema.parse({
    status: searchParams.get("status") || undefined,
    organisatie: searchParams.get("organisatie") || undefined,
  });
  return { status: parsed.status, organisationSlug: parsed.organisatie };
}

export type DashboardRow = {
  id: string;
  title: string;
  slug: string;
  status: string;
  book: { slug: string; title: string };
  part: string;
  organisations: { slug: string; name: string }[];
  authors: string[];
  words: number;
  openComments: number;
  openSuggestions: number;
  lastActivity: Date;
};

/** The chapters that pass the filter, book by book in reading order. */
export async function listDashboardChapters(filter: DashboardFilter): Promise<DashboardRow[]> {
  const chapters = await db.chapter.findMany({
    where: {
      ...(filter.status && { status: filter.status }),
      ...(filter.organisationSlug && { organisations: { some: { organisation: { slug: filter.organisationSlug } } } }),
    },
    orderBy: [{ book: { title: "asc" } }, { part: { position: "asc" } }, { position: "asc" }],
    select: {
      id: true,
      title: true,
      slug: true,
      status: true,
      bodyText: true,
      openSuggestions: true,
      updatedAt: true,
      book: { select: { slug: true, title: true } },
      part: { select: { title: true } },
      organisations: { select: { organisation: { select: { slug: true, name: true } } } },
      authors: { select: { user: { select: { name: true } } } },
      _count: { select: { threads: { where: { resolvedAt: null } } } },
      activities: { orderBy: { createdAt: "desc" }, take: 1, select: { createdAt: true } },
    },
  });
  return chapters.map((chapter) => {
    const latest = chapter.activities[0]?.createdAt;
    return {
      id: chapter.id,
      title: chapter.title,
      slug: chapter.slug,
      status: chapter.status,
      book: chapter.book,
      part: chapter.part.title,
      organisations: chapter.organisations.map((o) => o.organisation),
      authors: chapter.authors.map((a) => a.user.name),
      words: countWords(chapter.bodyText),
      openComments: chapter._count.threads,
      openSuggestions: chapter.openSuggestions,
      // The activity log holds reviews and comments; plain writing only moves updatedAt.
      lastActivity: latest && latest > chapter.updatedAt ? latest : chapter.updatedAt,
    };
  });
}

/** The organisations that write chapters, for the filter. */
export function listChapterOrganisations() {
  return db.organisation.findMany({
    where: { chapters: { some: {} } },
    orderBy: { name: "asc" },
    select: { slug: true, name: true },
  });
}
