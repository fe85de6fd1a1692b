import type { ChapterJson } from "#app/common/chapter-schema.ts";
import type { ManuscriptTool } from "#server/export/manuscript.ts";
import { contentBlock, linkArgument, markupText, safeLinkTarget, typstString } from "./typst-syntax.ts";

/**
 * A chapter document (ProseMirror JSON of app/common/chapter-schema.ts) as Typst markup. Structure
 * becomes calls of Typst functions with content blocks and string arguments, never markup syntax
 * that depends on line starts or indentation, so nesting (a list in a quote in a table cell) cannot
 * go wrong. Text goes through typst-syntax.ts. The functions named here (`book-image`,
 * `tool-card`, `dinkus`) are defined by the book template (book-template.ts).
 */

export type TypstContext = {
  /** Heading level in the book for a chapter's `h2` (chapters are level 2, so their sections start at 3). */
  headingOffset: number;
  /** The Typst path of a stored image, or null when it is not available (then it is left out). */
  imagePath: (src: string) => string | null;
  tools: Record<string, ManuscriptTool>;
  toolCardLabel: string;
};

/** The blocks of a document as Typst markup, paragraphs separated by blank lines. */
export function documentToTypst(doc: ChapterJson, context: TypstContext): string {
  return blocks(doc.content ?? [], { ...context, previousHeading: context.headingOffset - 1 });
}

// Heading levels never skip one (a chapter that starts with an h3 gets a level below the chapter
// title, not two below): the outline, the bookmarks and PDF/UA's structure all need that.
type State = TypstContext & { previousHeading: number };

function blocks(nodes: ChapterJson[], context: State): string {
  return nodes
    .map((node) => block(node, context))
    .filter((markup) => markup !== "")
    .join("\n\n");
}

function block(node: ChapterJson, context: State): string {
  switch (node.type) {
    case "paragraph":
      return inline(node.content ?? []);
    case "heading": {
      const wanted = Math.min(Math.max(Number(node.attrs?.level) || 2, 2), 4) - 2 + context.headingOffset;
      const text = inline(node.content ?? []);
      // A heading without visible text (only a footnote, say) is not a heading: PDF/UA forbids empty ones.
      if (!(node.content ?? []).some((child) => child.type === "text" && child.text?.trim())) return text;
      const level = Math.min(wanted, context.previousHeading + 1);
      context.previousHeading = level;
      return `#heading(level: ${level})[${text}]`;
    }
    case "bulletList":
      return `#list(${listItems(node, context)})`;
    case "orderedList": {
      const start = Number.isSafeInteger(node.attrs?.start) ? Math.max(0, Number(node.attrs?.start)) : 1;
      return `#enum(start: ${start}, ${listItems(node, context)})`;
    }
    case "blockquote":
      return `#quote(block: true)[${blocks(node.content ?? [], context)}]`;
    case "horizontalRule":
      return "#dinkus()";
    case "image":
      return image(node, context);
    case "table":
      return table(node, context);
    case "toolCard":
      return toolCard(node, context);
    default:
      // A block this renderer does not know (a newer schema): keep its text rather than lose it.
      return node.content ? blocks(node.content, context) : "";
  }
}

// A nested list follows its item's text without a paragraph break, so the list stays tight.
function listItems(list: ChapterJson, context: State): string {
  return (list.content ?? [])
    .map((item) => {
      const children = (item.content ?? []).map((child) => ({ child, markup: block(child, context) })).filter(({ markup }) => markup !== "");
      const body = children.map(({ child, markup }, i) => (i === 0 ? "" : LISTS.has(child.type) ? "\n" : "\n\n") + markup).join("");
      return `[${body}]`;
    })
    .join(", ");
}
const LISTS = new Set(["bulletList", "orderedList"]);

function image(node: ChapterJson, context: State): string {
  const path = context.imagePath(String(node.attrs?.src ?? ""));
  if (!path) return "";
  const alt = String(node.attrs?.alt ?? "").trim();
  return `#book-image(${typstString(path)}, ${alt ? typstString(alt) : "none"})`;
}

