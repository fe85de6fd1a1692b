/**
 * Pandoc's JSON AST (pandoc-types 1.23), the part of it Kapittel writes. Building this directly
 * from the editor's document skips pandoc's HTML reader, which is half of what a naive
 * HTML → EPUB call costs (docs/decisions/014-epub-export.md).
 */

/**
 * The Pandoc AST version of the pandoc inside pandoc-wasm 1.1.0 (pandoc 3.10; found by running it,
 * checked by tests/export/epub-pandoc.test.ts). A JSON document must carry exactly this: pandoc
 * refuses JSON of another API version.
 */
export const PANDOC_API_VERSION = [1, 23, 1, 2] as const;

export type Attr = [id: string, classes: string[], keyValues: [string, string][]];
export type Inline = { t: string; c?: unknown };
export type Block = { t: string; c?: unknown };
export type PandocDocument = { "pandoc-api-version": readonly number[]; meta: Record<string, unknown>; blocks: Block[] };

export const noAttr = (): Attr => ["", [], []];
export const attr = (id = "", classes: string[] = [], keyValues: [string, string][] = []): Attr => [id, classes, keyValues];

export const str = (text: string): Inline => ({ t: "Str", c: text });
export const lineBreak = (): Inline => ({ t: "LineBreak" });
export const emph = (inlines: Inline[]): Inline => ({ t: "Emph", c: inlines });
export const strong = (inlines: Inline[]): Inline => ({ t: "Strong", c: inlines });
export const strikeout = (inlines: Inline[]): Inline => ({ t: "Strikeout", c: inlines });
export const superscript = (inlines: Inline[]): Inline => ({ t: "Superscript", c: inlines });
export const code = (text: string): Inline => ({ t: "Code", c: [noAttr(), text] });
export const span = (a: Attr, inlines: Inline[]): Inline => ({ t: "Span", c: [a, inlines] });
export const link = (a: Attr, inlines: Inline[], url: string, title = ""): Inline => ({ t: "Link", c: [a, inlines, [url, title]] });
export const image = (a: Attr, alt: string, src: string): Inline => ({ t: "Image", c: [a, alt ? [str(alt)] : [], [src, ""]] });

export const para = (inlines: Inline[]): Block => ({ t: "Para", c: inlines });
export const plain = (inlines: Inline[]): Block => ({ t: "Plain", c: inlines });
export const header = (level: number, a: Attr, inlines: Inline[]): Block => ({ t: "Header", c: [level, a, inlines] });
export const blockQuote = (blocks: Block[]): Block => ({ t: "BlockQuote", c: blocks });
export const bulletList = (items: Block[][]): Block => ({ t: "BulletList", c: items });
export const orderedList = (start: number, items: Block[][]): Block => ({
  t: "OrderedList",
  c: [[start, { t: "Decimal" }, { t: "Period" }], items],
});
export const horizontalRule = (): Block => ({ t: "HorizontalRule" });
export const div = (a: Attr, blocks: Block[]): Block => ({ t: "Div", c: [a, blocks] });
/** Markup pandoc copies as it is: only for fixed, well-formed XHTML we write ourselves. */
export const rawHtml = (html: string): Block => ({ t: "RawBlock", c: ["html", html] });

export type Cell = { header: boolean; rowspan: number; colspan: number; blocks: Block[] };

/**
 * A table: the first row becomes the head when all its cells are header cells, and a first
 * column of header cells becomes row headers (pandoc's RowHeadColumns), so `<th>` survives.
 */
export function table(rows: Cell[][]): Block {
  const columns = Math.max(1, ...rows.map((row) => row.reduce((sum, cell) => sum + cell.colspan, 0)));
  const toRow = (cells: Cell[]) => [noAttr(), cells.map((cell) => [noAttr(), { t: "AlignDefault" }, cell.rowspan, cell.colspan, cell.blocks])];
  const [first, ...rest] = rows;
  const hasHead = first !== undefined && first.length > 0 && first.every((cell) => cell.header) && rest.length > 0;
  const head = hasHead ? [first] : [];
  const body = hasHead ? rest : rows;
  const rowHeads = body.length > 0 && body.every((row) => row[0]?.header && row[0].colspan === 1 && row[0].rowspan === 1) ? 1 : 0;
  return {
    t: "Table",
    c: [
      noAttr(),
      [null, []],
      Array.from({ length: columns }, () => [{ t: "AlignDefault" }, { t: "ColWidthDefault" }]),
      [noAttr(), head.map(toRow)],
      [[noAttr(), rowHeads, [], body.map(toRow)]],
      [noAttr(), []],
    ],
  };
}

export function pandocDocument(blocks: Block[]): PandocDocument {
  return { "pandoc-api-version": PANDOC_API_VERSION, meta: {}, blocks };
}

/** The plain text of inlines (for alt text and labels). */
export function inlineText(inlines: Inline[]): string {
  return inlines
    .map((inline) => {
      if (inline.t === "Str") return inline.c as string;
      if (inline.t === "LineBreak") return " ";
      if (inline.t === "Code") return (inline.c as [Attr, string])[1];
      if (inline.t === "Link" || inline.t === "Span") return inlineText((inline.c as [Attr, Inline[]])[1]);
      if (Array.isArray(inline.c)) return inlineText(inline.c as Inline[]);
      return "";
    })
    .join("");
}

/**
 * A page of ordinary book text (paragraphs with emphasis and links, headings, a list, a table, a
 * note): what a fresh pandoc-wasm instance converts while idle, until it is warm
 * (docs/decisions/014-epub-export.md).
 */
export function warmUpDocument(): PandocDocument {
  const sentence = [str("Een zin met "), emph([str("nadruk")]), str(", een "), link(noAttr(), [str("link")], "https://example.org"), str(" en ë é ï ĳ ‘ ’ “ ”.")];
  const paragraphs = Array.from({ length: 12 }, () => para([...sentence, ...sentence, ...sentence]));
  const cell = (text: string, header = false): Cell => ({ header, rowspan: 1, colspan: 1, blocks: [plain([str(text)])] });
  return pandocDocument([
    header(2, noAttr(), [str("Kop")]),
    ...paragraphs,
    bulletList([[plain(sentence)], [plain(sentence)]]),
    orderedList(1, [[plain(sentence)], [plain(sentence)]]),
    blockQuote([para(sentence)]),
    table([[cell("A", true), cell("B", true)], [cell("1"), cell("2")]]),
    rawHtml("<aside epub:type=\"footnote\">"),
    para([strong(sentence)]),
    rawHtml("</aside>"),
  ]);
}
