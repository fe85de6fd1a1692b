import { getSchema, mergeAttributes, Node, type Extensions } from "@tiptap/core";
import Image from "@tiptap/extension-image";
import { Table, TableCell, TableHeader, TableRow } from "@tiptap/extension-table";
import StarterKit from "@tiptap/starter-kit";

/**
 * What a chapter document is: the one list of Tiptap extensions that the editor (browser), the
 * collaboration server and the HTML/text conversions (Node) all build their schema from. If the
 * two sides disagreed, content one side cannot represent would be silently dropped when it syncs.
 *
 * Nothing here touches the DOM at import time; browser-only behaviour (node views, collaboration,
 * carets) is added on top in app/editor/ and never changes the schema.
 */

/** Attribute that marks a footnote in HTML while it lives inline (editor, clipboard, import). */
export const FOOTNOTE_ATTRIBUTE = "data-footnote";

/**
 * A footnote: an inline node whose text is part of the document, so two people editing a note at
 * once merge like any other text. It carries no number — numbers follow from its position and are
 * computed when rendering (see docs/decisions/007-footnotes.md).
 */
export const Footnote = Node.create({
  name: "footnote",
  group: "inline",
  inline: true,
  // Text with marks (emphasis, links) but no nested footnotes, images or breaks.
  content: "text*",
  // The caret steps over a note as one unit in the main text; its text is edited in its own view.
  atom: true,
  selectable: true,
  draggable: false,
  parseHTML() {
    return [{ tag: `span[${FOOTNOTE_ATTRIBUTE}]` }];
  },
  renderHTML({ HTMLAttributes }) {
    return ["span", mergeAttributes(HTMLAttributes, { [FOOTNOTE_ATTRIBUTE]: "", class: "footnote" }), 0];
  },
});

/**
 * An image uploaded to Kapittel (src: /uploads/<hash>). Alt text is optional while writing and
 * required before publishing (see `imagesWithoutAlt`).
 */
export const ChapterImage = Image.configure({ inline: false, allowBase64: false });

/** The extensions that define a chapter document. */
export const chapterExtensions: Extensions = [
  StarterKit.configure({
    // The chapter title is the h1; the text starts at h2.
    heading: { levels: [2, 3, 4] },
    // Collaboration brings its own undo that only undoes your own changes.
    undoRedo: false,
    // Not part of a book's structure (and not allowed by the chapter HTML sanitizer).
    codeBlock: false,
    underline: false,
    link: {
      openOnClick: false,
      autolink: true,
      defaultProtocol: "https",
      protocols: ["http", "https", "mailto"],
      // The sanitizer drops these anyway; not adding them keeps editor and reader HTML alike.
      HTMLAttributes: { target: null, rel: null, class: null },
    },
  }),
  Table.configure({ resizable: false }),
  TableRow,
  TableHeader,
  TableCell,
  ChapterImage,
  Footnote,
];

/** The ProseMirror schema of a chapter document. */
export const chapterSchema = getSchema(chapterExtensions);

/** A ProseMirror document as JSON (what Tiptap and y-tiptap exchange). */
export type ChapterJson = {
  type: string;
  attrs?: Record<string, unknown>;
  content?: ChapterJson[];
  marks?: { type: string; attrs?: Record<string, unknown> }[];
  text?: string;
};

/** The images in a document that have no alt text yet (publishing requires none). */
export function imagesWithoutAlt(doc: ChapterJson): string[] {
  const missing: string[] = [];
  const visit = (node: ChapterJson) => {
    if (node.type === "image" && !String(node.attrs?.alt ?? "").trim()) missing.push(String(node.attrs?.src ?? ""));
    node.content?.forEach(visit);
  };
  visit(doc);
  return missing;
}
