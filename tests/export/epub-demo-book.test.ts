import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { detectImageType, storeImage } from "#app/models/images.server.ts";
import { db } from "#app/utils/db.server.ts";
import { renderEpub } from "#server/export/epub/index.ts";
import { hashDocument, loadManuscript, type Manuscript } from "#server/export/manuscript.ts";
import { pandocPool } from "#server/export/pandoc/runner.ts";
import type { ExportStep } from "#server/export/progress.ts";
import { createChapter } from "#tests/factories.ts";
import { epubEntries, epubFile, runAce, runEpubcheck } from "#tests/helpers/epub-checks.ts";
import { loadDemoData } from "../../prisma/demo-data.ts";

// The demo book (chapters/), loaded as the seed does, every chapter published, plus one proof
// chapter with what must survive (notes, a table, an image, a tool card, Dutch typography) and
// what must not (a script, an event handler, a javascript: link), exported as the export job
// would and checked with the publishing world's own checkers.
const PROOF_TITLE = "Proefhoofdstuk: de ĳsbaan en de “officiële” kaart";
let manuscript: Manuscript;
let epub: Uint8Array;
let entries: Map<string, string>;
let file: string;
let imageName: string;
let toolName: string;
const steps: { percent: number; step: ExportStep }[] = [];
// Both checkers start as soon as the book exists and run side by side (a JVM and a browser).
let epubcheck: Promise<Awaited<ReturnType<typeof runEpubcheck>> | Error>;
let ace: Promise<Awaited<ReturnType<typeof runAce>> | Error>;
let reExport: { stats: { converted: number; reused: number }; entries: Map<string, string> };
let changedExport: { stats: { converted: number; reused: number }; entries: Map<string, string> };

beforeAll(async () => {
  await loadDemoData(db);
  await db.chapter.updateMany({ data: { status: "published" } });
  const book = await db.book.findFirstOrThrow();
  const png = await readFile(path.resolve(import.meta.dirname, "../chapter-files/fixtures/every-node/alle-onderdelen/images/1f9f742ed11ba208a521276cc1c89d309fc8549620c077f2d135bc06c3596931.png"));
  imageName = await storeImage(png, detectImageType(png)!);
  const tool = await db.tool.findFirstOrThrow({ where: { published: true }, orderBy: { name: "desc" } });
  toolName = tool.name;
  const lastPart = await db.part.findFirstOrThrow({ where: { bookId: book.id }, orderBy: { position: "desc" } });
  const organisation = await db.organisation.findFirstOrThrow({ orderBy: { name: "asc" } });
  const html = (await readFile(path.resolve(import.meta.dirname, "fixtures/epub-proof-chapter.html"), "utf8"))
    .replace("{{image}}", `/uploads/${imageName}`)
    .replace("{{tool}}", tool.slug);
  await createChapter({ bookId: book.id, partId: lastPart.id, status: "published", organisationIds: [organisation.id], title: PROOF_TITLE, bodyHtml: html });
  manuscript = await loadManuscript(book.id, "published");
  epub = await renderEpub(manuscript, (percent, step) => steps.push({ percent, step }));
  entries = epubEntries(epub);
  file = await epubFile(epub, "demo-book.epub");
  epubcheck = runEpubcheck(file).catch((error: Error) => error);
  ace = runAce(file).catch((error: Error) => error);
  reExport = await exportWithStats(manuscript);
  changedExport = await exportWithStats(withNewFirstParagraph(manuscript));
  // The checkers need the two cores more than idle pandoc workers warming up do.
  await pandocPool().close();
}, 150_000);

afterAll(() => pandocPool().close());

async function exportWithStats(m: Manuscript) {
  const stats = { converted: 0, reused: 0 };
  return { stats, entries: epubEntries(await renderEpub(m, undefined, stats)) };
}

