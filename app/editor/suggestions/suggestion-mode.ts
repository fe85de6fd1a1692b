import {
  applySuggestion,
  applySuggestions,
  revertSuggestion,
  revertSuggestions,
  suggestChanges,
  suggestChangesKey,
  transformToSuggestionTransaction,
} from "@handlewithcare/prosemirror-suggest-changes";
import { Extension, type Editor } from "@tiptap/core";
import type { Mark, Node as ProseMirrorNode } from "@tiptap/pm/model";
import { Plugin, PluginKey, type EditorState, type Transaction } from "@tiptap/pm/state";
import { AddMarkStep, RemoveMarkStep } from "@tiptap/pm/transform";
import { SUGGESTION_MARKS } from "#app/common/chapter-schema.ts";
import { findSuggestion } from "./suggestion-list.ts";

/** Who is suggesting: stamped on every suggestion mark this editor makes. */
export type SuggestionAuthor = { id: string; name: string };

export type SuggestionModeOptions = {
  author: SuggestionAuthor | null;
  /** On from the start and not switchable: an author while the chapter is in review (access `suggest`). */
  forced: boolean;
};

// Whether suggestion mode is on lives in our own plugin state (not the library's), so that a
// forced editor is on from its very first transaction and nothing can switch it off.
const modeKey = new PluginKey<{ enabled: boolean }>("kapittelSuggestionMode");
/** Set on every transaction that came through the editor's dispatch (and so through this extension). */
const dispatchedKey = "kapittelSuggestionDispatched";

const SUGGESTION_MARK_NAMES = new Set<string>(SUGGESTION_MARKS);

