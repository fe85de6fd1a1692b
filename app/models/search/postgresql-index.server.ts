import type { UserAccessFacts } from "#app/common/permissions.ts";
import { numberedPlaceholders, pgPool } from "#app/utils/pg-pool.server.ts";
import { MARK_CLOSE, MARK_OPEN } from "./highlight.ts";
import { hitLinkColumns, type RankedRow } from "./hits.ts";
import { countsFrom, type SearchIndex } from "./index-kind.ts";
import type { SearchKind } from "./kinds.ts";
import { tsqueryExpression, type TsqueryExpression } from "./tsquery.ts";
import { visibilityCondition } from "./visibility.ts";

/**
 * The PostgreSQL twin of the FTS5 index (docs/decisions/019-postgresql-twin.md): search_entry with
 * a weighted tsvector (configuration kapittel_dutch: unaccent, then Dutch stemming; tsquery.ts says
 * how a query matches it), a GIN index,
 * kept by triggers (prisma/postgresql/migrations/*_search). Same parsed query, same visibility
 * rules, same marks, so search() and its tests are one for both databases.
 */

const CONFIG = `'kapittel_dutch'::regconfig`;
/** ts_rank's weights, in its order D (body), C (unused), B (summary), A (title): 1 : 4 : 20, as bm25's on SQLite. */
const WEIGHTS = `'{0.05, 0, 0.2, 1}'`;
/** ts_headline drops what looks like an HTML tag from a fragment; the text's own "<" is hidden from it and put back. */
const LESS_THAN_STANDIN = "\uE002";
const HEADLINE = `StartSel=${MARK_OPEN}, StopSel=${MARK_CLOSE}`;
/**
 * One fragment of up to 24 words, as FTS5's snippet(): fragment mode (MaxFragments=1) centres the
 * match in its fragment; the default mode would start the passage at the match, without the words
 * that lead up to it.
 */
const SNIPPET = `${HEADLINE}, MaxWords=24, MinWords=12, ShortWord=2, MaxFragments=1`;
const TITLE = `${HEADLINE}, HighlightAll=true`;

async function query<Row>(sql: string, params: readonly unknown[]): Promise<Row[]> {
  const result = await pgPool().query(numberedPlaceholders(sql), params as unknown[]);
  return result.rows as Row[];
}

async function countByKind(match: TsqueryExpression, user: UserAccessFacts) {
  const visible = visibilityCondition(user, "postgresql");
  return countsFrom(
    await query<{ kind: string; hits: string }>(
      `SELECT d.kind, count(*) AS hits FROM search_entry d WHERE d.document @@ ${match.sql} AND (${visible.sql}) GROUP BY d.kind`,
      [...match.params, ...visible.params],
    ),
  );
}

