import type { Mark, Node as ProseMirrorNode } from "@tiptap/pm/model";
import { diffArrays } from "diff";
import sanitize from "sanitize-html";
import { countWords } from "#app/common/chapter-text.ts";
import { escapeHtml } from "#app/common/escape-html.ts";

/**
 * A word diff between two versions of a chapter, as HTML an editor can read: the document keeps
 * its shape (headings, paragraphs, list items, table cells, notes), blocks that exist in both
 * versions show the words that were added (<ins>) and removed (<del>) inside them, and blocks that
 * were added or removed as a whole are shown whole, marked as such.
 *
 * Two steps, both with jsdiff: first the blocks of each container are aligned (`diffArrays`, with
 * "same kind of block and mostly the same words" as equality, so an edited paragraph pairs with
 * its old self instead of showing as removed and re-added); then the words of each pair of text
 * blocks are compared (`diffArrays` over word, space and punctuation tokens, which keeps each
 * token's bold/italic/link). Formatting-only changes are not marked: a reader of a diff wants the
 * words. Footnotes are compared in their own list at the end, like the reader view shows them.
 *
 * Everything written here is escaped, and the result is sanitized once more with an allowlist
 * that adds only <ins>, <del> and the two diff classes to the book's own elements.
 */

/** The result of a comparison: the marked-up HTML and how many words were added and removed. */
export type ChapterDiff = { html: string; insertedWords: number; deletedWords: number };

/**
 * Words the diff writes itself, in the reader's language: the heading of the notes list and,
 * optionally, what a screen reader says before added and removed text (most do not announce
 * <ins>/<del> by themselves); visually hidden.
 */
export type DiffLabels = { notesHeading: string; inserted?: string; deleted?: string };
const DUTCH_LABELS: DiffLabels = { notesHeading: "Noten" };

/** Blocks count as "the same block, edited" from this share of common words (Dice coefficient). */
const SIMILAR_BLOCK = 0.5;

/** Compares two chapter documents (ProseMirror nodes of the chapter schema) word by word. */
export function diffChapterDocuments(before: ProseMirrorNode, after: ProseMirrorNode, labels: DiffLabels = DUTCH_LABELS): ChapterDiff {
  const writer = new DiffWriter(labels);
  let html = writer.children(childrenOf(before), childrenOf(after));
  html += writer.notesSection();
  return { html: sanitize(html, DIFF_HTML), insertedWords: writer.insertedWords, deletedWords: writer.deletedWords };
}

type Status = "same" | "added" | "removed";

type Token =
  | { kind: "text"; text: string; marks: readonly Mark[] }
  | { kind: "note"; node: ProseMirrorNode }
  | { kind: "break" };

/** A footnote as the notes list shows it: one or both versions of its text. */
type NoteEntry = { status: Status; before: ProseMirrorNode | null; after: ProseMirrorNode | null };

