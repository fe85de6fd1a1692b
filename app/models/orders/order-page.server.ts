import type { BookPricingRules } from "#app/common/order-pricing.ts";
import { db } from "#app/utils/db.server.ts";
import { findBookPricing } from "./pricing.server.ts";

/** What the order form needs: the book, its frozen editions (latest first) and its print pricing. */
export async function orderPageData(bookSlug: string): Promise<{
  book: { id: string; slug: string; title: string };
  editions: { id: string; number: number; frozenAt: Date }[];
  pricing: BookPricingRules | null;
} | null> {
  const book = await db.book.findUnique({
    where: { slug: bookSlug },
    select: { id: true, slug: true, title: true, editions: { orderBy: { number: "desc" }, select: { id: true, number: true, frozenAt: true } } },
  });
  if (!book) return null;
  const { editions, ...rest } = book;
  return { book: rest, editions, pricing: await findBookPricing(book.id) };
}
