import { describe, expect, test } from "vitest";
import { destinationOf, discountFor, parseDiscountTiers, priceOrder, type BookPricingRules } from "./order-pricing.ts";

const rules: BookPricingRules = {
  unitPriceCents: 2950,
  discountTiers: [
    { minQuantity: 10, percent: 10 },
    { minQuantity: 50, percent: 20 },
  ],
  shippingNlCents: 695,
  shippingEuCents: 1495,
  shippingWorldCents: 2995,
};
const municipality = { customerType: "organisation" as const, destinationCountry: "NL", vatNumber: "NL001234567B01" };

describe("priceOrder", () => {
  test("one copy to a Dutch reader: price, shipping and 9 % VAT on both", () => {
    expect(priceOrder(rules, { quantity: 1, customerType: "individual", destinationCountry: "NL", vatNumber: "" })).toEqual({
      quantity: 1,
      unitPriceCents: 2950,
      discountPercent: 0,
      subtotalCents: 2950,
      discountCents: 0,
      shippingCents: 695,
      destination: "nl",
      vatTreatment: "standard",
      vatRateBasisPoints: 900,
      vatCents: 328, // 9 % of 36.45 = 3.2805
      totalCents: 3973,
    });
  });

  test("25 copies for a municipality reach the 10+ tier, 50 the 50+ tier, 9 stay without", () => {
    const at = (quantity: number) => priceOrder(rules, { ...municipality, quantity });
    expect(at(9).discountPercent).toBe(0);
    const twentyFive = at(25);
    expect(twentyFive).toMatchObject({ subtotalCents: 73_750, discountPercent: 10, discountCents: 7375, shippingCents: 695, vatCents: 6036, totalCents: 73_106 });
    expect(twentyFive.totalCents).toBe(twentyFive.subtotalCents - twentyFive.discountCents + twentyFive.shippingCents + twentyFive.vatCents);
    expect(at(50).discountPercent).toBe(20);
    expect(at(500).discountPercent).toBe(20);
  });

  test("VAT: reverse charge for an EU organisation with a VAT number, none outside the EU, 9 % for EU individuals", () => {
    expect(priceOrder(rules, { quantity: 2, customerType: "organisation", destinationCountry: "BE", vatNumber: "BE0123456789" })).toMatchObject({
      destination: "eu",
      shippingCents: 1495,
      vatTreatment: "reverse_charge",
      vatCents: 0,
    });
    expect(priceOrder(rules, { quantity: 2, customerType: "individual", destinationCountry: "de", vatNumber: "" })).toMatchObject({ destination: "eu", vatTreatment: "standard", vatRateBasisPoints: 900 });
    expect(priceOrder(rules, { quantity: 2, customerType: "organisation", destinationCountry: "NO", vatNumber: "" })).toMatchObject({
      destination: "world",
      shippingCents: 2995,
      vatTreatment: "export",
      vatCents: 0,
    });
    // A Dutch organisation always pays Dutch VAT, VAT number or not.
    expect(priceOrder(rules, { ...municipality, quantity: 1 }).vatTreatment).toBe("standard");
  });

  test.each([0, -1, 501, 1.5, Number.NaN, 1e9])("refuses a quantity of %s", (quantity) => {
    expect(() => priceOrder(rules, { ...municipality, quantity })).toThrow(RangeError);
  });
});

test("destinations and tiers", () => {
  expect(destinationOf(" nl ")).toBe("nl");
  expect(destinationOf("FR")).toBe("eu");
  expect(destinationOf("GB")).toBe("world");
  expect(discountFor(10, [{ minQuantity: 50, percent: 20 }, { minQuantity: 10, percent: 10 }])).toBe(10);
  expect(parseDiscountTiers('[{"minQuantity":50,"percent":20},{"minQuantity":10,"percent":10},{"minQuantity":0,"percent":5},{"percent":"x"}]')).toEqual([
    { minQuantity: 10, percent: 10 },
    { minQuantity: 50, percent: 20 },
  ]);
  expect(parseDiscountTiers("not json")).toEqual([]);
});
