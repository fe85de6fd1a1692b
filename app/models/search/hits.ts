import { canAccessChapter, type UserAccessFacts } from "#app/common/permissions.ts";
import type { SearchHit } from "../search.server.ts";
import { hasMark, markedToHtml } from "./highlight.ts";
import { searchHitUrl, type SearchKind } from "./kinds.ts";

/** One ranked hit as both index twins (FTS5, PostgreSQL) return it, matches marked (highlight.ts). */
export type RankedRow = {
  kind: SearchKind;
  id: string;
  title: string;
  titleMarked: string;
  summaryMarked: string;
  bodyMarked: string;
  slug: string | null;
  bookSlug: string | null;
  status: string | null;
  /** JSON array of the chapter's organisation ids. */
  organisationIds: string | null;
};

/** The passage to show: the body's best match, else the summary's, else the start of the summary. */
function pickSnippet(row: RankedRow): string {
  if (hasMark(row.bodyMarked)) return row.bodyMarked;
  if (hasMark(row.summaryMarked) || row.summaryMarked.trim()) return row.summaryMarked;
  return row.bodyMarked;
}

/**
 * The page's rows as hits. Chapters pass canAccessChapter once more, on the facts read with them:
 * a second, independent check that no chapter reaches someone who may not read it.
 */
export function toHits(rows: RankedRow[], user: UserAccessFacts): SearchHit[] {
  const hits: SearchHit[] = [];
  for (const row of rows) {
    if (!row.slug) continue;
    if (row.kind === "chapter") {
      const facts = { status: row.status ?? "", organisationIds: JSON.parse(row.organisationIds ?? "[]") as string[] };
      if (!row.status || !row.bookSlug || !canAccessChapter(user, facts, "read")) continue;
    }
    hits.push({
      kind: row.kind,
      id: row.id,
      title: row.title,
      titleHtml: markedToHtml(row.titleMarked),
      snippetHtml: markedToHtml(pickSnippet(row)),
      url: searchHitUrl({ kind: row.kind, slug: row.slug, bookSlug: row.bookSlug }),
      status: row.kind === "chapter" ? row.status : null,
    });
  }
  return hits;
}
