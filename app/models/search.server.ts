import { canAccessChapter, hasPermission, type UserAccessFacts } from "#app/common/permissions.ts";
import { matchExpression, parseQuery, type QueryGroup } from "./search/fts-query.ts";
import { hasMark, markedToHtml, SQL_MARK_CLOSE, SQL_MARK_OPEN } from "./search/highlight.ts";
import { SEARCH_KINDS, SEARCH_PAGE_SIZE, searchHitUrl, type SearchKind } from "./search/kinds.ts";
import { searchQuery } from "./search/connection.server.ts";
import { correctSpelling } from "./search/spelling.server.ts";

/**
 * Search over chapters, tools, events and partners (docs/decisions/017-search.md). The FTS5 index
 * (search_index) is kept up to date by triggers (prisma/migrations/*_search); this module asks it,
 * ranked by bm25 with the title weighted above the summary and the summary above the body, and
 * filters by permission at query time against the live rows: a chapter hit is shown only when
 * canAccessChapter says so for its status and organisations now, tools and events only while
 * published.
 */

export type SearchHit = {
  kind: SearchKind;
  id: string;
  title: string;
  /** The title, escaped, with matches in <mark>. */
  titleHtml: string;
  /** A passage around the best match, escaped, with matches in <mark>. */
  snippetHtml: string;
  url: string;
  /** A chapter's workflow state (authors and editors also find drafts); null for other kinds. */
  status: string | null;
};

export type SearchResult = {
  hits: SearchHit[];
  /** Hits of the chosen kinds (for paging). */
  total: number;
  /** Hits per kind, whatever kinds were chosen (for the type filters). */
  counts: Record<SearchKind, number>;
  /**
   * How the hits were found: every word ("all"), after correcting a misspelt word ("spelling",
   * with `correctedQuery`), any of the words when no page holds them all ("any"), or not at all
   * ("empty": nothing to look for).
   */
  mode: "all" | "spelling" | "any" | "empty";
  correctedQuery: string | null;
};

export type SearchOptions = { kinds?: readonly SearchKind[]; limit?: number; offset?: number };

const MAX_LIMIT = 50;
/** Title twenty times a body match, the summary four times (bm25 weights per column: kind, ref_id, title, summary, body). */
const RANK = "bm25(0.0, 0.0, 20.0, 4.0, 1.0)";

/**
 * Kind and id come from search_document (by rowid), not from the index's own columns: reading a
 * column of an FTS5 row loads the whole stored row, long chapter text and all — ten times slower
 * when a common word matches most of the index (bench/search.ts).
 */
const DOCUMENT_JOIN = `JOIN search_document d ON d."id" = search_index.rowid`;

const noCounts = (): Record<SearchKind, number> => ({ chapter: 0, tool: 0, event: 0, partner: 0 });

/**
 * The SQL condition "this index row may be shown", with its parameters. The role's permissions
 * become constants (they come from our own table of permissions, never from the request); the
 * person's organisations travel as one JSON parameter.
 */
function visibilityCondition(user: UserAccessFacts): { sql: string; params: unknown[] } {
  const role = user?.role ?? null;
  const readsAny = hasPermission(role, "read:chapter:any");
  const readsOwnOrg = Boolean(user) && hasPermission(role, "read:chapter:own-org") && (user?.organisationIds.length ?? 0) > 0;
  const readsPublished = hasPermission(role, "read:chapter:published");
  const chapterRule = readsAny
    ? "1"
    : [
        readsPublished ? `c."status" = 'published'` : "0",
        readsOwnOrg
          ? `EXISTS (SELECT 1 FROM "ChapterOrganisation" co WHERE co."chapterId" = c."id" AND co."organisationId" IN (SELECT value FROM json_each(?)))`
          : "0",
      ].join(" OR ");
  return {
    sql: `CASE d.kind
      WHEN 'chapter' THEN EXISTS (SELECT 1 FROM "Chapter" c WHERE c."id" = d.ref_id AND (${chapterRule}))
      WHEN 'tool' THEN EXISTS (SELECT 1 FROM "Tool" t WHERE t."id" = d.ref_id AND t."published")
      WHEN 'event' THEN EXISTS (SELECT 1 FROM "Event" e WHERE e."id" = d.ref_id AND e."published")
      WHEN 'partner' THEN EXISTS (SELECT 1 FROM "Organisation" o WHERE o."id" = d.ref_id)
      ELSE 0 END`,
    params: !readsAny && readsOwnOrg ? [JSON.stringify(user?.organisationIds ?? [])] : [],
  };
}

function countByKind(match: string, user: UserAccessFacts): Record<SearchKind, number> {
  const visible = visibilityCondition(user);
  const rows = searchQuery<{ kind: string; hits: number }>(
    `SELECT d.kind, count(*) AS hits FROM search_index ${DOCUMENT_JOIN} WHERE search_index MATCH ? AND (${visible.sql}) GROUP BY d.kind`,
    [match, ...visible.params],
  );
  const counts = noCounts();
  for (const row of rows) if (row.kind in counts) counts[row.kind as SearchKind] = row.hits;
  return counts;
}

