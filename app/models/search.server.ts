import type { UserAccessFacts } from "#app/common/permissions.ts";
import { usesPostgresql } from "#app/utils/db.server.ts";
import { fts5Index } from "./search/fts5-index.server.ts";
import { parseQuery, type QueryGroup } from "./search/fts-query.ts";
import { toHits } from "./search/hits.ts";
import type { SearchIndex } from "./search/index-kind.ts";
import { SEARCH_KINDS, SEARCH_PAGE_SIZE, type SearchKind } from "./search/kinds.ts";
import { postgresqlIndex } from "./search/postgresql-index.server.ts";
import { correctSpelling } from "./search/spelling.server.ts";

/**
 * Search over chapters, tools, events and partners (docs/decisions/017-search.md). The FTS5 index
 * (search_index) is kept up to date by triggers (prisma/migrations/*_search); on PostgreSQL its twin
 * is search_entry with a tsvector (docs/decisions/019). This module asks the one in use,
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
const noCounts = (): Record<SearchKind, number> => ({ chapter: 0, tool: 0, event: 0, partner: 0 });

const sum = (counts: Record<SearchKind, number>, kinds: readonly SearchKind[]) => kinds.reduce((total, kind) => total + counts[kind], 0);

/**
 * Searches what this person (null: a visitor) may see. Any input is safe: it never reaches FTS5 or
 * PostgreSQL as syntax (search/fts-query.ts, search/tsquery.ts). When no page holds every word, a
 * misspelt word is corrected from the index's vocabulary; failing that, pages with any of the
 * words are shown.
 */
export async function search(query: string, user: UserAccessFacts, options: SearchOptions = {}): Promise<SearchResult> {
  const kinds = options.kinds && options.kinds.length > 0 ? options.kinds : SEARCH_KINDS;
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? SEARCH_PAGE_SIZE), 1), MAX_LIMIT);
  const offset = Math.max(Math.trunc(options.offset ?? 0), 0);
  const groups = parseQuery(query);
  const empty: SearchResult = { hits: [], total: 0, counts: noCounts(), mode: "empty", correctedQuery: null };
  if (groups.length === 0) return empty;
  return usesPostgresql() ? searchIn(postgresqlIndex, groups, user, kinds, limit, offset) : searchIn(fts5Index, groups, user, kinds, limit, offset);
}

/** The attempts of search() against one index: every word, then a corrected spelling, then any word. */
async function searchIn<Match>(
  index: SearchIndex<Match>,
  groups: QueryGroup[],
  user: UserAccessFacts,
  kinds: readonly SearchKind[],
  limit: number,
  offset: number,
): Promise<SearchResult> {
  const attempts: { mode: SearchResult["mode"]; groups: QueryGroup[]; any?: boolean }[] = [{ mode: "all", groups }];
  for (const attempt of attempts) {
    const match = index.expression(attempt.groups, attempt.any ? "any" : "all");
    if (!match) continue;
    const counts = await index.countByKind(match, user);
    if (sum(counts, SEARCH_KINDS) > 0) {
      return {
        hits: toHits(await index.rankedRows(match, user, kinds, limit, offset), user),
        total: sum(counts, kinds),
        counts,
        mode: attempt.mode,
        correctedQuery: attempt.mode === "spelling" ? attempt.groups.map((group) => group.words.join(" ")).join(" ") : null,
      };
    }
    if (attempt.mode === "all") {
      const corrected = await correctSpelling(groups, index.vocabulary);
      if (corrected) attempts.push({ mode: "spelling", groups: corrected });
      if (groups.length > 1) attempts.push({ mode: "any", groups, any: true });
    }
  }
  return { hits: [], total: 0, counts: noCounts(), mode: "all", correctedQuery: null };
}
