import type { QueryGroup } from "./fts-query.ts";
import type { Vocabulary } from "./index-kind.ts";

/**
 * Spelling suggestions from the index's own vocabulary (SQLite: the fts5vocab table search_vocabulary;
 * PostgreSQL: the table search_word of unstemmed words, counted against search_entry):
 * a word the index does not know is replaced by the most common known word within one edit
 * (two for words of eight letters or more) that starts with the same letter — "digitle" → "digitale",
 * "particpatie" → "participatie". Used only when a search finds nothing; the caller keeps a
 * correction only if it then finds something the person may see, so a word that exists only in a
 * draft is never suggested to someone who cannot read that draft.
 */

/** The number of edits (insert, delete, substitute, swap two neighbours) from a to b, or max+1 if more. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const width = b.length + 1;
  // One flat table, row i at i * width (optimal string alignment distance).
  const table = new Int32Array((a.length + 1) * width);
  for (let j = 0; j <= b.length; j++) table[j] = j;
  const at = (i: number, j: number) => table[i * width + j] ?? 0;
  for (let i = 1; i <= a.length; i++) {
    table[i * width] = i;
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, at(i - 2, j - 2) + 1);
      table[i * width + j] = value;
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
  }
  return at(a.length, b.length);
}

/** Words shorter than this are left alone: "ai" is one edit from half the dictionary. */
const MIN_CORRECTABLE_LENGTH = 4;

async function closestKnownWord(word: string, vocabulary: Vocabulary): Promise<string | null> {
  const max = word.length >= 8 ? 2 : 1;
  const first = word.slice(0, 1);
  const candidates = await vocabulary.candidates(first, word.length - max, word.length + max, { word, edits: max });
  let best: { term: string; distance: number; documents: number } | null = null;
  for (const candidate of candidates) {
    const distance = editDistance(word, candidate.term, max);
    if (distance > max) continue;
    const documents = candidate.documents;
    if (!best || distance < best.distance || (distance === best.distance && documents > best.documents)) {
      best = { term: candidate.term, distance, documents };
    }
  }
  return best?.term ?? null;
}

/** The groups with unknown single words corrected, or null when nothing could be corrected. */
export async function correctSpelling(groups: QueryGroup[], vocabulary: Vocabulary): Promise<QueryGroup[] | null> {
  let changed = false;
  const corrected: QueryGroup[] = [];
  for (const [index, group] of groups.entries()) {
    const word = group.words[0] ?? "";
    const isLast = index === groups.length - 1;
    if (group.alternatives.length > 0 || group.words.length > 1 || word.length < MIN_CORRECTABLE_LENGTH || (await vocabulary.isKnown(word, isLast))) {
      corrected.push(group);
      continue;
    }
    const replacement = await closestKnownWord(word, vocabulary);
    if (replacement) changed = true;
    corrected.push(replacement ? { words: [replacement], alternatives: [] } : group);
  }
  return changed ? corrected : null;
}
