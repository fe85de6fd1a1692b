import { imageUrl } from "#app/models/images.server.ts";
import { findBookPricing } from "#app/models/orders/pricing.server.ts";
import { db } from "#app/utils/db.server.ts";
import { editionContents, findCurrentEdition, summarise, type EditionTocEntry } from "./edition-reading.server.ts";

/**
 * What the public book page shows besides the live contents (app/models/books.server.ts): the
 * cover, the partners who wrote it, its editions with their files, the current edition's table of
 * contents for reading online, and whether printed copies can be ordered.
 */
export async function bookPageData(bookId: string) {
  const [book, editions, pricing, current, partners] = await Promise.all([
    db.book.findUniqueOrThrow({ where: { id: bookId }, select: { slug: true, coverImage: true, blurb: true, subtitle: true, title: true } }),
    db.edition.findMany({
      where: { bookId },
      orderBy: { number: "desc" },
      select: { number: true, frozenAt: true, note: true, epubFile: true, epubBytes: true, pdfFile: true, pdfBytes: true, _count: { select: { chapters: true } } },
    }),
    findBookPricing(bookId),
    findCurrentEdition(bookId),
    bookPartners(bookId),
  ]);
  const contents: EditionTocEntry[] = current ? await editionContents(current.id) : [];
  return {
    cover: coverOf(book),
    description: summarise(book.blurb || book.subtitle || book.title, 200),
    partners,
    editions: editions.map((edition) => ({
      number: edition.number,
      frozenAt: edition.frozenAt,
      note: edition.note,
      chapters: edition._count.chapters,
      epubBytes: edition.epubFile ? edition.epubBytes : null,
      pdfBytes: edition.pdfFile ? edition.pdfBytes : null,
    })),
    current: current ? { number: current.number, frozenAt: current.frozenAt, contents } : null,
    // Printed copies are of an edition, so a book needs pricing and at least one edition.
    forSale: pricing !== null && current !== null,
  };
}

/** A book's cover: the uploaded image, or the typeset one made from its title (book-cover route). */
export function coverOf(book: { slug: string; coverImage: string | null }): { url: string; uploaded: boolean } {
  return book.coverImage ? { url: imageUrl(book.coverImage), uploaded: true } : { url: `/boek/${book.slug}/omslag.svg`, uploaded: false };
}

/** The organisations credited on the book's published chapters, in name order, with their logos. */
async function bookPartners(bookId: string) {
  const organisations = await db.organisation.findMany({
    where: { chapters: { some: { chapter: { bookId, status: "published" } } } },
    orderBy: { name: "asc" },
    select: { slug: true, name: true, logo: true },
  });
  return organisations.map(({ logo, ...organisation }) => ({ ...organisation, logoUrl: logo ? imageUrl(logo) : null }));
}