// A word (letters, digits, with inner apostrophes or hyphens), a run of spaces, or one other sign.
const TOKEN = /[\p{L}\p{N}\p{M}]+(?:['’-][\p{L}\p{N}\p{M}]+)*|\s+|[^\s\p{L}\p{N}\p{M}]/gu;

class DiffWriter {
  insertedWords = 0;
  deletedWords = 0;
  private readonly notes: NoteEntry[] = [];

  constructor(private readonly labels: DiffLabels) {}

  /** The children of two matched containers, aligned block by block. */
  children(before: ProseMirrorNode[], after: ProseMirrorNode[]): string {
    let html = "";
    let i = 0;
    let j = 0;
    const changes = diffArrays(before, after, { comparator: similarBlocks });
    for (let c = 0; c < changes.length; c++) {
      const change = changes[c]!;
      const next = changes[c + 1];
      // One block replaced by one of its kind (a rewritten sentence, a cell's new value): compare
      // its words in place rather than showing two whole blocks.
      if (change.removed && next?.added && change.count === 1 && next.count === 1 && before[i]!.type === after[j]!.type) {
        html += this.pair(before[i++]!, after[j++]!);
        c++;
        continue;
      }
      for (let k = 0; k < change.count; k++) {
        if (change.removed) html += this.whole(before[i++]!, "removed");
        else if (change.added) html += this.whole(after[j++]!, "added");
        else html += this.pair(before[i++]!, after[j++]!);
      }
    }
    return html;
  }

  /** Two versions of one block. */
  private pair(before: ProseMirrorNode, after: ProseMirrorNode): string {
    if (before.eq(after)) return this.whole(after, "same");
    if (after.isTextblock) return wrapBlock(after, "same", this.inline(before, after));
    if (after.isLeaf) return this.whole(before, "removed") + this.whole(after, "added");
    return wrapBlock(after, "same", this.children(childrenOf(before), childrenOf(after)));
  }

  /**
   * A block that is in one version only (or unchanged), with all its words marked alike; only the
   * outermost element carries the added/removed class (the bar in the margin).
   */
  private whole(node: ProseMirrorNode, status: Status, outermost = true): string {
    const blockStatus = outermost ? status : "same";
    if (node.isTextblock) return wrapBlock(node, blockStatus, this.tokens(tokenize(node), status));
    if (node.isLeaf) return wrapBlock(node, blockStatus, "", status);
    return wrapBlock(node, blockStatus, childrenOf(node).map((child) => this.whole(child, status, false)).join(""));
  }

  /** The words of two versions of a text block, with what changed marked. */
  private inline(before: ProseMirrorNode, after: ProseMirrorNode): string {
    const oldTokens = tokenize(before);
    const newTokens = tokenize(after);
    let html = "";
    let i = 0;
    let j = 0;
    for (const change of diffArrays(oldTokens, newTokens, { comparator: sameToken })) {
      if (change.removed) {
        html += this.tokens(oldTokens.slice(i, i + change.count), "removed");
        i += change.count;
      } else if (change.added) {
        html += this.tokens(newTokens.slice(j, j + change.count), "added");
        j += change.count;
      } else {
        for (let k = 0; k < change.count; k++) {
          const oldToken = oldTokens[i++]!;
          const newToken = newTokens[j++]!;
          html += newToken.kind === "note" && oldToken.kind === "note" ? this.noteReference(oldToken.node, newToken.node, "same") : this.tokens([newToken], "same");
        }
      }
    }
    return html;
  }

  /** A run of tokens, wrapped in <ins>/<del> when added or removed; spaces alone are not marked. */
  private tokens(tokens: Token[], status: Status): string {
    if (tokens.length === 0) return "";
    const inner = renderTokens(tokens, (note) =>
      this.noteReference(status === "added" ? null : note, status === "removed" ? null : note, status),
    );
    if (status === "same") return inner;
    const words = countWords(tokens.map((token) => (token.kind === "text" ? token.text : " ")).join(""));
    const hasNote = tokens.some((token) => token.kind === "note");
    if (words === 0 && !hasNote) return status === "added" ? inner : "";
    if (status === "added") this.insertedWords += words;
    else this.deletedWords += words;
    const tag = status === "added" ? "ins" : "del";
    const spoken = status === "added" ? this.labels.inserted : this.labels.deleted;
    const prefix = spoken ? `<span class="sr-only">${escapeHtml(spoken)} </span>` : "";
    return `<${tag}>${prefix}${inner}</${tag}>`;
  }

  /** The numbered reference to a note; the note itself goes to the list at the end. */
  private noteReference(before: ProseMirrorNode | null, after: ProseMirrorNode | null, status: Status): string {
    this.notes.push({ status, before, after });
    const n = this.notes.length;
    return `<sup><a href="#diff-fn-${n}" id="diff-fnref-${n}">${n}</a></sup>`;
  }

  /** The notes of both versions, in the order their references appear in the diff. */
  notesSection(): string {
    if (this.notes.length === 0) return "";
    // Notes are compared after the text; references found in a note's text cannot occur (text*).
    const items = this.notes.map((note, index) => {
      const id = `diff-fn-${index + 1}`;
      if (note.status === "same" && note.before && note.after) {
        const body = note.before.eq(note.after) ? this.tokens(tokenize(note.after), "same") : this.inline(note.before, note.after);
        return `<li id="${id}">${body}</li>`;
      }
      const node = (note.after ?? note.before)!;
      return `<li id="${id}" class="${statusClass(note.status)}">${this.tokens(tokenize(node), note.status)}</li>`;
    });
    return `<section class="footnotes"><h2>${escapeHtml(this.labels.notesHeading)}</h2><ol>${items.join("")}</ol></section>`;
  }
}

function childrenOf(node: ProseMirrorNode): ProseMirrorNode[] {
  const children: ProseMirrorNode[] = [];
  node.forEach((child) => void children.push(child));
  return children;
}

/** The inline content of a text block (or a footnote) as diff tokens. */
function tokenize(block: ProseMirrorNode): Token[] {
  const tokens: Token[] = [];
  block.forEach((child) => {
    if (child.isText) {
      for (const match of (child.text ?? "").matchAll(TOKEN)) tokens.push({ kind: "text", text: match[0], marks: child.marks });
    } else if (child.type.name === "footnote") {
      tokens.push({ kind: "note", node: child });
    } else if (child.type.name === "hardBreak") {
      tokens.push({ kind: "break" });
    } else if (child.textContent) {
      tokens.push({ kind: "text", text: child.textContent, marks: [] });
    }
  });
  return tokens;
}

/** Words compare by their text; every note reference equals every other (notes are compared in their list). */
function sameToken(a: Token, b: Token): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === "text" && b.kind === "text") return a.text === b.text;
  return true;
}

