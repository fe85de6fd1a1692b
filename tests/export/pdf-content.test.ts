import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "#app/utils/db.server.ts";
import { loadManuscript } from "#server/export/manuscript.ts";
import { renderPdf } from "#server/export/pdf/index.ts";
import { stopTypstWorker } from "#server/export/pdf/typst-compiler.ts";
import { createBook, createChapter, createOrganisation } from "#tests/factories.ts";
import { richManuscript, storeTestImage } from "./fixtures/pdf-manuscript.ts";
import { pdfBookmarks, pdfFile, pdfFonts, pdfImages, pdfInfo, pdfLinkTargets, pdfStructure, pdfText, renderPages } from "./fixtures/pdf-poppler.ts";

afterAll(stopTypstWorker);

const flat = (text: string) => text.replace(/\s+/g, " ").replace(/[“”]/g, '"').replace(/[‘’]/g, "'");

describe("a chapter written with Typst syntax and hostile HTML", () => {
  let text: string;
  let links: string[];

  beforeAll(async () => {
    const organisation = await createOrganisation({ name: "Gemeente #Proef $x$" });
    const { book, part } = await createBook({ title: "Boek met *sterren* en #hekjes" });
    await createChapter({
      bookId: book.id,
      partId: part.id,
      status: "published",
      organisationIds: [organisation.id],
      title: "Hoofdstuk = #let x = 1 ] [",
      bodyHtml: [
        "<p>Letterlijk: #let x = 1, $math$, *bold*, _schuin_, ], [, \\ en \\\\, @label, &lt;anker&gt;, // geen commentaar, `raw`.</p>",
        "<p>Een alinea<script>alert('script-in-body')</script> met een script.</p>",
        '<p><img src="/uploads/nergens.png" onerror="alert(\'onerror-handler\')" alt="x">Tekst na een afbeelding met onerror.</p>',
        '<p>Een <a href="javascript:alert(\'javascript-link\')">gevaarlijke link</a> en een <a href="https://kapittel.example/veilig">veilige link</a>.</p>',
        "<h2>= Kop met #hekje</h2>",
        "<ul><li>#punt met $geld$</li></ul>",
      ].join(""),
    });
    // A draft chapter: the published export leaves it out.
    await createChapter({ bookId: book.id, partId: part.id, status: "draft", title: "Nog niet af" });
    const manuscript = await loadManuscript(book.id, "published");
    const file = await pdfFile(await renderPdf(manuscript));
    text = flat(await pdfText(file));
    links = await pdfLinkTargets(file);
  }, 120_000);

  test("Typst syntax in text appears literally", () => {
    expect(text).toContain("Letterlijk: #let x = 1, $math$, *bold*, _schuin_, ], [, \\ en \\\\, @label, <anker>, // geen commentaar, `raw`.");
    expect(text).toContain("Hoofdstuk = #let x = 1 ] [");
    expect(text).toContain("= Kop met #hekje");
    expect(text).toContain("#punt met $geld$");
    expect(text).toContain("Gemeente #Proef $x$");
    expect(text).toContain("Boek met *sterren* en #hekjes");
  });

  test("scripts, handlers and javascript: links never reach the PDF", () => {
    expect(text).toContain("Een alinea met een script.");
    expect(text).toContain("Tekst na een afbeelding met onerror.");
    expect(text).toContain("Een gevaarlijke link en een veilige link.");
    for (const payload of ["script-in-body", "onerror-handler", "javascript-link", "alert(", "javascript:"]) expect(text).not.toContain(payload);
    expect(links).toContain("https://kapittel.example/veilig");
    expect(links.some((link) => /javascript/i.test(link))).toBe(false);
  });

  test("only published chapters are in a published export", () => {
    expect(text).not.toContain("Nog niet af");
  });
});

