/**
 * What an order for printed copies costs. The only place prices are computed: the order form shows
 * this breakdown and the server stores it; nothing the browser sends about money is read.
 *
 * The rule, as the order form explains it to buyers:
 * - unit price from the book's pricing, minus the highest volume discount the quantity reaches;
 * - shipping per order by destination: the Netherlands, the rest of the EU, or elsewhere;
 * - VAT 9 % (books in the Netherlands) on goods and shipping, shown separately — except for an
 *   organisation in another EU country with a VAT number (reverse charge: the buyer accounts for
 *   VAT) and for deliveries outside the EU (export: no Dutch VAT).
 */

export const BOOK_VAT_BASIS_POINTS = 900;
export const MIN_ORDER_QUANTITY = 1;
export const MAX_ORDER_QUANTITY = 500;

/** EU member states other than the Netherlands (ISO 3166-1 alpha-2). */
const OTHER_EU_COUNTRIES = new Set([
  "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT", "PL", "PT", "RO", "SE", "SI", "SK",
]);

export type DiscountTier = { minQuantity: number; percent: number };

export type BookPricingRules = {
  unitPriceCents: number;
  discountTiers: DiscountTier[];
  shippingNlCents: number;
  shippingEuCents: number;
  shippingWorldCents: number;
};

export type Destination = "nl" | "eu" | "world";
export type VatTreatment = "standard" | "reverse_charge" | "export";

export type OrderPriceInput = {
  quantity: number;
  customerType: "individual" | "organisation";
  /** Where the books go (the delivery country, else the billing country). */
  destinationCountry: string;
  vatNumber: string;
};

export type OrderPrice = {
  quantity: number;
  unitPriceCents: number;
  discountPercent: number;
  subtotalCents: number;
  discountCents: number;
  shippingCents: number;
  destination: Destination;
  vatTreatment: VatTreatment;
  vatRateBasisPoints: number;
  vatCents: number;
  totalCents: number;
};

export function destinationOf(country: string): Destination {
  const code = country.trim().toUpperCase();
  if (code === "NL") return "nl";
  return OTHER_EU_COUNTRIES.has(code) ? "eu" : "world";
}

/** The highest discount whose minimum quantity is reached (0 when none is). */
export function discountFor(quantity: number, tiers: DiscountTier[]): number {
  return tiers.filter((tier) => quantity >= tier.minQuantity).reduce((best, tier) => Math.max(best, tier.percent), 0);
}

/** The full breakdown of an order, in whole cents (rounded half up at each step a person can check). */
export function priceOrder(rules: BookPricingRules, input: OrderPriceInput): OrderPrice {
  if (!Number.isInteger(input.quantity) || input.quantity < MIN_ORDER_QUANTITY || input.quantity > MAX_ORDER_QUANTITY) {
    throw new RangeError(`quantity must be a whole number from ${MIN_ORDER_QUANTITY} to ${MAX_ORDER_QUANTITY}`);
  }
  const destination = destinationOf(input.destinationCountry);
  const discountPercent = discountFor(input.quantity, rules.discountTiers);
  const subtotalCents = rules.unitPriceCents * input.quantity;
  const discountCents = Math.round((subtotalCents * discountPercent) / 100);
  const shippingCents = destination === "nl" ? rules.shippingNlCents : destination === "eu" ? rules.shippingEuCents : rules.shippingWorldCents;
  const vatTreatment: VatTreatment =
    destination === "world" ? "export" : destination === "eu" && input.customerType === "organisation" && input.vatNumber.trim() !== "" ? "reverse_charge" : "standard";
  const vatRateBasisPoints = vatTreatment === "standard" ? BOOK_VAT_BASIS_POINTS : 0;
  const taxableCents = subtotalCents - discountCents + shippingCents;
  const vatCents = Math.round((taxableCents * vatRateBasisPoints) / 10_000);
  return {
    quantity: input.quantity,
    unitPriceCents: rules.unitPriceCents,
    discountPercent,
    subtotalCents,
    discountCents,
    shippingCents,
    destination,
    vatTreatment,
    vatRateBasisPoints,
    vatCents,
    totalCents: taxableCents + vatCents,
  };
}

/** Discount tiers as stored (JSON), keeping only sensible ones, sorted by quantity. */
export function parseDiscountTiers(json: string): DiscountTier[] {
  try {
    const value: unknown = JSON.parse(json);
    if (!Array.isArray(value)) return [];
    return value
      .filter(
        (tier): tier is DiscountTier =>
          typeof tier === "object" && tier !== null && Number.isInteger(tier.minQuantity) && tier.minQuantity > 1 && Number.isInteger(tier.percent) && tier.percent > 0 && tier.percent < 100,
      )
      .map(({ minQuantity, percent }) => ({ minQuantity, percent }))
      .sort((a, b) => a.minQuantity - b.minQuantity);
  } catch {
    return [];
  }
}
