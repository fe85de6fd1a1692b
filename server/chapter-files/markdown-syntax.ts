import type { Node, Root } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkStringify, { type Options as StringifyOptions } from "remark-stringify";
import { unified } from "unified";

/**
 * The one Markdown dialect of chapter files: CommonMark with GFM pipe tables, strikethrough and
 * footnotes — all of which Pandoc's Markdown reads the same way — written back in one fixed style,
 * so that export(import(files)) is byte-identical for files in that style.
 */
/**
 * A tool card in Markdown: `[[tool:<slug>]]` as a paragraph of its own (docs/decisions/011). Read
 * in markdown-to-document.ts from a paragraph of exactly that text; written by the handler below
 * so that remark does not escape the brackets.
 */
export const TOOL_REFERENCE = /^\[\[tool:([a-z0-9]+(?:-[a-z0-9]+)*)\]\]$/;

declare module "mdast" {
  interface ToolReference extends Node {
    type: "toolReference";
    slug: string;
  }
  interface RootContentMap {
    toolReference: ToolReference;
  }
  interface BlockContentMap {
    toolReference: ToolReference;
  }
}

const STYLE: StringifyOptions = {
  bullet: "-",
  emphasis: "*",
  strong: "*",
  rule: "-",
  listItemIndent: "one",
  incrementListMarker: true,
  fences: true,
  resourceLink: true,
  handlers: { toolReference: (node: { slug: string }) => `[[tool:${node.slug}]]` },
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
