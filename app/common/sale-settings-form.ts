import { z } from "zod";
import { formatIban, isValidIban } from "./iban.ts";
import { MAX_ORDER_QUANTITY } from "./order-pricing.ts";
import { emailSchema } from "./validation.ts";

/**
 * The admins' sale settings forms, for browser and server alike: a book's print pricing and the
 * seller's details on the invoice. Amounts are typed in euros as people write them ("24,95") and
 * kept in cents. Messages are catalogue keys.
 */

const MAX_EUROS = 100_000;

/** Euros as typed ("24,95", "24.95", "€ 1.234,50", "7") in whole cents, or null when it is not an amount. */
export function parseEuroCents(value: string): number | null {
  const text = value.replace(/€|\s/g, "");
  let euros: string;
  let cents = "";
  // Either a plain number with a decimal comma or point, or thousands with dots and a decimal comma.
  const plain = /^(\d{1,6})(?:[.,](\d{1,2}))?$/.exec(text);
  const grouped = /^(\d{1,3}(?:\.\d{3})+)(?:,(\d{1,2}))?$/.exec(text);
  if (plain) [, euros = "", cents = ""] = plain;
  else if (grouped) [, euros = "", cents = ""] = grouped.map((part) => part?.replace(/\./g, ""));
  else return null;
  const total = Number(euros) * 100 + Number(cents.padEnd(2, "0") || 0);
  return total <= MAX_EUROS * 100 ? total : null;
}

/** Cents as the form shows them again: "24,95". */
export function centsToEuroInput(cents: number): string {
  return (cents / 100).toFixed(2).replace(".", ",");
}

const wholeNumber = (min: number, max: number, message: string) =>
  z.number({ error: message }).int({ error: message }).min(min, { error: message }).max(max, { error: message });

const typed = z.string().trim().default("");

/** A whole number as typed, or null. */
function parseWhole(value: string, min: number, max: number): number | null {
  if (!/^\d{1,6}$/.test(value)) return null;
  const number = Number(value);
  return number >= min && number <= max ? number : null;
}

/**
 * A book's print pricing. With `forSale` off (the checkbox unticked) the book cannot be ordered in
 * print and nothing else is read or checked: the stored pricing is removed, which is what "not for
 * sale" means. With it on, every amount is checked and turned into cents; discount tiers must
 * ascend by quantity (each quantity once) with 1–90 % off, as the order form explains them.
 */
export const PricingFormSchema = z
  .object({
    forSale: z.preprocess((value) => value === "on" || value === "true", z.boolean()),
    unitPrice: typed,
    tiers: z.array(z.object({ minQuantity: typed, percent: typed }).default({ minQuantity: "", percent: "" })).max(10, { error: "ordersAdmin.pricing.tooManyTiers" }).default([]),
    shippingNl: typed,
    shippingEu: typed,
    shippingWorld: typed,
  })
  .transform((form, context) => {
    if (!form.forSale) return { forSale: false as const };
    const issue = (path: (string | number)[], message: string) => context.addIssue({ code: "custom", path, message });
    const cents = (field: "unitPrice" | "shippingNl" | "shippingEu" | "shippingWorld", allowZero: boolean) => {
      const value = parseEuroCents(form[field]);
      if (form[field] === "") issue([field], "form.required");
      else if (value === null || (!allowZero && value === 0)) issue([field], allowZero ? "ordersAdmin.pricing.amountInvalid" : "ordersAdmin.pricing.unitPriceInvalid");
      return value ?? 0;
    };
    const unitPriceCents = cents("unitPrice", false);
    const shippingNlCents = cents("shippingNl", true);
    const shippingEuCents = cents("shippingEu", true);
    const shippingWorldCents = cents("shippingWorld", true);
    const discountTiers = form.tiers.map((tier, index) => {
      const minQuantity = parseWhole(tier.minQuantity, 2, MAX_ORDER_QUANTITY);
      const percent = parseWhole(tier.percent, 1, 90);
      if (minQuantity === null) issue(["tiers", index, "minQuantity"], "ordersAdmin.pricing.tierQuantityInvalid");
      if (percent === null) issue(["tiers", index, "percent"], "ordersAdmin.pricing.tierPercentInvalid");
      return { minQuantity: minQuantity ?? 0, percent: percent ?? 0 };
    });
    discountTiers.forEach((tier, index) => {
      const previous = discountTiers[index - 1];
      if (previous && tier.minQuantity > 0 && previous.minQuantity > 0 && tier.minQuantity <= previous.minQuantity) {
        issue(["tiers", index, "minQuantity"], "ordersAdmin.pricing.tierOrder");
      }
    });
    return { forSale: true as const, rules: { unitPriceCents, discountTiers, shippingNlCents, shippingEuCents, shippingWorldCents } };
  });

export type PricingForm = z.infer<typeof PricingFormSchema>;

const optional = (max: number) => z.string().trim().max(max, { error: "form.tooLong" }).default("");

/** The seller on every invoice. */
export const SellerFormSchema = z.object({
  name: z.string({ error: "form.required" }).trim().min(1, { error: "form.required" }).max(200, { error: "form.tooLong" }),
  address: optional(500),
  chamberOfCommerce: optional(20).refine((value) => value === "" || /^\d{8}$/.test(value.replace(/\s/g, "")), { error: "ordersAdmin.seller.kvkInvalid" }).transform((value) => value.replace(/\s/g, "")),
  vatNumber: optional(30)
    .transform((value) => value.replace(/[\s.-]/g, "").toUpperCase())
    .refine((value) => value === "" || /^[A-Z]{2}[0-9A-Z+*.]{2,13}$/.test(value), { error: "orders.error.vatNumber" }),
  iban: optional(50)
    .refine((value) => value === "" || isValidIban(value), { error: "ordersAdmin.seller.ibanInvalid" })
    .transform((value) => (value === "" ? "" : formatIban(value))),
  // Optional, so not a union with z.literal(""): conform turns an empty field into undefined
  // before the schema sees it, which matched neither branch and refused every empty address.
  email: z.preprocess((value) => (value === undefined || value === "" ? undefined : value), emailSchema.optional()).transform((value) => value ?? ""),
  paymentTermDays: wholeNumber(1, 120, "ordersAdmin.seller.paymentTermInvalid"),
});

export type SellerForm = z.infer<typeof SellerFormSchema>;
