import type { ChapterJson } from "#app/common/chapter-schema.ts";
import type { ManuscriptTool } from "../manuscript.ts";
import {
  attr,
  blockQuote,
  bulletList,
  code,
  div,
  emph,
  header,
  horizontalRule,
  image,
  lineBreak,
  link,
  noAttr,
  orderedList,
  para,
  plain,
  rawHtml,
  span,
  str,
  strikeout,
  strong,
  superscript,
  table,
  type Block,
  type Cell,
  type Inline,
} from "../pandoc/ast.ts";
import type { EpubLabels } from "./labels.ts";
import { safeHref } from "./links.ts";

/**
 * A chapter's ProseMirror document as Pandoc blocks for one EPUB content document: the chapter
 * section (title, credit line, text) followed by its notes as EPUB footnotes. Only what the
 * chapter schema can hold gets through, so markup, scripts and event handlers that never became
 * part of the document cannot reach the book; links keep only http, https and mailto addresses.
 */

export type ChapterAstContext = {
  labels: EpubLabels;
  tools: Record<string, ManuscriptTool>;
  /** The path of an uploaded image inside the EPUB, or null when it cannot be included. */
  imagePath: (src: string) => string | null;
};

export type ChapterAstInput = { title: string; organisations: string[]; doc: ChapterJson };

export function chapterBlocks(chapter: ChapterAstInput, context: ChapterAstContext): Block[] {
  const notes: Inline[][] = [];
  const converter = new Converter(context, notes);
  const blocks: Block[] = [
    rawHtml(`<section class="chapter" epub:type="chapter" role="doc-chapter" aria-labelledby="chapter-title">`),
    header(1, attr("chapter-title"), [str(chapter.title)]),
  ];
  if (chapter.organisations.length > 0) {
    blocks.push(div(attr("", ["credit"]), [para([str(context.labels.by(context.labels.list(chapter.organisations)))])]));
  }
  blocks.push(...converter.blocks(chapter.doc.content ?? []), rawHtml("</section>"));
  if (notes.length > 0) blocks.push(...notesSection(notes, context.labels));
  return blocks;
}

/**
 * The notes the way EPUB reading systems show them as pop-ups: one `<aside epub:type="footnote">`
 * each, after the chapter text, with a link back to where it is referenced.
 */
function notesSection(notes: Inline[][], labels: EpubLabels): Block[] {
  const blocks: Block[] = [
    rawHtml(`<section class="footnotes" epub:type="footnotes" aria-labelledby="notes-title">`),
    header(2, attr("notes-title"), [str(labels.notes)]),
  ];
  notes.forEach((inlines, index) => {
    const n = index + 1;
    const back = link(attr("", ["footnote-back"], [["role", "doc-backlink"], ["aria-label", labels.noteBackLink(n)]]), [str(`${n}.`)], `#fnref${n}`);
    blocks.push(
      rawHtml(`<aside id="fn${n}" class="footnote" epub:type="footnote" role="doc-footnote">`),
      para([back, str(" "), ...inlines]),
      rawHtml("</aside>"),
    );
  });
  blocks.push(rawHtml("</section>"));
  return blocks;
}

class Converter {
  constructor(
    private readonly context: ChapterAstContext,
    private readonly notes: Inline[][],
  ) {}

  blocks(nodes: ChapterJson[], tight = false): Block[] {
    const onlyParagraph = tight && nodes.length === 1 && nodes[0]?.type === "paragraph";
    return nodes.flatMap((node) => this.block(node, onlyParagraph));
  }