function withNewFirstParagraph(m: Manuscript): Manuscript {
  const [firstPart, ...otherParts] = m.parts;
  const [first, ...rest] = firstPart!.chapters;
  const doc = { ...first!.doc, content: [{ type: "paragraph", content: [{ type: "text", text: "Een nieuwe eerste alinea." }] }, ...(first!.doc.content ?? [])] };
  return { ...m, parts: [{ ...firstPart!, chapters: [{ ...first!, doc, hash: hashDocument(doc) }, ...rest] }, ...otherParts] };
}

const contentDocuments = () => [...entries].filter(([name]) => name.endsWith(".xhtml"));
const proofChapter = () => contentDocuments().find(([, text]) => text.includes(`<title>${PROOF_TITLE}</title>`))?.[1] ?? "";

// Generous timeouts: on two idle cores the checkers take ~10 s and ~30 s, but they are a JVM and
// a browser, and the machines here are often shared.
test("epubcheck finds no errors and no warnings", async () => {
  const result = await epubcheck;
  if (result instanceof Error) throw result;
  expect(result.messages).toEqual([]);
  expect(result).toMatchObject({ fatals: 0, errors: 0, warnings: 0 });
}, 300_000);

test("DAISY Ace finds no violations of any impact", async () => {
  const result = await ace;
  if (result instanceof Error) throw result;
  expect(result.violations).toEqual([]);
  expect(result.outcome).toBe("pass");
}, 300_000);

test("no script, event handler or javascript: link reaches any file of the EPUB", () => {
  expect(proofChapter()).toContain("Een plaatje dat kwaad wil");
  for (const [name, text] of entries) {
    expect(text, name).not.toMatch(/<script|javascript:|\son(error|click|load)\s*=|kapittelHacked/i);
  }
  // The dangerous link's text stays, as text; the safe links stay links.
  expect(proofChapter()).toMatch(/en een gevaarlijke koppeling, een <a href="https:\/\/example.org\/veilig">veilige koppeling<\/a> en <a href="mailto:redactie@example.org">e-mail<\/a>/);
});

test("notes, the table, the image, the tool card and Dutch typography survive", () => {
  const chapter = proofChapter();
  expect(chapter).toContain(`<h1 id="chapter-title">${PROOF_TITLE}</h1>`);
  expect(chapter).toContain("De ‘ruimtelijke’ ĳsbaan van de “officiële” gemeente: één beïnvloedbare categorieën-tekst.");
  // Two notes as EPUB footnotes, referenced from the text and linking back.
  expect(chapter.match(/<a href="#fn\d" id="fnref\d" class="footnote-ref" epub:type="noteref" role="doc-noteref"/g)).toHaveLength(2);
  expect(chapter).toMatch(/<aside id="fn1" class="footnote" epub:type="footnote" role="doc-footnote">\s*<p><a href="#fnref1"[^>]*role="doc-backlink"[^>]*>1\.<\/a> Eerste noot met <em>nadruk<\/em> en een <a href="https:\/\/example.org\/bron">bron<\/a>\.<\/p>/);
  expect(chapter).toContain("Tweede noot: “aanhalingstekens”.");
  expect(chapter).toMatch(/<table>[\s\S]*<th>Vorm<\/th>[\s\S]*<td>Verordening<\/td>[\s\S]*<\/table>/);
  expect(chapter).toContain(`<img src="../images/${imageName}" alt="Een stadsplattegrond met drie gekleurde wijken" />`);
  expect(entries.has(`EPUB/images/${imageName}`)).toBe(true);
  // The image that does not exist is left out rather than linked to nothing.
  expect(chapter).not.toContain("doesnotexist");
  expect(chapter).toMatch(new RegExp(`<div class="tool-card" role="note" aria-label="Uit de gereedschapskist: [^"]+">[\\s\\S]*<strong>${escapeRegExp(toolName.replace(/&/g, "&amp;"))}</strong>`));
  expect(chapter).not.toContain("\ufffd");
});

