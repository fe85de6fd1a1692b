import type { Node as ProseMirrorNode } from "@tiptap/pm/model";

/**
 * The plain text of a chapter document: one paragraph per block, then the notes in order (as a
 * reader sees them). Shared by the server (search, stored text) and the editor (word count), so
 * both count the same words.
 */
export function chapterPlainText(doc: ProseMirrorNode): string {
  const blocks: string[] = [];
  const notes: string[] = [];
  doc.descendants((child) => {
    if (!child.isTextblock) return true;
    let text = "";
    child.forEach((inline) => {
      if (inline.isText) text += inline.text;
      else if (inline.type.name === "footnote") notes.push(inline.textContent.trim());
      else if (inline.type.name === "hardBreak") text += "\n";
    });
    if (text.trim()) blocks.push(text.trim());
    return false;
  });
  return [...blocks, ...notes.filter(Boolean)].join("\n\n");
}

/** The number of words in a text (anything between whitespace that holds a letter or digit). */
export function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}
