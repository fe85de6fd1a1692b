import { Editor, type Extensions } from "@tiptap/core";
import Collaboration from "@tiptap/extension-collaboration";
import type * as Y from "yjs";
import { chapterExtensions } from "#app/common/chapter-schema.ts";
import { CHAPTER_FRAGMENT } from "#app/common/collab.ts";
import { SuggestionMode, type SuggestionAuthor } from "#app/editor/suggestions/suggestion-mode.ts";

/**
 * A real Tiptap editor with the chapter schema and suggestion mode, in happy-dom (the test file
 * needs `// @vitest-environment happy-dom`). With `ydoc`, it is bound to it like the live editor.
 */
export function suggestingEditor(
  author: SuggestionAuthor,
  { content, ydoc, forced = true }: { content?: string; ydoc?: Y.Doc; forced?: boolean } = {},
): Editor {
  const extensions: Extensions = [...chapterExtensions, SuggestionMode.configure({ author, forced })];
  if (ydoc) extensions.push(Collaboration.configure({ document: ydoc, field: CHAPTER_FRAGMENT }));
  const element = document.createElement("div");
  document.body.appendChild(element);
  return new Editor({ element, extensions, content: ydoc ? undefined : content });
}

/** Types text at a position the way the keyboard does (one insertText transaction). */
export function typeAt(editor: Editor, pos: number, text: string): void {
  editor.view.dispatch(editor.state.tr.insertText(text, pos));
}

/** The position just after the first occurrence of `text` in the document. */
export function posAfter(editor: Editor, text: string): number {
  let found = -1;
  editor.state.doc.descendants((node, pos) => {
    if (found >= 0) return false;
    if (node.isText && node.text?.includes(text)) found = pos + node.text.indexOf(text) + text.length;
    return true;
  });
  if (found < 0) throw new Error(`"${text}" is not in the document`);
  return found;
}

/** Text runs with their suggestion mark (if any): what a reader of the test wants to see. */
export function runs(editor: Editor): { text: string; mark?: string; author?: string }[] {
  const out: { text: string; mark?: string; author?: string }[] = [];
  editor.state.doc.descendants((node) => {
    if (!node.isText) return true;
    const mark = node.marks.find((m) => ["insertion", "deletion"].includes(m.type.name));
    const last = out.at(-1);
    const entry = { text: node.text ?? "", mark: mark?.type.name, author: mark?.attrs.authorName as string | undefined };
    if (last && last.mark === entry.mark && last.author === entry.author) last.text += entry.text;
    else out.push(entry);
    return true;
  });
  return out;
}
