import { afterAll, beforeAll, expect, test } from "vitest";
import { db } from "#app/utils/db.server.ts";
import type { ExportStep } from "#server/export/progress.ts";
import { loadManuscript, type Manuscript } from "#server/export/manuscript.ts";
import { renderPdf } from "#server/export/pdf/index.ts";
import { stopTypstWorker } from "#server/export/pdf/typst-compiler.ts";
import { loadDemoData } from "../../prisma/demo-data.ts";
import { pdfBookmarks, pdfFile, pdfFonts, pdfInfo, pdfStructure, pdfText, pdfXmp, renderPages } from "./fixtures/pdf-poppler.ts";

// The demo book (chapters/), loaded as the seed does, every chapter published, exported as the
// export job would: the real manuscript, the real compiler, checked with poppler-utils.
let manuscript: Manuscript;
let file: string;
const steps: { percent: number; step: ExportStep }[] = [];
let seconds = 0;

beforeAll(async () => {
  await loadDemoData(db);
  await db.chapter.updateMany({ data: { status: "published" } });
  const book = await db.book.findFirstOrThrow();
  manuscript = await loadManuscript(book.id, "published");
  const started = performance.now();
  const pdf = await renderPdf(manuscript, (percent, step) => steps.push({ percent, step }));
  seconds = (performance.now() - started) / 1000;
  file = await pdfFile(pdf, "demo-book.pdf");
}, 120_000);

afterAll(stopTypstWorker);

test("the demo book has every chapter, in book order", async () => {
  // pdftotext joins a title broken after a hyphen ("mede-⏎eigenaarschap") without it: compare without hyphens.
  const text = (await pdfText(file)).replace(/-/g, "").replace(/\s+/g, " ");
  const titles = manuscript.parts.flatMap((part) => [part.title, ...part.chapters.map((chapter) => chapter.title)]);
  expect(titles.length).toBeGreaterThan(10);
  // After the table of contents (which lists them all too), each title appears in order.
  let position = text.indexOf("Hoofdstuk 1".toUpperCase()) - 1;
  expect(position).toBeGreaterThan(0);
  for (const title of manuscript.parts.flatMap((part) => part.chapters.map((chapter) => chapter.title))) {
    const next = text.indexOf(title.replace(/-/g, ""), position + 1);
    expect(next, title).toBeGreaterThan(position);
    position = next;
  }
});

test("every font is embedded, and it is EB Garamond only", async () => {
  const fonts = await pdfFonts(file);
  expect(fonts.length).toBeGreaterThan(0);
  for (const font of fonts) {
    expect(font.embedded, font.name).toBe(true);
    expect(font.name).toMatch(/^[A-Z]{6}\+EBGaramond-/);
  }
  expect(fonts.map((font) => font.name.split("+")[1])).toEqual(expect.arrayContaining(["EBGaramond-Regular", "EBGaramond-Italic"]));
});

test("Dutch characters come through intact", async () => {
  const text = await pdfText(file);
  for (const word of ["één", "Eén", "officiële", "beïnvloeden", "kopieën", "categorieën", "‘s ochtends".replace("‘", "’")]) expect(text).toContain(word);
  expect(text).not.toContain("\ufffd");
});

test("metadata, page format, tagging and PDF/UA-1", async () => {
  const info = await pdfInfo(file);
  expect(info.Title).toBe("Zo bestuur je een slimme stad");
  expect(info.Tagged).toBe("yes");
  expect(info["Page size"]).toBe("481.89 x 680.315 pts"); // 170 × 240 mm
  const pages = Number(info.Pages);
  expect(pages).toBeGreaterThanOrEqual(30);
  expect(pages).toBeLessThanOrEqual(80);
  const xmp = await pdfXmp(file);
  expect(xmp).toContain("<pdfuaid:part>1</pdfuaid:part>");
  expect(xmp).toContain("<dc:language><rdf:Bag><rdf:li>nl</rdf:li>");
  const structure = await pdfStructure(file);
  for (const tag of ["H1", "H2", "H3", "P", "L", "TOC", "Note"]) expect(structure).toMatch(new RegExp(`^\\s*${tag}\\b`, "m"));
});

test("bookmarks: contents, parts with their chapters nested, back matter", async () => {
  const bookmarks = await pdfBookmarks(file);
  const titles = bookmarks.map((bookmark) => bookmark.title);
  expect(titles).toContain("Inhoud");
  expect(titles).toContain("Over de partners");
  for (const part of manuscript.parts) {
    const partBookmark = bookmarks.find((bookmark) => bookmark.title === part.title);
    expect(partBookmark?.depth, part.title).toBe(1);
    for (const chapter of part.chapters) expect(bookmarks.find((bookmark) => bookmark.title === chapter.title)?.depth, chapter.title).toBe(2);
  }
  // Bookmarks point at increasing pages in book order.
  const pages = bookmarks.map((bookmark) => bookmark.page);
  expect([...pages].sort((a, b) => a - b)).toEqual(pages);
});

test("the table of contents gives each chapter's page number", async () => {
  const contents = await pdfText(file, { first: 5, last: 6 });
  expect(contents).toContain("Inhoud");
  const bookmarks = await pdfBookmarks(file);
  const firstChapter = manuscript.parts[0]!.chapters[0]!;
  const opening = bookmarks.find((bookmark) => bookmark.title === firstChapter.title)!;
  const line = contents.split("\n").find((entry) => entry.startsWith(firstChapter.title.slice(0, 20)))!;
  // Printed numbers start at 1 on the first part page (after the roman-numbered front matter).
  const firstPart = bookmarks.find((bookmark) => bookmark.title === manuscript.parts[0]!.title)!;
  expect(line.replace(/[\s.\u2060]+$/, "")).toMatch(new RegExp(`${opening.page - firstPart.page + 1}$`));
});

test("progress runs through the steps in order, ending at 100", () => {
  expect(steps[0]).toEqual({ percent: 0, step: "exports.step.preparing" });
  expect(steps.at(-1)).toEqual({ percent: 100, step: "exports.step.checking" });
  const percents = steps.map((entry) => entry.percent);
  expect([...percents].sort((a, b) => a - b)).toEqual(percents);
  const order = ["exports.step.preparing", "exports.step.chapters", "exports.step.assembling", "exports.step.checking"];
  const seen = [...new Set(steps.map((entry) => entry.step))];
  expect(seen).toEqual(order);
});

test("a second export reuses the warm compiler and is fast", async () => {
  const started = performance.now();
  const again = await renderPdf(manuscript);
  const warm = (performance.now() - started) / 1000;
  expect(again.byteLength).toBeGreaterThan(10_000);
  // Generous bounds: nine people share two cores while the tests run.
  expect(seconds).toBeLessThan(60);
  expect(warm).toBeLessThan(20);
});

test("pages rendered for a person to look at (/tmp/pdf/demo-*.png)", async () => {
  const images = await renderPages(file, "/tmp/pdf", "demo", [1, 3, 4, 5, 7, 9, 10], 70);
  expect(images).toHaveLength(7);
});
