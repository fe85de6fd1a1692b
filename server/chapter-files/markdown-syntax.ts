import type { Root } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkStringify, { type Options as StringifyOptions } from "remark-stringify";
import { unified } from "unified";

/**
 * The one Markdown dialect of chapter files: CommonMark with GFM pipe tables, strikethrough and
 * footnotes — all of which Pandoc's Markdown reads the same way — written back in one fixed style,
 * so that export(import(files)) is byte-identical for files in that style.
 */
const STYLE: StringifyOptions = {
  bullet: "-",
  emphasis: "*",
  strong: "*",
  rule: "-",
  listItemIndent: "one",
  incrementListMarker: true,
  fences: true,
  resourceLink: true,
  // Footnote texts stand together at the end, one per line.
  join: [(left, right) => (left.type === "footnoteDefinition" && right.type === "footnoteDefinition" ? 0 : undefined)],
};

const parser = unified().use(remarkParse).use(remarkGfm);
const writer = unified().use(remarkStringify, STYLE).use(remarkGfm, { tablePipeAlign: false });

/** Markdown text → syntax tree (with line positions, for errors that name the line). */
export function parseMarkdown(markdown: string): Root {
  return parser.parse(markdown);
}

/** Syntax tree → Markdown text in the house style, ending in one newline. */
export function stringifyMarkdown(tree: Root): string {
  return writer.stringify(tree);
}
