import type { UserAccessFacts } from "#app/common/permissions.ts";
import type { QueryGroup } from "./fts-query.ts";
import type { RankedRow } from "./hits.ts";
import type { SearchKind } from "./kinds.ts";

/** The words the index knows, for spelling suggestions (search/spelling.server.ts). */
export type Vocabulary = {
  /** Whether the index holds this word (or, asPrefix, a word starting with it). */
  isKnown(word: string, asPrefix: boolean): Promise<boolean>;
  /**
   * Known words starting with `first` whose length is in [min, max], with the number of pages
   * holding each. `near` (the word to correct, the edits allowed) lets an index narrow them down
   * further; every candidate is checked again with editDistance.
   */
  candidates(first: string, min: number, max: number, near: { word: string; edits: number }): Promise<{ term: string; documents: number }[]>;
};

/**
 * One full-text index behind search(): SQLite's FTS5 (fts5-index.server.ts) or its PostgreSQL twin
 * (postgresql-index.server.ts). Both take the same parsed query and answer alike, so search() and
 * its tests are one for both databases. `Match` is the index's own form of a query (an FTS5 MATCH
 * string, a tsquery expression).
 */
export type SearchIndex<Match> = {
  /** The index's own query for the groups (every group, or any), or null when there is nothing to look for. */
  expression(groups: QueryGroup[], mode: "all" | "any"): Match | null;
  /** Visible hits per kind. */
  countByKind(match: Match, user: UserAccessFacts): Promise<Record<SearchKind, number>>;
  /** One page of visible hits, best first, with matches marked. */
  rankedRows(match: Match, user: UserAccessFacts, kinds: readonly SearchKind[], limit: number, offset: number): Promise<RankedRow[]>;
  vocabulary: Vocabulary;
};

/** Counts with every kind present. */
export function countsFrom(rows: { kind: string; hits: number | string }[]): Record<SearchKind, number> {
  const counts: Record<SearchKind, number> = { chapter: 0, tool: 0, event: 0, partner: 0 };
  for (const row of rows) if (row.kind in counts) counts[row.kind as SearchKind] = Number(row.hits);
  return counts;
}