/** A fresh suggestion id; it starts with the author's id so that joins with others' suggestions are seen. */
function newSuggestionId(authorId: string): string {
  return `${authorId}:${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

/** Whether this transaction is the user's own edit (not a remote change, an undo, or a suggestion decision). */
function isOwnEdit(tr: Transaction): boolean {
  const ySync = (tr.getMeta("y-sync$") ?? {}) as { isChangeOrigin?: boolean; isUndoRedoOperation?: boolean };
  const own = (tr.getMeta(suggestChangesKey) ?? {}) as Record<string, unknown>;
  return tr.docChanged && !ySync.isChangeOrigin && !ySync.isUndoRedoOperation && !("skip" in own);
}

// Bold, italic, links: formatting applies directly in suggestion mode (the issue allows it, and a
// reviewer reads a formatting change in the text itself). The server's guard ignores it likewise.
function isFormattingOnly(tr: Transaction): boolean {
  return tr.steps.every(
    (step) =>
      (step instanceof AddMarkStep || step instanceof RemoveMarkStep) && !SUGGESTION_MARK_NAMES.has(step.mark.type.name),
  );
}

/** Positions in `tr.doc` that the transaction's steps touched (mark steps have empty maps: their ranges too). */
function touchedRanges(tr: Transaction): [number, number][] {
  const size = tr.doc.content.size;
  const ranges: [number, number][] = [];
  tr.steps.forEach((step, index) => {
    const later = tr.mapping.slice(index + 1);
    step.getMap().forEach((_oldStart, _oldEnd, start, end) => ranges.push([later.map(start, -1), later.map(end, 1)]));
    const at = step as unknown as { from?: number; to?: number; pos?: number };
    if (typeof at.from === "number" && typeof at.to === "number") ranges.push([later.map(at.from, -1), later.map(at.to, 1)]);
    if (typeof at.pos === "number") ranges.push([later.map(at.pos, -1), later.map(at.pos, 1) + 1]);
  });
  return ranges.map(([from, to]) => [Math.max(0, Math.min(from, to) - 1), Math.min(size, Math.max(from, to) + 1)]);
}

/**
 * Puts the author and time on the suggestion marks the library just made (it only sets an id).
 * Where the library joined the new text to someone else's suggestion, the new part gets an id of
 * its own: one suggestion, one author, so accepting it never accepts another person's text.
 * Next to this author's own suggestion with the same id, its attributes are copied, so one run of
 * typing stays one mark (one Yjs formatting run, one entry in the list).
 */
function stampAuthor(tr: Transaction, author: SuggestionAuthor): void {
  const fixes: { pos: number; node: ProseMirrorNode; mark: Mark }[] = [];
  const seen = new Set<number>();
  for (const [from, to] of touchedRanges(tr)) {
    tr.doc.nodesBetween(from, to, (node, pos) => {
      if (seen.has(pos)) return;
      for (const mark of node.marks) {
        if (SUGGESTION_MARK_NAMES.has(mark.type.name) && mark.attrs.authorId == null) {
          seen.add(pos);
          fixes.push({ pos, node, mark });
        }
      }
    });
  }
  if (fixes.length === 0) return;
  const createdAt = new Date().toISOString();
  const ownPrefix = `${author.id}:`;
  const renamed = new Map<string, string>();
  for (const { pos, node, mark } of fixes) {
    let id = String(mark.attrs.id ?? "");
    if (!id.startsWith(ownPrefix)) {
      id = renamed.get(id) ?? newSuggestionId(author.id);
      renamed.set(String(mark.attrs.id ?? ""), id);
    }
    const neighbour = node.isText ? ownNeighbourMark(tr.doc, pos, node.nodeSize, mark, id, author.id) : undefined;
    const stamped = mark.type.create(neighbour?.attrs ?? { ...mark.attrs, id, authorId: author.id, authorName: author.name, createdAt });
    if (node.isText) {
      tr.addMark(pos, pos + node.nodeSize, stamped);
    } else {
      tr.removeNodeMark(pos, mark);
      tr.addNodeMark(pos, stamped);
    }
  }
}

function ownNeighbourMark(doc: ProseMirrorNode, pos: number, size: number, mark: Mark, id: string, authorId: string): Mark | undefined {
  const candidates = [doc.resolve(pos).nodeBefore, doc.resolve(pos + size).nodeAfter];
  for (const neighbour of candidates) {
    const found = neighbour?.marks.find((m) => m.type === mark.type && m.attrs.id === id && m.attrs.authorId === authorId);
    if (found) return found;
  }
  return undefined;
}

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    suggestionMode: {
      /** Turns suggestion mode on or off (refused while it is forced). */
      setSuggestionMode: (enabled: boolean) => ReturnType;
    };
  }
}

/**
 * Suggestion (track-changes) mode for the chapter editor, on prosemirror-suggest-changes
 * (docs/decisions/010-suggestion-mode.md). While on, the editor's own transactions are rewritten
 * before they are applied: typed text is marked as a suggested insertion, deleted text is marked
 * as a suggested deletion instead of removed, each stamped with the author and time. Remote
 * changes (Yjs), undo/redo and accept/reject pass through untouched, so undo stays per user.
 */
export const SuggestionMode = Extension.create<SuggestionModeOptions>({
  name: "suggestionMode",

  addOptions() {
    return { author: null, forced: false };
  },

  addProseMirrorPlugins() {
    const forced = () => this.options.forced;
    return [
      // The library's plugin: zero-width-space handling at the caret and pilcrows for block suggestions.
      suggestChanges(),
      new Plugin({
        key: modeKey,
        state: {
          init: () => ({ enabled: forced() }),
          apply: (tr, value) => {
            const meta = tr.getMeta(modeKey) as { enabled: boolean } | undefined;
            return meta && !forced() ? meta : value;
          },
        },
        filterTransaction(tr, state) {
          // Plugins that append their own edits (a trailing paragraph, table repairs) would edit
          // directly, past suggestion mode and past the server's guard: in suggestion mode, a local
          // edit that did not come through dispatchTransaction below is left out.
          return !(isSuggestionModeOn(state) && isOwnEdit(tr) && !tr.getMeta(dispatchedKey));
        },
      }),
    ];
  },

  dispatchTransaction({ transaction, next }) {
    const state = this.editor.state;
    const author = this.options.author;
    if (!author || !isSuggestionModeOn(state) || !isOwnEdit(transaction) || isFormattingOnly(transaction)) {
      return next(transaction.setMeta(dispatchedKey, true));
    }
    const tracked = transformToSuggestionTransaction(transaction, state, () => newSuggestionId(author.id));
    stampAuthor(tracked, author);
    next(tracked.setMeta(dispatchedKey, true));
  },

  addCommands() {
    return {
      setSuggestionMode:
        (enabled) =>
        ({ tr, dispatch }) => {
          if (this.options.forced && !enabled) return false;
          if (dispatch) tr.setMeta(modeKey, { enabled });
          return true;
        },
    };
  },
});

/** Whether suggestion mode is on in this editor state. */
export function isSuggestionModeOn(state: EditorState): boolean {
  return modeKey.getState(state)?.enabled ?? false;
}

/** Accepts (`accept`) or rejects one suggestion by id; false when it is gone (someone else decided). */
export function decideSuggestion(editor: Editor, id: string, decision: "accept" | "reject"): boolean {
  const found = findSuggestion(editor.state.doc, id);
  if (!found) return false;
  // The range keeps the library's modification handling to this suggestion's blocks.
  const command = decision === "accept" ? applySuggestion(id, found.from, found.to) : revertSuggestion(id, found.from, found.to);
  return command(editor.state, editor.view.dispatch);
}

/** Accepts or rejects every suggestion in the chapter. */
export function decideAllSuggestions(editor: Editor, decision: "accept" | "reject"): boolean {
  return (decision === "accept" ? applySuggestions : revertSuggestions)(editor.state, editor.view.dispatch);
}
