import type { FootnoteDefinition, ListItem, Nodes, PhrasingContent, Root, RootContent, Table } from "mdast";
import type { ChapterJson } from "#app/common/chapter-schema.ts";
import { parseMarkdown, TOOL_REFERENCE } from "./markdown-syntax.ts";

type Mark = NonNullable<ChapterJson["marks"]>[number];

/** Something in a chapter's Markdown that a chapter document cannot hold, with its line. */
export class MarkdownContentError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
  }
}

export type MarkdownToDocumentOptions = {
  /** Turns an image reference as written (e.g. `images/kaart.png`) into the document's src; throws for a missing file. */
  imageSource: (reference: string, line: number | undefined) => string;
  /** Checks that a tool reference (`[[tool:slug]]`) names a tool in the toolbox; throws when not. */
  toolReference?: (slug: string, line: number | undefined) => void;
};

/**
 * A chapter body in Markdown → the chapter document (ProseMirror JSON of app/common/chapter-schema.ts).
 * Everything the document can hold maps one to one; anything else (a level-1 heading — the title
 * lives in the front matter —, raw HTML, a code block, an image inside a sentence) is refused with
 * its line rather than dropped.
 */
export function markdownToDocument(markdown: string, options: MarkdownToDocumentOptions): ChapterJson {
  const tree = parseMarkdown(markdown);
  const converter = new Converter(tree, markdown, options);
  const content = converter.blocks(tree.children);
  return { type: "doc", content: content.length > 0 ? content : [{ type: "paragraph" }] };
}

const lineOf = (node: { position?: { start: { line: number } } }) => node.position?.start.line;

class Converter {
  readonly #footnotes = new Map<string, FootnoteDefinition>();

  constructor(
    tree: Root,
    private readonly source: string,
    private readonly options: MarkdownToDocumentOptions,
  ) {
    for (const node of tree.children) if (node.type === "footnoteDefinition") this.#footnotes.set(node.identifier, node);
  }

  blocks(nodes: RootContent[]): ChapterJson[] {
    return nodes.flatMap((node) => this.block(node));
  }

  block(node: RootContent): ChapterJson[] {
    switch (node.type) {
      case "paragraph":
        return [this.toolCard(node) ?? this.paragraph(node.children, lineOf(node))];
      case "heading":
        if (node.depth < 2 || node.depth > 4) {
          throw new MarkdownContentError(`a level-${node.depth} heading; chapters use levels 2 to 4 (## to ####), the title is in the front matter`, lineOf(node));
        }
        return [{ type: "heading", attrs: { level: node.depth }, content: this.inline(node.children) }];
      case "thematicBreak":
        return [{ type: "horizontalRule" }];
      case "blockquote":
        return [{ type: "blockquote", content: this.blocks(node.children) }];
      case "list":
        return [
          node.ordered
            ? { type: "orderedList", attrs: { start: node.start ?? 1 }, content: node.children.map((item) => this.listItem(item)) }
            : { type: "bulletList", content: node.children.map((item) => this.listItem(item)) },
        ];
      case "table":
        return [this.table(node)];
      case "footnoteDefinition":
        return []; // placed where it is referenced
      case "definition":
        return []; // link reference definitions are resolved by remark already
      default:
        throw new MarkdownContentError(`${describe(node)} cannot be part of a chapter`, lineOf(node));
    }
  }

  listItem(item: ListItem): ChapterJson {
    if (item.checked !== null && item.checked !== undefined) throw new MarkdownContentError("task list items ([ ] / [x]) cannot be part of a chapter", lineOf(item));
    const content = this.blocks(item.children);
    return { type: "listItem", content: content.length > 0 ? content : [{ type: "paragraph" }] };
  }

  table(node: Table): ChapterJson {
    return {
      type: "table",
      content: node.children.map((row, rowIndex) => ({
        type: "tableRow",
        content: row.children.map((cell) => ({
          type: rowIndex === 0 ? "tableHeader" : "tableCell",
          attrs: { colspan: 1, rowspan: 1, colwidth: null },
          content: [this.paragraph(cell.children, lineOf(cell))],
        })),
      })),
    };
  }

