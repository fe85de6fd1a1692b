import { freezeEdition } from "#app/models/editions.server.ts";
import { saveBookPricing } from "#app/models/orders/pricing.server.ts";
import { saveSellerDetails } from "#app/models/orders/seller.server.ts";
import type { Db } from "#app/utils/db.server.ts";
import { claimNextJob } from "#server/export/jobs/runner.ts";
import { runJob } from "#server/export/jobs/run-job.ts";

/** The demo book's print price: €24,95 a copy (excl. VAT), 10+ copies 10 % off, 50+ 20 %. */
export const DEMO_PRICING = {
  unitPriceCents: 2495,
  discountTiers: [
    { minQuantity: 10, percent: 10 },
    { minQuantity: 50, percent: 20 },
  ],
  shippingNlCents: 695,
  shippingEuCents: 1495,
  shippingWorldCents: 2495,
};

/** The demo seller on the invoices (invented details; the IBAN is the standard example number). */
export const DEMO_SELLER = {
  name: "Future City Foundation",
  address: "Stationsplein 45\n3511 ED Utrecht",
  chamberOfCommerce: "12345678",
  vatNumber: "NL001234567B01",
  iban: "NL91ABNA0417164300",
  email: "boeken@futurecityfoundation.example",
  paymentTermDays: 30,
};

/**
 * Puts the demo book on sale: its print pricing and the seller's details. Separate from
 * loadDemoData so the many tests that load the demo do not get a book for sale unasked.
 */
export async function putDemoBookOnSale(db: Db, bookSlug = "zo-bestuur-je-een-slimme-stad"): Promise<void> {
  const book = await db.book.findUniqueOrThrow({ where: { slug: bookSlug }, select: { id: true } });
  await saveBookPricing(book.id, DEMO_PRICING);
  await saveSellerDetails(DEMO_SELLER);
}

/**
 * Freezes the demo book's published chapters as edition 1 and makes its EPUB and PDF right here
 * (no server runs during the seed), so a fresh install can be read, downloaded and ordered at
 * once. The export takes the most time of the seed: pandoc-wasm and Typst start cold.
 */
export async function freezeDemoEdition(db: Db, bookSlug = "zo-bestuur-je-een-slimme-stad"): Promise<{ number: number }> {
  const book = await db.book.findUniqueOrThrow({ where: { slug: bookSlug }, select: { id: true } });
  const editor = await db.user.findFirstOrThrow({ where: { role: "editor" }, orderBy: { createdAt: "asc" }, select: { id: true } });
  const outcome = await freezeEdition({ bookId: book.id, userId: editor.id, note: "Eerste editie" });
  if (outcome.status !== "frozen") throw new Error("The demo book has no published chapters to freeze.");
  // Only this edition's jobs exist in a fresh database; run them one after the other, as the server would.
  for (let job = await claimNextJob(); job; job = await claimNextJob()) {
    await runJob(job, { eventMs: 1_000, databaseMs: 1_000 });
  }
  const edition = await db.edition.findUniqueOrThrow({ where: { id: outcome.editionId }, select: { number: true, epubFile: true, pdfFile: true } });
  const failed = await db.exportJob.findMany({ where: { editionId: outcome.editionId, status: "failed" }, select: { format: true, error: true } });
  if (!edition.epubFile || !edition.pdfFile) throw new Error(`The demo edition's files could not be made: ${JSON.stringify(failed)}`);
  return { number: edition.number };
}
