import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { SUGGESTION_MARKS } from "#app/common/chapter-schema.ts";

/** One suggestion as the list panel shows it: all the marks that share its id. */
export type SuggestionSummary = {
  id: string;
  authorId: string | null;
  authorName: string | null;
  createdAt: string | null;
  /** Suggested new text (insertions), suggested removed text (deletions), blocks changed otherwise. */
  inserted: string;
  deleted: string;
  modified: boolean;
  /** Where it starts and ends in the document (for selecting it and deciding on it). */
  from: number;
  to: number;
};

const NAMES = new Set<string>(SUGGESTION_MARKS);
const EXCERPT = 80;
// The library inserts zero-width spaces at block boundaries; they are not text anyone typed.
const ZERO_WIDTH = /\u200B/g;

/** The open suggestions of a document, in document order. */
export function listSuggestions(doc: ProseMirrorNode): SuggestionSummary[] {
  const byId = new Map<string, SuggestionSummary>();
  doc.descendants((node, pos) => {
    for (const mark of node.marks) {
      if (!NAMES.has(mark.type.name)) continue;
      const id = String(mark.attrs.id ?? "");
      let entry = byId.get(id);
      if (!entry) {
        entry = {
          id,
          authorId: (mark.attrs.authorId as string | null) ?? null,
          authorName: (mark.attrs.authorName as string | null) ?? null,
          createdAt: (mark.attrs.createdAt as string | null) ?? null,
          inserted: "",
          deleted: "",
          modified: false,
          from: pos,
          to: pos + node.nodeSize,
        };
        byId.set(id, entry);
      }
      entry.from = Math.min(entry.from, pos);
      entry.to = Math.max(entry.to, pos + node.nodeSize);
      const text = node.isText ? (node.text ?? "").replace(ZERO_WIDTH, "") : node.isBlock ? " " : "";
      if (mark.type.name === "insertion" && entry.inserted.length < EXCERPT) entry.inserted += text;
      if (mark.type.name === "deletion" && entry.deleted.length < EXCERPT) entry.deleted += text;
      if (mark.type.name === "modification") entry.modified = true;
    }
  });
  return [...byId.values()]
    .map((entry) => ({ ...entry, inserted: excerpt(entry.inserted), deleted: excerpt(entry.deleted) }))
    .sort((a, b) => a.from - b.from);
}

/** One suggestion by id, or null when it is gone. */
export function findSuggestion(doc: ProseMirrorNode, id: string): SuggestionSummary | null {
  return listSuggestions(doc).find((s) => s.id === id) ?? null;
}

/** The id of the suggestion at a position (the caret or a click), if any. */
export function suggestionIdAt(doc: ProseMirrorNode, pos: number): string | null {
  const $pos = doc.resolve(pos);
  for (const node of [$pos.nodeAfter, $pos.nodeBefore]) {
    const mark = node?.marks.find((m) => NAMES.has(m.type.name));
    if (mark) return String(mark.attrs.id ?? "");
  }
  for (let depth = $pos.depth; depth > 0; depth--) {
    const mark = $pos.node(depth).marks.find((m) => NAMES.has(m.type.name));
    if (mark) return String(mark.attrs.id ?? "");
  }
  return null;
}

function excerpt(text: string): string {
  // A suggestion of only spaces is still one: show them as a visible space sign.
  const clean = text.trim() === "" && text !== "" ? "␣" : text.replace(/\s+/g, " ").trim();
  return clean.length > EXCERPT ? `${clean.slice(0, EXCERPT - 1)}…` : clean;
}