function toolCard(node: ChapterJson, context: State): string {
  const tool = context.tools[String(node.attrs?.slug ?? "")];
  if (!tool) return "";
  return `#tool-card(${typstString(context.toolCardLabel)}, ${contentBlock(tool.name)}, ${contentBlock(tool.summary)}, ${linkArgument(tool.url)})`;
}

/**
 * A table as `#table(…)`: a first row of header cells becomes `table.header` (repeated on every
 * page and tagged as headers for PDF/UA); spans are kept.
 */
function table(node: ChapterJson, context: State): string {
  const rows = (node.content ?? []).filter((row) => row.type === "tableRow");
  const [first, ...rest] = rows;
  if (!first) return "";
  const columns = Math.max(1, ...rows.map((row) => (row.content ?? []).reduce((sum, cell) => sum + span(cell.attrs?.colspan), 0)));
  const cellsOf = (row: ChapterJson) => (row.content ?? []).map((cell) => tableCell(cell, context));
  const headerRow = (first.content ?? []).length > 0 && (first.content ?? []).every((cell) => cell.type === "tableHeader");
  const parts = headerRow ? [`table.header(${cellsOf(first).join(", ")})`, ...rest.flatMap(cellsOf)] : rows.flatMap(cellsOf);
  return `#table(columns: ${columns}, ${parts.join(", ")})`;
}

function tableCell(cell: ChapterJson, context: State): string {
  const colspan = span(cell.attrs?.colspan);
  const rowspan = span(cell.attrs?.rowspan);
  let body = blocks(cell.content ?? [], context);
  if (cell.type === "tableHeader") body = `#strong[${body}]`;
  if (colspan === 1 && rowspan === 1) return `[${body}]`;
  return `table.cell(colspan: ${colspan}, rowspan: ${rowspan})[${body}]`;
}

function span(value: unknown): number {
  const number = Number(value);
  return Number.isSafeInteger(number) && number > 1 ? Math.min(number, 100) : 1;
}

/**
 * Inline content: text with its marks, hard breaks and footnotes. Neighbouring text nodes that
 * share a link become one link, so a link with a bold word in it stays one link.
 */
export function inline(nodes: ChapterJson[]): string {
  let markup = "";
  for (let i = 0; i < nodes.length; ) {
    const href = linkOf(nodes[i]!);
    let j = i + 1;
    while (j < nodes.length && href !== null && linkOf(nodes[j]!) === href) j++;
    const inner = nodes.slice(i, j).map(inlineNode).join("");
    const target = safeLinkTarget(href);
    markup += target ? `#link(${typstString(target)})[${inner}]` : inner;
    i = j;
  }
  return markup;
}

function linkOf(node: ChapterJson): string | null {
  const link = node.marks?.find((mark) => mark.type === "link");
  return link ? String(link.attrs?.href ?? "") : null;
}

function inlineNode(node: ChapterJson): string {
  switch (node.type) {
    case "text":
      return markedText(node);
    case "hardBreak":
      return "#linebreak()";
    case "footnote":
      return `#footnote[${inline(node.content ?? [])}]`;
    case "image":
      return "";
    default:
      return node.content ? inline(node.content) : node.text ? markupText(node.text) : "";
  }
}

// Marks wrap the text innermost first; the order is fixed so equal marks give equal source.
const MARK_FUNCTIONS: Record<string, string> = { italic: "emph", bold: "strong", strike: "strike" };
const MARK_ORDER = ["italic", "bold", "strike"];

function markedText(node: ChapterJson): string {
  let markup = markupText(node.text ?? "");
  if (markup === "") return "";
  const marks = new Set(node.marks?.map((mark) => mark.type));
  for (const mark of MARK_ORDER) if (marks.has(mark)) markup = `#${MARK_FUNCTIONS[mark]}[${markup}]`;
  return markup;
}