  /**
   * A tool card, when the paragraph is exactly `[[tool:slug]]` as written (an escaped `\\[\\[tool:…]]`
   * is text that happens to look like one, and stays text).
   */
  toolCard(node: Extract<RootContent, { type: "paragraph" }>): ChapterJson | null {
    const [only] = node.children;
    if (node.children.length !== 1 || only?.type !== "text") return null;
    const slug = TOOL_REFERENCE.exec(only.value)?.[1];
    const written = this.source.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0).trim();
    if (!slug || written !== only.value) return null;
    this.options.toolReference?.(slug, lineOf(node));
    return { type: "toolCard", attrs: { slug } };
  }

  /** A paragraph, or an image block when the paragraph is one image on its own. */
  paragraph(children: PhrasingContent[], line: number | undefined): ChapterJson {
    const [only] = children;
    if (children.length === 1 && only?.type === "image") {
      return {
        type: "image",
        attrs: { src: this.options.imageSource(only.url, lineOf(only) ?? line), alt: only.alt ?? "", title: only.title ?? null },
      };
    }
    const content = this.inline(children);
    return content.length > 0 ? { type: "paragraph", content } : { type: "paragraph" };
  }

  inline(nodes: PhrasingContent[], marks: Mark[] = [], inFootnote = false): ChapterJson[] {
    return nodes.flatMap((node): ChapterJson[] => {
      switch (node.type) {
        case "text":
          return node.value ? [withMarks({ type: "text", text: node.value }, marks)] : [];
        case "emphasis":
          return this.inline(node.children, [...marks, { type: "italic" }], inFootnote);
        case "strong":
          return this.inline(node.children, [...marks, { type: "bold" }], inFootnote);
        case "delete":
          return this.inline(node.children, [...marks, { type: "strike" }], inFootnote);
        case "inlineCode":
          return [withMarks({ type: "text", text: node.value }, [...marks, { type: "code" }])];
        case "link":
          return this.inline(node.children, [...marks, { type: "link", attrs: { href: node.url, title: node.title ?? null } }], inFootnote);
        case "break":
          if (inFootnote) throw new MarkdownContentError("a line break inside a footnote cannot be part of a chapter", lineOf(node));
          return [{ type: "hardBreak" }];
        case "footnoteReference":
          if (inFootnote) throw new MarkdownContentError("a footnote inside a footnote cannot be part of a chapter", lineOf(node));
          return [this.footnote(node.identifier, lineOf(node))];
        case "image":
          throw new MarkdownContentError("an image inside a sentence; put each image in a paragraph of its own", lineOf(node));
        default:
          throw new MarkdownContentError(`${describe(node)} cannot be part of a chapter`, lineOf(node));
      }
    });
  }

  footnote(identifier: string, line: number | undefined): ChapterJson {
    const definition = this.#footnotes.get(identifier);
    if (!definition) throw new MarkdownContentError(`footnote [^${identifier}] has no text ([^${identifier}]: …)`, line);
    const [paragraph, ...rest] = definition.children;
    if (rest.length > 0 || (paragraph && paragraph.type !== "paragraph")) {
      throw new MarkdownContentError(`footnote [^${identifier}] must be one paragraph of text`, lineOf(definition));
    }
    const content = paragraph ? this.inline(paragraph.children, [], true) : [];
    return content.length > 0 ? { type: "footnote", content } : { type: "footnote" };
  }
}

function withMarks(node: ChapterJson, marks: Mark[]): ChapterJson {
  return marks.length > 0 ? { ...node, marks } : node;
}

function describe(node: Nodes): string {
  const names: Partial<Record<Nodes["type"], string>> = {
    html: "raw HTML",
    code: "a code block",
    linkReference: "a link reference without a definition",
    imageReference: "an image reference",
    yaml: "a second YAML block",
  };
  return names[node.type] ?? `Markdown of type "${node.type}"`;
}