  private block(node: ChapterJson, asPlain: boolean): Block[] {
    const children = node.content ?? [];
    switch (node.type) {
      case "paragraph": {
        const inlines = this.inlines(children);
        if (inlines.length === 0) return [];
        return [asPlain ? plain(inlines) : para(inlines)];
      }
      case "heading": {
        const level = Math.min(4, Math.max(2, Number(node.attrs?.level ?? 2)));
        const inlines = this.inlines(children);
        return inlines.length === 0 ? [] : [header(level, noAttr(), inlines)];
      }
      case "bulletList":
        return [bulletList(children.map((item) => this.blocks(item.content ?? [], true)))];
      case "orderedList": {
        const start = Number(node.attrs?.start ?? 1);
        return [orderedList(Number.isInteger(start) && start > 0 ? start : 1, children.map((item) => this.blocks(item.content ?? [], true)))];
      }
      case "blockquote":
        return [blockQuote(this.blocks(children))];
      case "horizontalRule":
        return [horizontalRule()];
      case "table":
        return [table(children.map((row) => (row.content ?? []).map((cell) => this.cell(cell))))];
      case "image":
        return this.image(node);
      case "toolCard":
        return this.toolCard(String(node.attrs?.slug ?? ""));
      default:
        // A block this exporter does not know: keep its text rather than lose it.
        return this.blocks(children);
    }
  }

  private cell(node: ChapterJson): Cell {
    const span = (value: unknown) => (Number.isInteger(value) && (value as number) > 0 ? (value as number) : 1);
    return {
      header: node.type === "tableHeader",
      colspan: span(node.attrs?.colspan),
      rowspan: span(node.attrs?.rowspan),
      blocks: this.blocks(node.content ?? [], true),
    };
  }

  private image(node: ChapterJson): Block[] {
    const path = this.context.imagePath(String(node.attrs?.src ?? ""));
    if (!path) return [];
    // Published chapters always have alt text; an image without it is treated as decoration.
    const alt = String(node.attrs?.alt ?? "").trim();
    return [div(attr("", ["figure"]), [plain([image(noAttr(), alt, path)])])];
  }

  /** A tool card: the toolbox entry's name, summary and address, boxed; nothing if it is gone. */
  private toolCard(slug: string): Block[] {
    const tool = this.context.tools[slug];
    if (!tool) return [];
    const { labels } = this.context;
    const url = safeHref(tool.url);
    return [
      div(attr("", ["tool-card"], [["role", "note"], ["aria-label", `${labels.toolCard}: ${tool.name}`]]), [
        para([span(attr("", ["tool-card-label"]), [str(labels.toolCard)])]),
        para([strong([str(tool.name)])]),
        ...(tool.summary ? [para([str(tool.summary)])] : []),
        ...(url ? [para([link(attr("", ["tool-card-link"]), [str(tool.url)], url)])] : []),
      ]),
    ];
  }

  /** Inline content; consecutive text under the same link becomes one link. */
  inlines(nodes: ChapterJson[]): Inline[] {
    const out: Inline[] = [];
    for (let i = 0; i < nodes.length; ) {
      const href = linkOf(nodes[i]!);
      let j = i + 1;
      while (j < nodes.length && linkOf(nodes[j]!) === href) j++;
      const inner = nodes.slice(i, j).flatMap((node) => this.inline(node));
      const safe = href === undefined ? null : safeHref(href);
      if (safe) out.push(link(noAttr(), inner, safe));
      else out.push(...inner);
      i = j;
    }
    return out;
  }

  private inline(node: ChapterJson): Inline[] {
    switch (node.type) {
      case "text":
        return node.text ? [withMarks(node)] : [];
      case "hardBreak":
        return [lineBreak()];
      case "footnote":
        return [this.noteReference(node)];
      default:
        return this.inlines(node.content ?? []);
    }
  }

  private noteReference(node: ChapterJson): Inline {
    this.notes.push(this.inlines(node.content ?? []));
    const n = this.notes.length;
    const reference = attr(`fnref${n}`, ["footnote-ref"], [["epub:type", "noteref"], ["role", "doc-noteref"], ["aria-label", this.context.labels.noteReference(n)]]);
    return link(reference, [superscript([str(String(n))])], `#fn${n}`);
  }
}

function linkOf(node: ChapterJson): string | undefined {
  const mark = node.marks?.find((m) => m.type === "link");
  return mark ? String(mark.attrs?.href ?? "") : undefined;
}

function withMarks(node: ChapterJson): Inline {
  const marks = new Set(node.marks?.map((mark) => mark.type));
  let inline: Inline = marks.has("code") ? code(node.text!) : str(node.text!);
  if (marks.has("strike")) inline = strikeout([inline]);
  if (marks.has("italic")) inline = emph([inline]);
  if (marks.has("bold")) inline = strong([inline]);
  return inline;
}
