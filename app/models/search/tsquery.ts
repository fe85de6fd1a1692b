import type { QueryGroup } from "./fts-query.ts";

/**
 * The PostgreSQL twin of fts-query.ts's matchExpression: the same parsed groups as an SQL
 * expression of type tsquery, with every word a parameter (nothing the user typed is SQL or
 * tsquery syntax: plainto_tsquery reads a word as text, and a word holds only letters and digits,
 * so `word:*` is one prefix lexeme).
 *
 * A whole word matches by its Dutch stem (configuration kapittel_dutch: "inwoners" = "inwoner").
 * The last word is the type-ahead prefix, and there stemming would change what matches: the
 * stemmer cuts the word someone is still typing ("kwikzilverbrig" → "kwikzilverbr", which would
 * find "kwikzilverbrug" without any spelling notice). So the last word matches a page word with
 * the same stem, or whose stem starts with the word as typed (unstemmed, configuration
 * kapittel_words): "sensor" → "sensoren", "sensorenregister", as FTS5's prefix query does.
 */
export type TsqueryExpression = { sql: string; params: string[] };

const STEMMED = `plainto_tsquery('kapittel_dutch'::regconfig, ?)`;
const AS_TYPED_PREFIX = `to_tsquery('kapittel_words'::regconfig, ?)`;

type Part = TsqueryExpression;

const whole = (word: string): Part => ({ sql: STEMMED, params: [word] });
/** Type-ahead from two characters, as on SQLite (fts-query.ts). */
const typeAhead = (word: string): Part =>
  word.length >= 2 ? { sql: `(${STEMMED} || ${AS_TYPED_PREFIX})`, params: [word, `${word}:*`] } : whole(word);

function combine(parts: Part[], operator: "&&" | "||"): Part {
  if (parts.length === 1) return parts[0]!;
  return { sql: `(${parts.map((part) => part.sql).join(` ${operator} `)})`, params: parts.flatMap((part) => part.params) };
}

/** Words one after the other (tsquery's `<->`), the last one a prefix. */
function phrase(words: string[]): Part {
  const parts = words.map((word, index) => (index === words.length - 1 ? typeAhead(word) : whole(word)));
  return parts.slice(1).reduce((left, right) => ({ sql: `tsquery_phrase(${left.sql}, ${right.sql})`, params: [...left.params, ...right.params] }), parts[0]!);
}

function groupExpression(group: QueryGroup, isLast: boolean): Part {
  const own = combine(
    group.words.map((word, index) => (isLast && index === group.words.length - 1 ? typeAhead(word) : whole(word))),
    "&&",
  );
  if (group.alternatives.length === 0) return own;
  // A synonym phrase matches as a phrase with its last word a prefix ("digital twin" → "digital twins").
  return combine([own, ...group.alternatives.map(phrase)], "||");
}

/** The tsquery for the groups: every group ("all") or any ("any"); null when there is nothing. */
export function tsqueryExpression(groups: QueryGroup[], mode: "all" | "any" = "all"): TsqueryExpression | null {
  if (groups.length === 0) return null;
  return combine(
    groups.map((group, index) => groupExpression(group, index === groups.length - 1)),
    mode === "all" ? "&&" : "||",
  );
}
