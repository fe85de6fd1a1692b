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
