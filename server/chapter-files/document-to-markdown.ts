import type { BlockContent, FootnoteDefinition, ListItem, Parent, PhrasingContent, Root, RootContent, TableCell, TableRow } from "mdast";
import { SUGGESTION_MARKS, type ChapterJson } from "#app/common/chapter-schema.ts";
import { stringifyMarkdown } from "./markdown-syntax.ts";

type Mark = NonNullable<ChapterJson["marks"]>[number];

export type DocumentToMarkdownOptions = {
  /** Turns an image's src in the document (e.g. `/uploads/<hash>.png`) into the reference written in the file. */
  imageReference: (src: string) => string;
};

/**
 * The chapter document → its Markdown body, the inverse of markdownToDocument for everything a
 * chapter can hold. Footnotes are numbered in order of appearance and their texts follow the body.
 * Suggestions not yet decided (suggestion mode) are written as the text stands without them:
 * suggested insertions left out, suggested deletions kept. Markdown has no form for them, and an
 * import of that file changes nothing, so the suggestions stay in Kapittel to be decided there.
 */
export function documentToMarkdown(doc: ChapterJson, options: DocumentToMarkdownOptions): string {
  const writer = new Writer(options);
  const children: RootContent[] = writer.blocks(doc.content ?? []);
  children.push(...writer.footnotes);
  if (children.length === 0) return "";
  return stringifyMarkdown({ type: "root", children } satisfies Root);
}

/** Outermost first, so that `[*woord*](url)` stays that and code is always innermost. */
const MARK_ORDER = ["link", "bold", "italic", "strike"];

class Writer {
  readonly footnotes: FootnoteDefinition[] = [];

  constructor(private readonly options: DocumentToMarkdownOptions) {}

  blocks(nodes: ChapterJson[]): BlockContent[] {
    return nodes.flatMap((node) => this.block(node));
  }

  block(node: ChapterJson): BlockContent[] {
    if (isSuggestedInsertion(node)) return [];
    const content = node.content ?? [];
    switch (node.type) {
      case "paragraph": {
        // Markdown has no empty paragraph; an empty line in the editor (or one holding only a
        // suggested insertion) is not content.
        const children = this.phrasing(content);
        return children.length > 0 ? [{ type: "paragraph", children }] : [];
      }
      case "heading":
        return [{ type: "heading", depth: Number(node.attrs?.level ?? 2) as 2 | 3 | 4, children: this.phrasing(content) }];
      case "horizontalRule":
        return [{ type: "thematicBreak" }];
      case "blockquote":
        return [{ type: "blockquote", children: this.blocks(content) }];
      case "bulletList":
      case "orderedList":
        return [
          {
            type: "list",
            ordered: node.type === "orderedList",
            start: node.type === "orderedList" ? Number(node.attrs?.start ?? 1) : null,
            spread: false,
            children: content.map((item): ListItem => ({ type: "listItem", spread: false, children: this.blocks(item.content ?? []) })),
          },
        ];
      case "table":
        return [
          {
            type: "table",
            align: (content[0]?.content ?? []).map(() => null),
            children: content.map((row): TableRow => ({ type: "tableRow", children: (row.content ?? []).map((cell) => this.cell(cell)) })),
          },
        ];
      case "toolCard":
        return [{ type: "toolReference", slug: String(node.attrs?.slug ?? "") }];
      case "image": {
        const src = String(node.attrs?.src ?? "");
        const title = node.attrs?.title ? String(node.attrs.title) : null;
        return [{ type: "paragraph", children: [{ type: "image", url: this.options.imageReference(src), alt: String(node.attrs?.alt ?? ""), title }] }];
      }
      default:
        throw new Error(`A chapter document node of type "${node.type}" has no Markdown form`);
    }
  }

  /** A table cell holds one line in Markdown: its paragraphs are joined by a space. */
  cell(cell: ChapterJson): TableCell {
    const paragraphs = (cell.content ?? []).filter((block) => (block.content ?? []).length > 0);
    const children = paragraphs.flatMap((paragraph, index): PhrasingContent[] => [
      ...(index > 0 ? [{ type: "text", value: " " } as const] : []),
      ...this.phrasing(paragraph.content ?? []),
    ]);
    return { type: "tableCell", children };
  }

  /** Inline nodes with flat marks → nested Markdown phrasing (emphasis inside a link, and so on). */
  phrasing(nodes: ChapterJson[]): PhrasingContent[] {
    const root: { children: PhrasingContent[] } = { children: [] };
    const open: { mark: Mark; node: Parent & { children: PhrasingContent[] } }[] = [];
    for (const node of nodes) {
      if (isSuggestedInsertion(node)) continue;
      const marks = sortedMarks(node.marks ?? []).filter((mark) => mark.type !== "code" && !SUGGESTION_MARK_NAMES.has(mark.type));
      let keep = 0;
      while (keep < open.length && keep < marks.length && sameMark(open[keep]!.mark, marks[keep]!)) keep++;
      open.length = keep;
      for (const mark of marks.slice(keep)) {
        const parent = open.at(-1)?.node ?? root;
        const wrapper = markNode(mark);
        parent.children.push(wrapper);
        open.push({ mark, node: wrapper });
      }
      (open.at(-1)?.node ?? root).children.push(...this.leaf(node));
    }
    return root.children;
  }

  leaf(node: ChapterJson): PhrasingContent[] {
    switch (node.type) {
      case "text": {
        // Suggestion mode marks block boundaries with zero-width spaces; they are not text.
        const value = (node.text ?? "").replaceAll("\u200b", "");
        if (!value) return [];
        return (node.marks ?? []).some((mark) => mark.type === "code") ? [{ type: "inlineCode", value }] : [{ type: "text", value }];
      }
      case "hardBreak":
        return [{ type: "break" }];
      case "footnote": {
        const identifier = String(this.footnotes.length + 1);
        this.footnotes.push({
          type: "footnoteDefinition",
          identifier,
          label: identifier,
          children: [{ type: "paragraph", children: this.phrasing(node.content ?? []) }],
        });
        return [{ type: "footnoteReference", identifier, label: identifier }];
      }
      default:
        throw new Error(`A chapter document node of type "${node.type}" has no inline Markdown form`);
    }
  }
}

const SUGGESTION_MARK_NAMES: ReadonlySet<string> = new Set(SUGGESTION_MARKS);

const isSuggestedInsertion = (node: ChapterJson) => (node.marks ?? []).some((mark) => mark.type === "insertion");

function sortedMarks(marks: Mark[]): Mark[] {
  const rank = (mark: Mark) => {
    const index = MARK_ORDER.indexOf(mark.type);
    return index === -1 ? MARK_ORDER.length : index;
  };
  return [...marks].sort((a, b) => rank(a) - rank(b));
}

function sameMark(a: Mark, b: Mark): boolean {
  return a.type === b.type && (a.attrs?.href ?? null) === (b.attrs?.href ?? null) && (a.attrs?.title ?? null) === (b.attrs?.title ?? null);
}

function markNode(mark: Mark): Parent & { children: PhrasingContent[] } & PhrasingContent {
  switch (mark.type) {
    case "bold":
      return { type: "strong", children: [] };
    case "italic":
      return { type: "emphasis", children: [] };
    case "strike":
      return { type: "delete", children: [] };
    case "link":
      return { type: "link", url: String(mark.attrs?.href ?? ""), title: mark.attrs?.title ? String(mark.attrs.title) : null, children: [] };
    default:
      throw new Error(`A mark of type "${mark.type}" has no Markdown form`);
  }
}