/** One page of ranked hits; ts_headline (costly on long chapters) runs for the page's rows only. */
async function rankedRows(match: TsqueryExpression, user: UserAccessFacts, kinds: readonly SearchKind[], limit: number, offset: number): Promise<RankedRow[]> {
  const visible = visibilityCondition(user, "postgresql");
  const headline = (column: string, options: string) => `ts_headline(${CONFIG}, replace(page.${column}, '<', '${LESS_THAN_STANDIN}'), page.query, '${options}')`;
  const rows = await query<RankedRow & { summary: string; body: string }>(
    `WITH page AS (
        SELECT d.kind, d.ref_id, d.title, d.summary, d.body, q.query, ts_rank(${WEIGHTS}, d.document, q.query, 1) AS rank
        FROM search_entry d, (SELECT ${match.sql} AS query) q
        WHERE d.document @@ q.query AND d.kind = ANY(?::text[]) AND (${visible.sql})
        ORDER BY rank DESC, d.kind, d.ref_id
        LIMIT ? OFFSET ?
      )
      SELECT page.kind, page.ref_id AS id, page.title, page.summary, page.body,
        ${headline("title", TITLE)} AS "titleMarked",
        ${headline("summary", SNIPPET)} AS "summaryMarked",
        ${headline("body", SNIPPET)} AS "bodyMarked",
        ${hitLinkColumns("page", "postgresql")}
      FROM page
      ORDER BY page.rank DESC, page.kind, page.ref_id`,
    [...match.params, [...kinds], ...visible.params, limit, offset],
  );
  const restore = (text: string) => text.replaceAll(LESS_THAN_STANDIN, "<");
  return rows.map(({ summary, body, ...row }) => ({
    ...row,
    titleMarked: restore(row.titleMarked),
    summaryMarked: withEllipses(restore(row.summaryMarked), summary),
    bodyMarked: withEllipses(restore(row.bodyMarked), body),
  }));
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * "…" where the passage leaves text out before or after it, as FTS5's snippet() writes them.
 * ts_headline gives the passage only; it is found in the text it came from (it is a piece of it,
 * marks aside, the standin for "<" restored), and text is left out where letters or digits lie
 * outside it.
 */
function withEllipses(marked: string, text: string): string {
  const plain = marked.replace(/[\uE000\uE001]/g, "").trim();
  const at = plain ? text.indexOf(plain) : -1;
  if (at < 0) return marked;
  const before = text.slice(0, at);
  const after = text.slice(at + plain.length);
  // Fragment mode leaves off the punctuation at either end of the text ("meer." → "meer"); it is put back.
  return `${LETTER_OR_DIGIT.test(before) ? "…" : before.trimStart()}${marked.trim()}${LETTER_OR_DIGIT.test(after) ? "…" : after.trimEnd()}`;
}

/**
 * The vocabulary (migration *_search): search_word holds every folded, unstemmed word ever indexed;
 * whether pages hold one now is asked of search_entry's `words` through its GIN index. A query
 * word holds letters and digits only, so `word:*` is one prefix lexeme (as in tsquery.ts).
 */
const HOLDS_WORD = `plainto_tsquery('kapittel_words'::regconfig, ?)`;
const HOLDS_PREFIX = `to_tsquery('kapittel_words'::regconfig, ?)`;
/** A word as FTS5's tokenizer would have one: the words table also has "digital-twin", "3.5", "iemand@example.nl". */
const PLAIN_WORD = /^[\p{L}\p{N}]+$/u;

/**
 * Near words, with the pages holding each: levenshtein_less_equal narrows the words with the
 * right first letter (a range of the primary key) and length down to a handful before their pages are counted (a swap of two
 * neighbours is one edit for editDistance but two for Levenshtein, hence twice the edits; the
 * CASE keeps words over fuzzystrmatch's 255 characters away from it). Words no page holds any
 * more (search_word is only added to) count 0 and are left out.
 */
const CANDIDATES = `
  SELECT term, documents FROM (
    SELECT w."word" AS term,
      (SELECT count(*) FROM search_entry e WHERE e.words @@ plainto_tsquery('simple', w."word"))::int AS documents
    FROM search_word w
    WHERE w."word" >= ? AND w."word" < ? AND CASE WHEN length(w."word") BETWEEN ? AND ? THEN levenshtein_less_equal(?, w."word", ?) <= ? ELSE false END
  ) near WHERE documents > 0`;

/** PostgreSQL's full-text search (docs/decisions/019): the twin of fts5Index. */
export const postgresqlIndex: SearchIndex<TsqueryExpression> = {
  expression: tsqueryExpression,
  countByKind,
  rankedRows,
  vocabulary: {
    async isKnown(word, asPrefix) {
      const rows = await query(`SELECT 1 FROM search_entry WHERE words @@ ${asPrefix ? HOLDS_PREFIX : HOLDS_WORD} LIMIT 1`, [asPrefix ? `${word}:*` : word]);
      return rows.length > 0;
    },
    async candidates(first, min, max, near) {
      // Words starting with `first` (one character): a range of the primary key, in code point order (COLLATE "C").
      const after = String.fromCodePoint((first.codePointAt(0) ?? 0) + 1);
      const rows = await query<{ term: string; documents: number }>(CANDIDATES, [first, after, min, max, near.word, near.edits * 2, near.edits * 2]);
      return rows.filter((row) => PLAIN_WORD.test(row.term));
    },
  },
};