type RankedRow = {
  kind: SearchKind;
  id: string;
  title: string;
  titleMarked: string;
  summaryMarked: string;
  bodyMarked: string;
  slug: string | null;
  bookSlug: string | null;
  status: string | null;
  organisationIds: string | null;
};

/**
 * One page of ranked hits, with where each lives. `ORDER BY rank` (with the rank function set for
 * this query) lets FTS5 sort inside the index, so SQLite stops after the page: snippet() and
 * highlight() — the costly part on long chapters — run for the rows shown, not for every match.
 */
function rankedRows(match: string, user: UserAccessFacts, kinds: readonly SearchKind[], limit: number, offset: number): RankedRow[] {
  const visible = visibilityCondition(user);
  return searchQuery<RankedRow>(
    `SELECT d.kind, d.ref_id AS id, search_index.title,
        highlight(search_index, 2, ${SQL_MARK_OPEN}, ${SQL_MARK_CLOSE}) AS titleMarked,
        snippet(search_index, 3, ${SQL_MARK_OPEN}, ${SQL_MARK_CLOSE}, '…', 24) AS summaryMarked,
        snippet(search_index, 4, ${SQL_MARK_OPEN}, ${SQL_MARK_CLOSE}, '…', 24) AS bodyMarked,
        CASE d.kind
          WHEN 'chapter' THEN (SELECT c."slug" FROM "Chapter" c WHERE c."id" = d.ref_id)
          WHEN 'tool' THEN (SELECT t."slug" FROM "Tool" t WHERE t."id" = d.ref_id AND t."published")
          WHEN 'event' THEN (SELECT e."slug" FROM "Event" e WHERE e."id" = d.ref_id AND e."published")
          WHEN 'partner' THEN (SELECT o."slug" FROM "Organisation" o WHERE o."id" = d.ref_id)
        END AS slug,
        (SELECT b."slug" FROM "Chapter" c JOIN "Book" b ON b."id" = c."bookId" WHERE d.kind = 'chapter' AND c."id" = d.ref_id) AS bookSlug,
        (SELECT c."status" FROM "Chapter" c WHERE d.kind = 'chapter' AND c."id" = d.ref_id) AS status,
        (SELECT json_group_array(co."organisationId") FROM "ChapterOrganisation" co WHERE d.kind = 'chapter' AND co."chapterId" = d.ref_id) AS organisationIds
      FROM search_index ${DOCUMENT_JOIN}
      WHERE search_index MATCH ? AND rank MATCH '${RANK}' AND d.kind IN (SELECT value FROM json_each(?)) AND (${visible.sql})
      ORDER BY rank
      LIMIT ? OFFSET ?`,
    [match, JSON.stringify(kinds), ...visible.params, limit, offset],
  );
}

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
function toHits(rows: RankedRow[], user: UserAccessFacts): SearchHit[] {
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

const sum = (counts: Record<SearchKind, number>, kinds: readonly SearchKind[]) => kinds.reduce((total, kind) => total + counts[kind], 0);

/**
 * Searches what this person (null: a visitor) may see. Any input is safe: it never reaches FTS5 as
 * syntax (search/fts-query.ts). When no page holds every word, a misspelt word is corrected from
 * the index's vocabulary; failing that, pages with any of the words are shown.
 */
export async function search(query: string, user: UserAccessFacts, options: SearchOptions = {}): Promise<SearchResult> {
  const kinds = options.kinds && options.kinds.length > 0 ? options.kinds : SEARCH_KINDS;
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? SEARCH_PAGE_SIZE), 1), MAX_LIMIT);
  const offset = Math.max(Math.trunc(options.offset ?? 0), 0);
  const groups = parseQuery(query);
  const empty: SearchResult = { hits: [], total: 0, counts: noCounts(), mode: "empty", correctedQuery: null };
  if (groups.length === 0) return empty;

  const attempts: { mode: SearchResult["mode"]; groups: QueryGroup[]; any?: boolean }[] = [{ mode: "all", groups }];
  for (const attempt of attempts) {
    const match = matchExpression(attempt.groups, attempt.any ? "any" : "all");
    if (!match) continue;
    const counts = countByKind(match, user);
    if (sum(counts, SEARCH_KINDS) > 0) {
      return {
        hits: toHits(rankedRows(match, user, kinds, limit, offset), user),
        total: sum(counts, kinds),
        counts,
        mode: attempt.mode,
        correctedQuery: attempt.mode === "spelling" ? attempt.groups.map((group) => group.words.join(" ")).join(" ") : null,
      };
    }
    if (attempt.mode === "all") {
      const corrected = correctSpelling(groups);
      if (corrected) attempts.push({ mode: "spelling", groups: corrected });
      if (groups.length > 1) attempts.push({ mode: "any", groups, any: true });
    }
  }
  return { ...empty, mode: "all" };
}