const CELLS = new Set(["tableCell", "tableHeader"]);

const wordBags = new WeakMap<ProseMirrorNode, Map<string, number>>();

function wordBag(node: ProseMirrorNode): Map<string, number> {
  let bag = wordBags.get(node);
  if (!bag) {
    bag = new Map();
    // Blocks joined with a space: textContent would glue the last word of one cell to the next.
    const text = node.isLeaf ? "" : node.textBetween(0, node.content.size, " ", " ");
    for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) bag.set(word, (bag.get(word) ?? 0) + 1);
    wordBags.set(node, bag);
  }
  return bag;
}

/** Whether two blocks are versions of one another: same kind, and mostly the same words. */
function similarBlocks(a: ProseMirrorNode, b: ProseMirrorNode): boolean {
  if (a.type !== b.type) return false;
  if (a.eq(b)) return true;
  if (a.isLeaf) return false;
  // Cells pair by position whatever their words: a table keeps its columns.
  if (CELLS.has(a.type.name)) return true;
  const left = wordBag(a);
  const right = wordBag(b);
  let total = 0;
  let common = 0;
  for (const count of left.values()) total += count;
  for (const [word, count] of right) {
    total += count;
    common += Math.min(count, left.get(word) ?? 0);
  }
  if (total === 0) return true;
  return (2 * common) / total >= SIMILAR_BLOCK;
}

function statusClass(status: Status): string {
  return status === "added" ? "diff-added" : status === "removed" ? "diff-removed" : "";
}

