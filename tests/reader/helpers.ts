import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { storeByHash } from "#app/models/content-store.server.ts";
import { editionChapterRows } from "#app/models/editions.server.ts";
import { EXPORTS_FOLDER } from "#app/models/export-jobs.server.ts";
import { detectImageType, storeImage } from "#app/models/images.server.ts";
import { db } from "#app/utils/db.server.ts";
import { loadManuscript } from "#server/export/manuscript.ts";
import { createBook, createChapter, createOrganisation, TEST_PRICING } from "#tests/factories.ts";

/**
 * Freezes a book's published chapters as its next edition the way freezeEdition does (same HTML,
 * same text), but without queueing its EPUB and PDF: route tests need the edition's pages, not
 * its files, and an export in the background would only slow them down.
 */
export async function freezeWithoutFiles(bookId: string, note = ""): Promise<{ id: string; number: number }> {
  const manuscript = await loadManuscript(bookId, "published");
  const last = await db.edition.findFirst({ where: { bookId }, orderBy: { number: "desc" }, select: { number: true } });
  return db.edition.create({
    data: {
      bookId,
      number: (last?.number ?? 0) + 1,
      note,
      metadataJson: "{}",
      chapters: {
        create: editionChapterRows(manuscript),
      },
    },
    select: { id: true, number: true },
  });
}

/** The JavaScript files a page's HTML loads (module scripts and modulepreload links). */
export function scriptUrls(html: string, base: string): string[] {
  const sources = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)"/g), ...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g), ...html.matchAll(/import\s*(?:[^"']*from\s*)?["']([^"']+\.js)["']/g)].map((match) => match[1]!);
  return [...new Set(sources.map((source) => new URL(source, base).href))];
}

/**
 * Gives an edition a stored EPUB or PDF the way the export job does (content store + size), so
 * the book page and the download route can be tested without running pandoc or Typst.
 */
export async function attachEditionFile(editionId: string, format: "epub" | "pdf", bytes: Uint8Array): Promise<void> {
  const file = await storeByHash(EXPORTS_FOLDER, bytes, format);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  await db.edition.update({
    where: { id: editionId },
    data: format === "epub" ? { epubFile: file, epubBytes: bytes.length, epubSha256: sha256 } : { pdfFile: file, pdfBytes: bytes.length, pdfSha256: sha256 },
  });
}

/** A 2×2 PNG from the chapter-file fixtures, for chapter images and partner logos. */
export const PNG_2X2 = readFileSync(new URL("../chapter-files/fixtures/every-node/alle-onderdelen/images/1f9f742ed11ba208a521276cc1c89d309fc8549620c077f2d135bc06c3596931.png", import.meta.url));

/**
 * The book the reader tests read: two parts, four published chapters (one with a footnote and an
 * image, one carrying script in its text), a draft, two partners (one with a logo), print pricing,
 * and two editions: edition 1 of the first three chapters, then edition 2 after a fourth was
 * published. Returns what the tests look up.
 */
export async function createReadableBook() {
  const logo = await storeImage(PNG_2X2, detectImageType(PNG_2X2)!);
  const amersfoort = await createOrganisation({ name: "Gemeente Amersfoort" });
  await db.organisation.update({ where: { id: amersfoort.id }, data: { logo } });
  const civity = await createOrganisation({ name: "Civity", kind: "company" });
  const { book, part } = await createBook({ title: "Zo bestuur je een slimme stad" });
  await db.book.update({ where: { id: book.id }, data: { blurb: "Tien partners schrijven samen over slim besturen.\nHet boek voor bestuurders en ambtenaren.", language: "nl" } });
  const secondPart = await db.part.create({ data: { bookId: book.id, slug: "deel-2", title: "Deel twee", position: 2 } });
  const image = await storeImage(PNG_2X2, detectImageType(PNG_2X2)!);
  const first = await createChapter({
    bookId: book.id,
    partId: part.id,
    status: "published",
    organisationIds: [amersfoort.id],
    title: "De ambtenaar als vertaler",
    bodyHtml: `<p>Een digitale tweeling helpt.<sup><a href="#fn-1" id="fnref-1" data-footnote-ref>1</a></sup> Zo werkt het.</p><img src="/uploads/${image}" alt="Kaart van de wijk"><section data-footnotes class="footnotes"><ol><li id="fn-1"><p>Zie de Omgevingswet. <a href="#fnref-1" data-footnote-backref>↩</a></p></li></ol></section>`,
  });
  const second = await createChapter({
    bookId: book.id,
    partId: part.id,
    status: "published",
    organisationIds: [civity.id],
    title: "Wat een digital twin laat zien",
    bodyHtml: `<p>Veilige tekst<script>alert("x")</script><img src="x" onerror="alert(1)"> en <a href="javascript:alert(2)">een link</a> <a href="https://example.org/bron" onclick="alert(3)">bron</a>.</p>`,
  });
  const third = await createChapter({ bookId: book.id, partId: secondPart.id, status: "published", organisationIds: [amersfoort.id, civity.id], title: "Burgers aan tafel" });
  const draft = await createChapter({ bookId: book.id, partId: secondPart.id, status: "draft", organisationIds: [civity.id], title: "Concept over netwerken" });
  const edition1 = await freezeWithoutFiles(book.id, "Eerste editie");
  const fourth = await createChapter({ bookId: book.id, partId: secondPart.id, status: "published", organisationIds: [civity.id], title: "Netwerken als fundament" });
  const edition2 = await freezeWithoutFiles(book.id, "Tweede editie");
  const { discountTiers, ...amounts } = TEST_PRICING;
  await db.bookPricing.create({ data: { bookId: book.id, ...amounts, discountTiersJson: JSON.stringify(discountTiers) } });
  return { book, amersfoort, civity, logo, image, chapters: { first, second, third, fourth, draft }, edition1, edition2 };
}
