import type { UserAccessFacts } from "#app/common/permissions.ts";
import { searchQuery } from "./connection.server.ts";
import { matchExpression } from "./fts-query.ts";
import { SQL_MARK_CLOSE, SQL_MARK_OPEN } from "./highlight.ts";
import { hitLinkColumns, type RankedRow } from "./hits.ts";
import { countsFrom, type SearchIndex } from "./index-kind.ts";
import type { SearchKind } from "./kinds.ts";
import { visibilityCondition } from "./visibility.ts";

/** Title twenty times a body match, the summary four times (bm25 weights per column: kind, ref_id, title, summary, body). */
const RANK = "bm25(0.0, 0.0, 20.0, 4.0, 1.0)";

/**
 * Kind and id come from search_document (by rowid), not from the index's own columns: reading a
 * column of an FTS5 row loads the whole stored row, long chapter text and all — ten times slower
 * when a common word matches most of the index (bench/search.ts).
 */
const DOCUMENT_JOIN = `JOIN search_document d ON d."id" = search_index.rowid`;

function countByKind(match: string, user: UserAccessFacts) {
  const visible = visibilityCondition(user);
  return countsFrom(
    searchQuery<{ kind: string; hits: number }>(
      `SELECT d.kind, count(*) AS hits FROM search_index ${DOCUMENT_JOIN} WHERE search_index MATCH ? AND (${visible.sql}) GROUP BY d.kind`,
      [match, ...visible.params],
    ),
  );
}

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
        ${hitLinkColumns("d", "sqlite")}
      FROM search_index ${DOCUMENT_JOIN}
      WHERE search_index MATCH ? AND rank MATCH '${RANK}' AND d.kind IN (SELECT value FROM json_each(?)) AND (${visible.sql})
      ORDER BY rank
      LIMIT ? OFFSET ?`,
    [match, JSON.stringify(kinds), ...visible.params, limit, offset],
  );
}

/** SQLite's FTS5 index (docs/decisions/017-search.md); its vocabulary is the fts5vocab table search_vocabulary. */
export const fts5Index: SearchIndex<string> = {
  expression: matchExpression,
  countByKind: async (match, user) => countByKind(match, user),
  rankedRows: async (match, user, kinds, limit, offset) => rankedRows(match, user, kinds, limit, offset),
  vocabulary: {
    async isKnown(word, asPrefix) {
      const rows = asPrefix
        ? searchQuery(`SELECT 1 FROM search_vocabulary WHERE term >= ? AND term < ? LIMIT 1`, [word, `${word}\uffff`])
        : searchQuery(`SELECT 1 FROM search_vocabulary WHERE term = ? LIMIT 1`, [word]);
      return rows.length > 0;
    },
    async candidates(first, min, max) {
      return searchQuery<{ term: string; documents: number }>(
        `SELECT term, doc AS documents FROM search_vocabulary WHERE term >= ? AND term < ? AND length(term) BETWEEN ? AND ?`,
        [first, `${first}\uffff`, min, max],
      );
    },
  },
};
