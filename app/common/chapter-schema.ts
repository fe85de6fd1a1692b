import { getSchema, Mark, mergeAttributes, Node, type Extensions } from "@tiptap/core";
import { Blockquote } from "@tiptap/extension-blockquote";
import { Document } from "@tiptap/extension-document";
import Image from "@tiptap/extension-image";
import { BulletList, ListItem, OrderedList } from "@tiptap/extension-list";
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

/** Attribute that carries a tool card's toolbox slug in HTML. */
export const TOOL_CARD_ATTRIBUTE = "data-tool";

/**
 * A reference from the book to an instrument in the toolbox: a block that holds only the tool's
 * slug. Name, summary and address are looked up when the chapter is shown or exported, so a card
 * always shows the tool as it is now (and an edition as it was when frozen); see
 * docs/decisions/018-tool-cards.md.
 */
export const ToolCard = Node.create({
  name: "toolCard",
  group: "block",
  atom: true,
  selectable: true,
  draggable: true,
  addAttributes() {
    return {
      slug: {
        default: "",
        parseHTML: (element) => element.getAttribute(TOOL_CARD_ATTRIBUTE) ?? "",
        renderHTML: (attributes) => ({ [TOOL_CARD_ATTRIBUTE]: String(attributes.slug ?? "") }),
      },
    };
  },
  parseHTML() {
    return [{ tag: `aside[${TOOL_CARD_ATTRIBUTE}]` }];
  },
  renderHTML({ HTMLAttributes }) {
    return ["aside", mergeAttributes(HTMLAttributes, { class: "tool-card" })];
  },
});

/** The marks of suggestion mode (docs/decisions/010-suggestion-mode.md); names fixed by prosemirror-suggest-changes. */
export const SUGGESTION_MARKS = ["insertion", "deletion", "modification"] as const;
const SUGGESTION_MARK_LIST = SUGGESTION_MARKS.join(" ");

// Every suggestion carries which suggestion it belongs to (accept/reject act on all its parts),
// who made it and when, as data attributes so it survives HTML and shows in the read view.
function suggestionAttributes(json = false) {
  const attribute = (name: string, html: string) => ({
    default: null,
    parseHTML: (element: HTMLElement) => element.getAttribute(html),
    renderHTML: (attributes: Record<string, unknown>) => (attributes[name] == null ? {} : { [html]: String(attributes[name]) }),
  });
  const jsonAttribute = (name: string, html: string) => ({
    default: null,
    parseHTML: (element: HTMLElement) => JSON.parse(element.getAttribute(html) ?? "null") as unknown,
    renderHTML: (attributes: Record<string, unknown>) => ({ [html]: JSON.stringify(attributes[name] ?? null) }),
  });
  return {
    id: attribute("id", "data-suggestion"),
    authorId: attribute("authorId", "data-author-id"),
    authorName: attribute("authorName", "data-author-name"),
    createdAt: attribute("createdAt", "data-created-at"),
    ...(json && {
      type: attribute("type", "data-change"),
      attrName: attribute("attrName", "data-attr-name"),
      previousValue: jsonAttribute("previousValue", "data-previous"),
      newValue: jsonAttribute("newValue", "data-new"),
    }),
  };
}

/** Text (or a block) someone suggests adding / removing: `<ins>` / `<del>` with the author. */
const suggestionMark = (name: "insertion" | "deletion", tag: "ins" | "del") =>
  Mark.create({
    name,
    inclusive: false,
    excludes: SUGGESTION_MARK_LIST,
    addAttributes: () => suggestionAttributes(),
    parseHTML: () => [{ tag: `${tag}[data-suggestion]` }],
    renderHTML: ({ HTMLAttributes }) => [tag, mergeAttributes(HTMLAttributes, { class: `suggestion suggestion-${name}` }), 0],
  });
export const SuggestedInsertion = suggestionMark("insertion", "ins");
export const SuggestedDeletion = suggestionMark("deletion", "del");
/** A block whose type or attributes someone changed in suggestion mode (the old value is kept to reject it). */
export const SuggestedModification = Mark.create({
  name: "modification",
  inclusive: false,
  excludes: "insertion deletion",
  addAttributes: () => suggestionAttributes(true),
  parseHTML: () => [{ tag: "span[data-suggestion][data-change]" }],
  renderHTML: ({ HTMLAttributes }) => ["span", mergeAttributes(HTMLAttributes, { class: "suggestion suggestion-modification" }), 0],
});

// Whole blocks (a new list item, a deleted paragraph) carry suggestion marks as node marks, which
// their parent must allow; inline content allows every mark already.
const allowingSuggestions = { marks: SUGGESTION_MARK_LIST };

/** The extensions that define a chapter document. */
export const chapterExtensions: Extensions = [
  StarterKit.configure({
    document: false,
    blockquote: false,
    bulletList: false,
    orderedList: false,
    listItem: false,
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
  Document.extend(allowingSuggestions),
  Blockquote.extend(allowingSuggestions),
  BulletList.extend(allowingSuggestions),
  OrderedList.extend(allowingSuggestions),
  ListItem.extend(allowingSuggestions),
  Table.extend(allowingSuggestions).configure({ resizable: false }),
  TableRow.extend(allowingSuggestions),
  TableHeader.extend(allowingSuggestions),
  TableCell.extend(allowingSuggestions),
  ChapterImage,
  Footnote,
  ToolCard,
  SuggestedInsertion,
  SuggestedDeletion,
  SuggestedModification,
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
