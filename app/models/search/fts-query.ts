import { SYNONYM_GROUPS } from "./synonyms.ts";

/**
 * Turns whatever someone types into a safe FTS5 query. Nothing the user types is ever FTS5 syntax:
 * the input is cut into words the way the index's tokenizer (unicode61) cuts text — runs of letters
 * and digits — and every word is quoted, so quotes, `*`, `NEAR`, `AND/OR/NOT`, `:`, `^` and
 * parentheses are either separators or plain words. The last word is a prefix (type-ahead: "tweel"
 * finds "tweeling"), common Dutch and English function words are dropped, and a word sequence from
 * the synonym list may also match its equivalents ("digitale tweeling" ↔ "digital twin").
 */

/** More words than this add nothing to a search box query and only cost time. */
const MAX_WORDS = 12;
/** A longer "word" is not a word anybody searches for (and FTS5 would only look it up in vain). */
const MAX_WORD_LENGTH = 60;
/** Only this much of the input is read; the rest of a pasted essay is ignored. */
export const MAX_QUERY_LENGTH = 200;

/** Words too common to narrow a search: "hoe betrek je inwoners bij data" looks for inwoners + data. */
const STOPWORDS = new Set(
  (
    "de het een en of van in op te voor met aan bij door om over uit als dan dat die dit deze zijn is was wordt worden " +
    "er niet ook nog wel maar naar tot je jij u we wij ik hij zij ze hoe wat wie waar waarom welke wanneer mijn onze " +
    "the a an and or of in on to for with at by from is are was be how what which who why when"
  ).split(" "),
);

/** A word as the index stores it: lower case, diacritics removed ("financiële" → "financiele"). */
export function foldWord(word: string): string {
  return word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/** The words of the input, folded, in order (at most MAX_WORDS). */
export function queryWords(input: string): string[] {
  const words = input.slice(0, MAX_QUERY_LENGTH).normalize("NFKC").match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];
  return words
    .map((word) => foldWord(word).slice(0, MAX_WORD_LENGTH))
    .filter((word) => word.length > 0)
    .slice(0, MAX_WORDS);
}

/** One word of the query, or a run of words that has synonyms: every way it may match. */
export type QueryGroup = { words: string[]; alternatives: string[][] };

/** Splits the words into groups, taking the longest synonym phrase at each position. */
function groupWords(words: string[]): QueryGroup[] {
  const groups: QueryGroup[] = [];
  let index = 0;
  while (index < words.length) {
    let matched: QueryGroup | null = null;
    for (const group of SYNONYM_GROUPS) {
      for (const phrase of group) {
        const length = phrase.length;
        if (length <= (matched?.words.length ?? 0) || index + length > words.length) continue;
        if (phrase.every((word, offset) => words[index + offset] === word)) {
          matched = { words: words.slice(index, index + length), alternatives: group.filter((other) => other !== phrase) };
        }
      }
    }
    const group = matched ?? { words: words.slice(index, index + 1), alternatives: [] };
    groups.push(group);
    index += group.words.length;
  }
  return groups;
}

/** A word quoted for FTS5 (words hold only letters and digits, so no quote needs escaping). */
const quote = (word: string) => `"${word}"`;
/** Type-ahead on the last word, from two characters (the index keeps 2- and 3-character prefixes). */
const prefix = (word: string) => (word.length >= 2 ? `${quote(word)}*` : quote(word));

function groupExpression(group: QueryGroup, isLast: boolean): string {
  const own = group.words.map((word, index) => (isLast && index === group.words.length - 1 ? prefix(word) : quote(word)));
  if (group.alternatives.length === 0) return own.join(" AND ");
  // A synonym phrase matches as a phrase, with its last word as a prefix ("digital twin" → "digital twins").
  const others = group.alternatives.map((phrase) => `${quote(phrase.join(" "))}*`);
  return `(${[own.length > 1 ? `(${own.join(" AND ")})` : own[0], ...others].join(" OR ")})`;
}

/**
 * What to look for: the input's words grouped (synonym phrases kept together, so "internet of things"
 * survives), with lone stopwords dropped unless nothing else is left. Empty when there is nothing.
 */
export function parseQuery(input: string): QueryGroup[] {
  const groups = groupWords(queryWords(input));
  const kept = groups.filter((group) => group.alternatives.length > 0 || !STOPWORDS.has(group.words[0] ?? ""));
  return kept.length > 0 ? kept : groups;
}

/**
 * The FTS5 MATCH expression for the groups: every group must match ("all"), or any may ("any",
 * the fallback when nothing matches all). Null when there is nothing to look for.
 */
export function matchExpression(groups: QueryGroup[], mode: "all" | "any" = "all"): string | null {
  if (groups.length === 0) return null;
  const parts = groups.map((group, index) => groupExpression(group, index === groups.length - 1));
  return parts.join(mode === "all" ? " AND " : " OR ");
}
