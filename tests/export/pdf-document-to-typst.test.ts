import { describe, expect, test } from "vitest";
import type { ChapterJson } from "#app/common/chapter-schema.ts";
import { documentToTypst, type TypstContext } from "#server/export/pdf/document-to-typst.ts";
import { formatIsbn, splitNames } from "#server/export/pdf/book-source.ts";

const IMAGE = `${"a".repeat(64)}.png`;
const context: TypstContext = {
  headingOffset: 3,
  imagePath: (src) => (src === `/uploads/${IMAGE}` ? `/images/${IMAGE}` : null),
  tools: { kompas: { slug: "kompas", name: "Kompas #1", summary: "Wijst [de] weg.", url: "https://kapittel.example/gereedschapskist/kompas" } },
  toolCardLabel: "Uit de gereedschapskist",
};
const doc = (...content: ChapterJson[]): ChapterJson => ({ type: "doc", content });
const p = (...content: ChapterJson[]): ChapterJson => ({ type: "paragraph", content });
const t = (text: string, ...marks: ChapterJson["marks"] & object): ChapterJson => ({ type: "text", text, ...(marks.length ? { marks } : {}) });

describe("documentToTypst", () => {
  test("paragraphs are separated by blank lines, text escaped, marks as functions", () => {
    expect(documentToTypst(doc(p(t("Een "), t("vet", { type: "bold" }), t(" en "), t("#schuin", { type: "italic" }, { type: "bold" })), p(t("Twee"))), context)).toBe(
      "Een #strong[vet] en #strong[#emph[\\#schuin]]\n\nTwee",
    );
  });

  test("links: one link over neighbouring marked text; only http, https and mailto", () => {
    const link = (href: string) => ({ type: "link", attrs: { href } });
    expect(documentToTypst(doc(p(t("een ", link("https://a.example")), t("vette", link("https://a.example"), { type: "bold" }), t(" link", link("https://a.example")))), context)).toBe(
      '#link("https://a.example")[een #strong[vette] link]',
    );
    expect(documentToTypst(doc(p(t("klik", link("javascript:alert(1)")))), context)).toBe("klik");
    expect(documentToTypst(doc(p(t("mail", link("mailto:a@b.example")))), context)).toBe('#link("mailto:a@b.example")[mail]');
  });

  test("footnotes and hard breaks", () => {
    expect(documentToTypst(doc(p(t("Zin"), { type: "footnote", content: [t("Noot "), t("*"), t("cursief", { type: "italic" })] }, { type: "hardBreak" }, t("verder"))), context)).toBe(
      "Zin#footnote[Noot \\*#emph[cursief]]#linebreak()verder",
    );
  });

  test("heading levels follow the chapter and never skip one", () => {
    const heading = (level: number, text: string): ChapterJson => ({ type: "heading", attrs: { level }, content: [t(text)] });
    expect(documentToTypst(doc(heading(3, "Eerst diep"), heading(2, "Dan hoog"), heading(4, "Te diep")), context)).toBe(
      "#heading(level: 3)[Eerst diep]\n\n#heading(level: 3)[Dan hoog]\n\n#heading(level: 4)[Te diep]",
    );
    // A heading with only a footnote in it is no heading (PDF/UA forbids empty ones).
    expect(documentToTypst(doc({ type: "heading", attrs: { level: 2 }, content: [{ type: "footnote", content: [t("n")] }] }), context)).toBe("#footnote[n]");
  });

  test("lists: items as content blocks, nested lists stay tight, ordered lists keep their start", () => {
    const item = (...content: ChapterJson[]): ChapterJson => ({ type: "listItem", content });
    expect(
      documentToTypst(doc({ type: "bulletList", content: [item(p(t("a"))), item(p(t("b")), { type: "bulletList", content: [item(p(t("c")))] })] }, { type: "orderedList", attrs: { start: 3 }, content: [item(p(t("d")))] }), context),
    ).toBe("#list([a], [b\n#list([c])])\n\n#enum(start: 3, [d])");
  });

  test("tables: a header row becomes table.header, spans are kept", () => {
    const cell = (type: string, text: string, colspan = 1): ChapterJson => ({ type, attrs: { colspan, rowspan: 1 }, content: [p(t(text))] });
    expect(
      documentToTypst(doc({ type: "table", content: [{ type: "tableRow", content: [cell("tableHeader", "A"), cell("tableHeader", "B")] }, { type: "tableRow", content: [cell("tableCell", "1 + 1", 2)] }] }), context),
    ).toBe("#table(columns: 2, table.header([#strong[A]], [#strong[B]]), table.cell(colspan: 2, rowspan: 1)[1 \\+ 1])");
  });

  test("images by stored name with alt text; unknown sources are left out", () => {
    expect(documentToTypst(doc({ type: "image", attrs: { src: `/uploads/${IMAGE}`, alt: 'Kaart "wijk"' } }), context)).toBe(`#book-image("/images/${IMAGE}", "Kaart \\"wijk\\"")`);
    expect(documentToTypst(doc({ type: "image", attrs: { src: `/uploads/${IMAGE}`, alt: "" } }), context)).toBe(`#book-image("/images/${IMAGE}", none)`);
    expect(documentToTypst(doc({ type: "image", attrs: { src: "/etc/passwd", alt: "x" } }), context)).toBe("");
  });

  test("tool cards show the cited tool; a card for a tool that is not published is left out", () => {
    expect(documentToTypst(doc({ type: "toolCard", attrs: { slug: "kompas" } }, { type: "toolCard", attrs: { slug: "weg" } }), context)).toBe(
      '#tool-card("Uit de gereedschapskist", [Kompas \\#1], [Wijst \\[de\\] weg\\.], ("https://kapittel.example/gereedschapskist/kompas", [https\\:\\/\\/kapittel\\.example\\/gereedschapskist\\/kompas]))',
    );
  });

  test("quotes, rules and unknown blocks (their text is kept)", () => {
    expect(documentToTypst(doc({ type: "blockquote", content: [p(t("Citaat"))] }, { type: "horizontalRule" }, { type: "nieuw", content: [p(t("tekst"))] }), context)).toBe(
      "#quote(block: true)[Citaat]\n\n#dinkus()\n\ntekst",
    );
  });
});

describe("colophon helpers", () => {
  test("ISBN-13 with prefix and check digit set off", () => {
    expect(formatIsbn("9789083412347")).toBe("978-908341234-7");
    expect(formatIsbn("978-90-834123-4-7")).toBe("978-908341234-7");
  });

  test("editors split into authors for the metadata", () => {
    expect(splitNames("Anna de Vries, Bram Ĳzerman en Cas Jansen")).toEqual(["Anna de Vries", "Bram Ĳzerman", "Cas Jansen"]);
    expect(splitNames("")).toEqual([]);
  });
});