describe("a book with every kind of content", () => {
  let file: string;
  let text: string;

  beforeAll(async () => {
    const image = await storeTestImage();
    const cover = await storeTestImage(800, 1130);
    file = await pdfFile(await renderPdf(richManuscript(image, { coverImage: cover })), "rich.pdf");
    text = flat(await pdfText(file));
  }, 120_000);

  test("cover, title page and colophon with ISBN, edition, publisher, licence and partners", async () => {
    const front = flat(await pdfText(file, { first: 1, last: 4 }));
    expect(front).toContain("Het proefboek");
    expect(front).toContain("Anna de Vries en Bram Ĳzerman");
    expect(front).toContain("ISBN: 978-908341234-7");
    expect(front).toContain("Editie 2, 14 maart 2026");
    expect(front).toContain("Uitgever: Uitgeverij Kapittel, 2026");
    expect(front).toContain("Licentie: CC BY 4.0");
    expect(front).toContain("Met bijdragen van: Gemeente Proefstad en Bureau Één");
    expect(front).toContain("Vormgeving: Kapittel.");
    const info = await pdfInfo(file);
    expect(info.Author).toBe("Anna de Vries, Bram Ĳzerman");
    expect(info.Keywords).toBe("Eerste deel, Tweede deel");
  });

  test("the cover image fills page 1 and the chapter image is placed with its alt text", async () => {
    const images = await pdfImages(file);
    expect(images.find((image) => image.page === 1)).toMatchObject({ width: 800, height: 1130 });
    expect(images.filter((image) => image.width === 480 && image.height === 300).length).toBe(2);
    const structure = await pdfStructure(file);
    expect(structure).toMatch(/Figure/);
    expect(structure).toMatch(/Table/);
  });

  test("foreword, footnotes, table, lists, quote and tool card come through", () => {
    expect(text).toContain("Voorwoord Een voorwoord met nadruk en een link.");
    expect(text).toContain("ë é ï ĳ, 'enkel' en \"dubbel\", café, reünie, IJsselmeer, 's avonds.");
    expect(text).toMatch(/1 ?Een voetnoot met nadruk onderaan de pagina\./);
    expect(text).toMatch(/2 ?Een tweede noot/);
    expect(text).toContain("Wijk Sensoren Meldingen");
    expect(text).toContain("Totaal (twee wijken samen) 1.444");
    expect(text).toContain("met een genest punt");
    expect(text).toMatch(/3\. Drie 4\. Vier/);
    expect(text).toContain("Data zeggen niets; mensen zeggen iets met data.");
    expect(text).toContain("Het Datakompas Een gesprekshulp om te bepalen welke data een besluit nodig heeft. https://kapittel.example/gereedschapskist/datakompas");
    expect(text).not.toContain("bestaat-niet");
  });

  test("back matter: the partners and the cited tools; unsafe partner sites are not links", async () => {
    const bookmarks = (await pdfBookmarks(file)).map((bookmark) => bookmark.title);
    expect(bookmarks).toEqual(expect.arrayContaining(["Voorwoord", "Inhoud", "Eerste deel", "Een hoofdstuk met ‘alles’ erin", "Cijfers in een tabel", "Over de partners", "Gereedschapskist"]));
    expect(text).toContain("Gemeente Proefstad Gemeente Een gemeente die graag proeft. https://proefstad.example");
    expect(text).toContain("Bureau Één Bedrijf Adviseert over data.");
    expect(text).not.toContain("javascript");
    const links = await pdfLinkTargets(file);
    expect(links).toEqual(expect.arrayContaining(["https://kapittel.example/boek", "https://proefstad.example"]));
  });

  test("footnote numbers start again in every chapter", () => {
    expect(text).toMatch(/\b1 ?Een noot in het tweede hoofdstuk\./);
    expect(text).not.toMatch(/\b3 ?Een noot in het tweede hoofdstuk\./);
  });

  test("characters EB Garamond lacks do not break the export, and no other font is used", async () => {
    const { book, part } = await createBook({ title: "Emoji 😀 en 中文" });
    await createChapter({ bookId: book.id, partId: part.id, status: "published", bodyHtml: "<p>Smiley 😀, pijl →, Chinees 中文, Grieks αβγ, wiskunde ∀∃.</p>" });
    const exported = await pdfFile(await renderPdf(await loadManuscript(book.id, "published")));
    for (const font of await pdfFonts(exported)) expect(font.name).toMatch(/\+EBGaramond-/);
    expect(await pdfText(exported)).toContain("Smiley");
    // The same for the book's own pages: tool cards and back matter.
    const manuscript = richManuscript(await storeTestImage());
    manuscript.tools.datakompas!.name = "Kompas 🧭 中";
    manuscript.partners[0]!.description = "Partner 中文 🧭";
    const rich = await pdfFile(await renderPdf(manuscript));
    expect(flat(await pdfText(rich))).toContain("Kompas \ufffd \ufffd");
  });

  test("pages rendered for a person to look at (/tmp/pdf/rich-*.png)", async () => {
    const pages = Number((await pdfInfo(file)).Pages);
    const images = await renderPages(file, "/tmp/pdf", "rich", [1, 3, 4, 7, 11, 12, pages - 2], 80);
    expect(images).toHaveLength(7);
  });
});