test("the navigation document lists parts and chapters in book order, with landmarks", () => {
  const nav = entries.get("EPUB/text/nav.xhtml")!;
  expect(nav).toContain('<nav class="toc" epub:type="toc" role="doc-toc"');
  expect(nav).toMatch(/<nav epub:type="landmarks"[\s\S]*epub:type="cover"[\s\S]*epub:type="toc"[\s\S]*epub:type="bodymatter"/);
  const listed = [...nav.matchAll(/<a href="(chapter-\d+)\.xhtml">([^<]*)<\/a>/g)].map((match) => unescapeXml(match[2]!));
  const expected = manuscript.parts.flatMap((part) => part.chapters.map((chapter) => chapter.title));
  expect(expected.length).toBeGreaterThan(10);
  expect(listed).toEqual(expected);
  expect(expected.at(-1)).toBe(PROOF_TITLE);
  // The spine reads them in the same order, one file per chapter.
  const opf = entries.get("EPUB/content.opf")!;
  const spine = [...opf.matchAll(/<itemref idref="(chapter-\d+)"/g)].map((match) => match[1]);
  expect(spine).toEqual(expected.map((_, i) => `chapter-${String(i + 1).padStart(3, "0")}`));
  for (const [i, title] of expected.entries()) {
    expect(entries.get(`EPUB/text/chapter-${String(i + 1).padStart(3, "0")}.xhtml`)).toContain(`<title>${escapeXml(title)}</title>`);
  }
});

test("the package carries language, identifier and accessibility metadata, and the font with its licence", () => {
  const opf = entries.get("EPUB/content.opf")!;
  expect(opf).toMatch(/<package [^>]*xml:lang="nl"/);
  expect(opf).toContain("<dc:language>nl</dc:language>");
  expect(opf).toMatch(/<dc:identifier id="book-id">urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}<\/dc:identifier>/);
  for (const property of ["schema:accessMode", "schema:accessModeSufficient", "schema:accessibilityFeature", "schema:accessibilityHazard", "schema:accessibilitySummary"]) {
    expect(opf).toContain(`<meta property="${property}">`);
  }
  expect(opf).toContain('<meta property="dcterms:conformsTo">EPUB Accessibility 1.1 - WCAG 2.1 Level AA</meta>');
  expect(opf).toContain('properties="cover-image"');
  expect(opf).toContain('properties="nav"');
  const fonts = [...entries.keys()].filter((name) => name.endsWith(".ttf"));
  expect(fonts).toHaveLength(4);
  expect(entries.get("EPUB/styles/book.css")).toContain('font-family: "EB Garamond"');
  expect(entries.get("EPUB/text/font-licence.xhtml")).toContain("SIL OPEN FONT LICENSE Version 1.1");
  expect(entries.get("EPUB/text/colophon.xhtml")).toContain('href="font-licence.xhtml"');
  // Every content document declares the book's language.
  for (const [name, text] of contentDocuments()) expect(text, name).toMatch(/<html [^>]*lang="nl" xml:lang="nl"/);
});

test("progress goes through the export steps in order up to 100 %", () => {
  const order: ExportStep[] = ["exports.step.preparing", "exports.step.chapters", "exports.step.assembling", "exports.step.checking"];
  expect([...new Set(steps.map((s) => s.step))]).toEqual(order);
  for (let i = 1; i < steps.length; i++) expect(steps[i]!.percent).toBeGreaterThanOrEqual(steps[i - 1]!.percent);
  expect(steps.at(-1)).toEqual({ percent: 100, step: "exports.step.checking" });
});

test("a re-export converts only the chapter that changed", () => {
  const chapters = manuscript.parts.flatMap((p) => p.chapters).length;
  expect(reExport.stats).toEqual({ converted: 0, reused: chapters });
  expect(reExport.entries.get("EPUB/text/chapter-001.xhtml")).toBe(entries.get("EPUB/text/chapter-001.xhtml"));
  expect(changedExport.stats).toEqual({ converted: 1, reused: chapters - 1 });
  expect(changedExport.entries.get("EPUB/text/chapter-001.xhtml")).toContain("<p>Een nieuwe eerste alinea.</p>");
  expect(changedExport.entries.get("EPUB/text/chapter-002.xhtml")).toBe(entries.get("EPUB/text/chapter-002.xhtml"));
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}
function unescapeXml(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");
}