/** A block element around its rendered content; whole added/removed blocks get a diff class. */
function wrapBlock(node: ProseMirrorNode, status: Status, content: string, leafStatus: Status = status): string {
  const cls = statusClass(status);
  const classAttr = cls ? ` class="${cls}"` : "";
  const attrs = node.attrs as Record<string, unknown>;
  switch (node.type.name) {
    case "paragraph":
      return `<p${classAttr}>${content}</p>`;
    case "heading": {
      const level = Math.min(4, Math.max(2, Number(attrs.level) || 2));
      return `<h${level}${classAttr}>${content}</h${level}>`;
    }
    case "blockquote":
      return `<blockquote${classAttr}>${content}</blockquote>`;
    case "bulletList":
      return `<ul${classAttr}>${content}</ul>`;
    case "orderedList": {
      const start = Number(attrs.start);
      return `<ol${classAttr}${Number.isInteger(start) && start !== 1 ? ` start="${start}"` : ""}>${content}</ol>`;
    }
    case "listItem":
      return `<li${classAttr}>${content}</li>`;
    case "table":
      return `<table${classAttr}><tbody>${content}</tbody></table>`;
    case "tableRow":
      return `<tr${classAttr}>${content}</tr>`;
    case "tableHeader":
    case "tableCell": {
      const tag = node.type.name === "tableHeader" ? "th" : "td";
      const span = (name: string) => (Number(attrs[name]) > 1 ? ` ${name}="${Number(attrs[name])}"` : "");
      return `<${tag}${classAttr}${span("colspan")}${span("rowspan")}>${content}</${tag}>`;
    }
    case "horizontalRule":
      return `<hr${classAttr}>`;
    case "image": {
      const src = String(attrs.src ?? "");
      const image = `<img src="${escapeHtml(src)}" alt="${escapeHtml(String(attrs.alt ?? ""))}">`;
      const marked = leafStatus === "added" ? `<ins>${image}</ins>` : leafStatus === "removed" ? `<del>${image}</del>` : image;
      return `<p${classAttr}>${marked}</p>`;
    }
    default:
      return node.isTextblock ? `<p${classAttr}>${content}</p>` : content;
  }
}

/** Tokens as HTML with their marks, neighbours with the same marks sharing one element. */
function renderTokens(tokens: Token[], noteReference: (note: ProseMirrorNode) => string): string {
  let html = "";
  let run: { text: string; marks: readonly Mark[] } | null = null;
  const flush = () => {
    if (run) html += withMarks(escapeHtml(run.text), run.marks);
    run = null;
  };
  for (const token of tokens) {
    if (token.kind === "text") {
      if (run && sameMarks(run.marks, token.marks)) run.text += token.text;
      else {
        flush();
        run = { text: token.text, marks: token.marks };
      }
    } else {
      flush();
      html += token.kind === "note" ? noteReference(token.node) : "<br>";
    }
  }
  flush();
  return html;
}

function sameMarks(a: readonly Mark[], b: readonly Mark[]): boolean {
  return a.length === b.length && a.every((mark, index) => mark.eq(b[index]!));
}

const SAFE_LINK = /^(https?:|mailto:|\/(?!\/)|#)/i;

function withMarks(html: string, marks: readonly Mark[]): string {
  let result = html;
  for (const mark of [...marks].reverse()) {
    switch (mark.type.name) {
      case "bold":
        result = `<strong>${result}</strong>`;
        break;
      case "italic":
        result = `<em>${result}</em>`;
        break;
      case "strike":
        result = `<s>${result}</s>`;
        break;
      case "code":
        result = `<code>${result}</code>`;
        break;
      case "link": {
        const href = String((mark.attrs as Record<string, unknown>).href ?? "");
        if (SAFE_LINK.test(href)) result = `<a href="${escapeHtml(href)}">${result}</a>`;
        break;
      }
      default:
        // Other marks (suggestions, anything newer) carry no meaning in a word diff.
        break;
    }
  }
  return result;
}

/** The chapter HTML allowlist plus what a diff adds: <ins>, <del> and the two block classes. */
const DIFF_HTML: sanitize.IOptions = {
  allowedTags: [
    "p", "h2", "h3", "h4", "em", "strong", "s", "code", "a", "ul", "ol", "li", "blockquote", "hr", "br",
    "table", "tbody", "tr", "th", "td", "sup", "section", "img", "ins", "del", "span",
  ],
  allowedAttributes: {
    "*": ["class"],
    a: ["href", "id"],
    li: ["id", "class"],
    th: ["colspan", "rowspan", "class"],
    td: ["colspan", "rowspan", "class"],
    img: ["src", "alt"],
    ol: ["start", "class"],
  },
  allowedClasses: { "*": ["diff-added", "diff-removed"], section: ["footnotes"], span: ["sr-only"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: { img: ["https", "http"] },
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
};
