import { parseDiscountTiers, type BookPricingRules } from "#app/common/order-pricing.ts";
import { db } from "#app/utils/db.server.ts";

/** A book's print pricing, or null when the book is not for sale in print. */
export async function findBookPricing(bookId: string): Promise<BookPricingRules | null> {
  const pricing = await db.bookPricing.findUnique({ where: { bookId } });
  if (!pricing) return null;
  return {
    unitPriceCents: pricing.unitPriceCents,
    discountTiers: parseDiscountTiers(pricing.discountTiersJson),
    shippingNlCents: pricing.shippingNlCents,
    shippingEuCents: pricing.shippingEuCents,
    shippingWorldCents: pricing.shippingWorldCents,
  };
}

export async function saveBookPricing(bookId: string, rules: BookPricingRules): Promise<void> {
  const data = {
    unitPriceCents: rules.unitPriceCents,
    discountTiersJson: JSON.stringify(rules.discountTiers),
    shippingNlCents: rules.shippingNlCents,
    shippingEuCents: rules.shippingEuCents,
    shippingWorldCents: rules.shippingWorldCents,
  };
  await db.bookPricing.upsert({ where: { bookId }, create: { bookId, ...data }, update: data });
}

/** Takes a book off sale in print: without pricing the order form refuses every order. */
export async function removeBookPricing(bookId: string): Promise<void> {
  await db.bookPricing.deleteMany({ where: { bookId } });
}

/** Every book with whether it is for sale and at what unit price, for the sale settings page. */
export async function listBooksWithPricing(): Promise<{ id: string; slug: string; title: string; unitPriceCents: number | null }[]> {
  const books = await db.book.findMany({ orderBy: { title: "asc" }, select: { id: true, slug: true, title: true, pricing: { select: { unitPriceCents: true } } } });
  return books.map(({ pricing, ...book }) => ({ ...book, unitPriceCents: pricing?.unitPriceCents ?? null }));
}
