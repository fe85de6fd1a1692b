import { Extension, type Editor } from "@tiptap/core";
import type { EditorState } from "@tiptap/pm/state";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { ySyncPluginKey } from "@tiptap/y-tiptap";
import type * as Y from "yjs";
import { anchorsAreKnown, anchorsForRange, rangeForAnchors, type EncodedAnchors, type YMapping } from "./anchors.ts";

/** A thread to place: its id and anchors; only open ones are highlighted, all are placed for the panel. */
export type HighlightedThread = EncodedAnchors & { id: string; highlight: boolean };
/** Where each thread is in the document now; null: detached (its text was deleted); absent: not known yet. */
export type ThreadRanges = Record<string, { from: number; to: number } | null>;

type HighlightState = { decorations: DecorationSet; ranges: ThreadRanges };
type Storage = { threads: HighlightedThread[]; activeId: string | null };

export const commentHighlightsKey = new PluginKey<HighlightState>("commentHighlights");

type Options = {
  /** Someone clicked highlighted text: show that thread. */
  onActivate: (threadId: string) => void;
  /** Mod-Alt-m: comment on the selection. */
  onCommentShortcut: (editor: Editor) => void;
};

/** The ySync binding: the Y fragment and its Y→ProseMirror mapping; null before it is set up. */
function binding(state: EditorState): { type: Y.XmlFragment; mapping: YMapping } | null {
  const sync = ySyncPluginKey.getState(state) as { binding?: { type: Y.XmlFragment; mapping: YMapping } } | undefined;
  return sync?.binding ?? null;
}

function compute(state: EditorState, storage: Storage): HighlightState {
  const bound = binding(state);
  const ranges: ThreadRanges = {};
  const decorations: Decoration[] = [];
  for (const thread of storage.threads) {
    // Before the binding has rendered the document, or while an anchor's text is still on its way, leave it unplaced.
    if (!bound || bound.mapping.size === 0 || !bound.type.doc || !anchorsAreKnown(bound.type.doc, thread)) continue;
    const range = rangeForAnchors(bound.type, bound.mapping, thread);
    // Positions past the end can come from a mapping one step behind: leave them for the next transaction.
    const valid = range && range.to <= state.doc.content.size ? range : null;
    ranges[thread.id] = valid;
    if (!valid || !thread.highlight) continue;
    const active = storage.activeId === thread.id;
    decorations.push(
      Decoration.inline(valid.from, valid.to, {
        class: active ? "comment-highlight comment-highlight-active bg-amber-300" : "comment-highlight bg-amber-100 underline decoration-amber-500 decoration-2",
        "data-comment-thread": thread.id,
      }),
    );
  }
  return { decorations: DecorationSet.create(state.doc, decorations), ranges };
}

/**
 * Highlights the text of each open comment thread. Ranges come from the threads' Yjs relative
 * positions through the ySync binding's mapping, recomputed on every transaction, so a highlight
 * follows its text through everyone's edits; a thread whose text is gone gets no highlight (the
 * panel lists it as detached).
 */
export const CommentHighlights = Extension.create<Options, Storage>({
  name: "commentHighlights",
  addOptions: () => ({ onActivate: () => {}, onCommentShortcut: () => {} }),
  addStorage: () => ({ threads: [], activeId: null }),
  addKeyboardShortcuts() {
    return {
      "Mod-Alt-m": () => {
        this.options.onCommentShortcut(this.editor);
        return true;
      },
    };
  },
  addProseMirrorPlugins() {
    const storage = this.storage;
    const options = this.options;
    return [
      new Plugin<HighlightState>({
        key: commentHighlightsKey,
        state: {
          init: (_config, state) => compute(state, storage),
          apply: (_tr, _old, _oldState, newState) => compute(newState, storage),
        },
        props: {
          decorations: (state) => commentHighlightsKey.getState(state)?.decorations,
          handleClick: (view, pos) => {
            const ranges = commentHighlightsKey.getState(view.state)?.ranges ?? {};
            const hit = Object.entries(ranges).find(([, range]) => range && range.from <= pos && pos <= range.to);
            if (hit) options.onActivate(hit[0]);
            return false;
          },
        },
      }),
    ];
  },
});

/** Gives the extension new threads or a new active one and redraws the highlights. */
export function setHighlightedThreads(editor: Editor, threads: HighlightedThread[], activeId: string | null): void {
  const storage = (editor.storage as unknown as Record<string, Storage>).commentHighlights;
  if (!storage) return;
  storage.threads = threads;
  storage.activeId = activeId;
  if (!editor.isDestroyed) editor.view.dispatch(editor.state.tr.setMeta(commentHighlightsKey, "refresh").setMeta("addToHistory", false));
}

/** Where the threads are now (from the last transaction). */
export function threadRanges(state: EditorState): ThreadRanges {
  return commentHighlightsKey.getState(state)?.ranges ?? {};
}

/** Anchors and quote for the current selection, or null without a (non-empty) selection. */
export function anchorsForSelection(state: EditorState): (EncodedAnchors & { quote: string }) | null {
  const { from, to, empty } = state.selection;
  const bound = binding(state);
  if (empty || !bound) return null;
  const anchors = anchorsForRange(bound.type, bound.mapping, from, to);
  const quote = state.doc.textBetween(from, to, " ", " ").replace(/\s+/g, " ").trim();
  return anchors && quote ? { ...anchors, quote } : null;
}
