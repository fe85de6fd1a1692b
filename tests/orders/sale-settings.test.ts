import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, test } from "vitest";
import { formatIban, isValidIban } from "#app/common/iban.ts";
import { centsToEuroInput, parseEuroCents, PricingFormSchema, SellerFormSchema } from "#app/common/sale-settings-form.ts";
import { findBookPricing, listBooksWithPricing, removeBookPricing, saveBookPricing } from "#app/models/orders/pricing.server.ts";
import { DEFAULT_SELLER, getSellerDetails, saveSellerDetails } from "#app/models/orders/seller.server.ts";
import { createBook, createBookForSale } from "#tests/factories.ts";

/** A form as the browser posts it, parsed the way the action parses it (conform's coercion included). */
function formData(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return form;
}

const pricingFields = (overrides: Record<string, string> = {}) => ({
  forSale: "on",
  unitPrice: "24,95",
  "tiers[0].minQuantity": "10",
  "tiers[0].percent": "10",
  "tiers[1].minQuantity": "50",
  "tiers[1].percent": "20",
  shippingNl: "6,95",
  shippingEu: "14.95",
  shippingWorld: "0",
  ...overrides,
});

/** A parsed submission with its field errors (none when it succeeded), as the tests read it. */
function withErrors<S extends { status?: string }>(submission: S): S & { error?: Record<string, string[] | null> | null } {
  return submission;
}
const parsePricing = (fields: Record<string, string>) => withErrors(parseWithZod(formData(fields), { schema: PricingFormSchema }));

const sellerFields = (overrides: Record<string, string> = {}) => ({
  name: "Future City Foundation",
  address: "Stationsplein 1\n3818 LE Amersfoort",
  chamberOfCommerce: "1234 5678",
  vatNumber: "nl 8512.34.567.B01",
  iban: "nl91abna0417164300",
  email: "facturen@futurecity.test",
  paymentTermDays: "30",
  ...overrides,
});

const parseSeller = (fields: Record<string, string>) => withErrors(parseWithZod(formData(fields), { schema: SellerFormSchema }));

describe("euro amounts as people type them", () => {
  test("comma or point decimals, a euro sign, thousands with dots, whole euros", () => {
    expect(["24,95", "24.95", "€ 24,95", " 24,9 ", "7", "0", "€ 1.234,50", "1.234", "100000"].map(parseEuroCents)).toEqual([2495, 2495, 2495, 2490, 700, 0, 123_450, 123_400, 10_000_000]);
  });

  test("anything else is not an amount", () => {
    expect(["", "abc", "-5", "24,999", "1e3", "24,95,00", "12.34.56", "100001", "1,234.50"].map(parseEuroCents)).toEqual([null, null, null, null, null, null, null, null, null]);
  });

  test("the form shows stored cents again as typed", () => {
    expect([centsToEuroInput(2495), centsToEuroInput(700), centsToEuroInput(5)]).toEqual(["24,95", "7,00", "0,05"]);
  });
});

describe("the pricing form", () => {
  test("turns the typed euros and tiers into cents", () => {
    const submission = parsePricing(pricingFields());
    expect(submission.status).toBe("success");
    expect(submission.status === "success" && submission.value).toEqual({
      forSale: true,
      rules: {
        unitPriceCents: 2495,
        discountTiers: [
          { minQuantity: 10, percent: 10 },
          { minQuantity: 50, percent: 20 },
        ],
        shippingNlCents: 695,
        shippingEuCents: 1495,
        shippingWorldCents: 0,
      },
    });
  });

  test("not for sale: nothing else is read or checked", () => {
    const submission = parsePricing({ unitPrice: "onzin", "tiers[0].percent": "300" });
    expect(submission.status === "success" && submission.value).toEqual({ forSale: false });
  });

  test("a missing or zero unit price, and shipping that is not an amount, are refused field by field", () => {
    const submission = parsePricing(pricingFields({ unitPrice: "0", shippingNl: "gratis", shippingEu: "" }));
    expect(submission.status).toBe("error");
    expect(submission.error).toMatchObject({
      unitPrice: ["ordersAdmin.pricing.unitPriceInvalid"],
      shippingNl: ["ordersAdmin.pricing.amountInvalid"],
      shippingEu: ["form.required"],
    });
    expect(submission.error?.shippingWorld).toBeUndefined();
  });

  test("tiers ascend by quantity; the same quantity twice is refused", () => {
    const descending = parsePricing(pricingFields({ "tiers[1].minQuantity": "5" }));
    expect(descending.error).toEqual({ "tiers[1].minQuantity": ["ordersAdmin.pricing.tierOrder"] });
    const duplicate = parsePricing(pricingFields({ "tiers[1].minQuantity": "10" }));
    expect(duplicate.error).toEqual({ "tiers[1].minQuantity": ["ordersAdmin.pricing.tierOrder"] });
  });

  test("a tier's percentage is a whole number from 1 to 90, its quantity from 2 to the order maximum", () => {
    for (const percent of ["0", "91", "12,5", "-3", "tien"]) {
      expect(parsePricing(pricingFields({ "tiers[0].percent": percent })).error, percent).toEqual({ "tiers[0].percent": ["ordersAdmin.pricing.tierPercentInvalid"] });
    }
    for (const percent of ["1", "90"]) expect(parsePricing(pricingFields({ "tiers[0].percent": percent })).status, percent).toBe("success");
    for (const quantity of ["1", "501", ""]) {
      expect(parsePricing(pricingFields({ "tiers[0].minQuantity": quantity })).error?.["tiers[0].minQuantity"], quantity).toEqual(["ordersAdmin.pricing.tierQuantityInvalid"]);
    }
  });

  test("at most ten tiers", () => {
    const fields: Record<string, string> = pricingFields();
    for (let index = 0; index < 11; index += 1) {
      fields[`tiers[${index}].minQuantity`] = String(10 + index * 10);
      fields[`tiers[${index}].percent`] = String(1 + index);
    }
    expect(parsePricing(fields).error).toEqual({ tiers: ["ordersAdmin.pricing.tooManyTiers"] });
  });
});

describe("IBAN", () => {
  test("a correct checksum passes, with or without spaces and in any case", () => {
    for (const iban of ["NL91ABNA0417164300", "nl91 abna 0417 1643 00", "BE68 5390 0754 7034", "DE89 3704 0044 0532 0130 00", "GB82WEST12345698765432"]) {
      expect(isValidIban(iban), iban).toBe(true);
    }
  });

  test("a typo, two swapped neighbours, a wrong length or a wrong shape fail", () => {
    // NL91ABNA0417164300 with one digit changed, two digits swapped, one dropped, letters in the check digits.
    for (const iban of ["NL91ABNA0417164301", "NL91ABNA0417163400", "NL91ABNA041716430", "NLXXABNA0417164300", "", "1234"]) {
      expect(isValidIban(iban), iban).toBe(false);
    }
  });

  test("is printed in groups of four", () => {
    expect(formatIban("nl91abna0417164300")).toBe("NL91 ABNA 0417 1643 00");
  });
});

describe("the seller form", () => {
  test("normalises the KvK number, VAT number and IBAN", () => {
    const submission = parseSeller(sellerFields());
    expect(submission.status === "success" && submission.value).toEqual({
      name: "Future City Foundation",
      address: "Stationsplein 1\n3818 LE Amersfoort",
      chamberOfCommerce: "12345678",
      vatNumber: "NL851234567B01",
      iban: "NL91 ABNA 0417 1643 00",
      email: "facturen@futurecity.test",
      paymentTermDays: 30,
    });
  });

  test("refuses a bad IBAN checksum, KvK number, payment term and a missing name, each at its field", () => {
    const submission = parseSeller(sellerFields({ iban: "NL91ABNA0417164301", chamberOfCommerce: "123", paymentTermDays: "0", name: " " }));
    expect(submission.error).toMatchObject({
      iban: ["ordersAdmin.seller.ibanInvalid"],
      chamberOfCommerce: ["ordersAdmin.seller.kvkInvalid"],
      paymentTermDays: ["ordersAdmin.seller.paymentTermInvalid"],
      name: ["form.required"],
    });
    for (const days of ["121", "14,5", "veertien"]) {
      expect(parseSeller(sellerFields({ paymentTermDays: days })).error?.paymentTermDays, days).toEqual(["ordersAdmin.seller.paymentTermInvalid"]);
    }
  });

  test("the optional details may stay empty, as the browser sends them or left out", () => {
    const empty = { address: "", chamberOfCommerce: "", vatNumber: "", iban: "", email: "" };
    for (const fields of [{ name: "Stichting", paymentTermDays: "14", ...empty }, { name: "Stichting", paymentTermDays: "14" }]) {
      const submission = parseSeller(fields);
      expect(submission.error).toBeUndefined();
      expect(submission.status === "success" && submission.value).toEqual({ name: "Stichting", paymentTermDays: 14, ...empty });
    }
  });

  test("an e-mail address, when given, must be one", () => {
    expect(parseSeller(sellerFields({ email: "facturen@" })).error).toEqual({ email: ["form.invalidEmail"] });
    const submission = parseSeller(sellerFields({ email: " Facturen@FutureCity.test " }));
    expect(submission.status === "success" && submission.value.email).toBe("facturen@futurecity.test");
  });
});

describe("stored sale settings", () => {
  test("a book's pricing is saved, replaced and removed; the list shows the unit price or none", async () => {
    const { book } = await createBook({ title: "Aaa prijsboek" });
    expect(await findBookPricing(book.id)).toBeNull();
    const rules = { unitPriceCents: 2495, discountTiers: [{ minQuantity: 10, percent: 10 }], shippingNlCents: 695, shippingEuCents: 1495, shippingWorldCents: 2995 };
    await saveBookPricing(book.id, rules);
    expect(await findBookPricing(book.id)).toEqual(rules);
    await saveBookPricing(book.id, { ...rules, unitPriceCents: 1995, discountTiers: [] });
    expect(await findBookPricing(book.id)).toMatchObject({ unitPriceCents: 1995, discountTiers: [] });
    const { book: forSale } = await createBookForSale({ title: "Bbb te koop" });
    expect((await listBooksWithPricing()).filter((row) => [book.id, forSale.id].includes(row.id)).map((row) => [row.title, row.unitPriceCents])).toEqual([
      ["Aaa prijsboek", 1995],
      ["Bbb te koop", 2950],
    ]);
    await removeBookPricing(book.id);
    expect(await findBookPricing(book.id)).toBeNull();
  });

  test("the seller starts as the foundation and keeps what an admin saved", async () => {
    expect(await getSellerDetails()).toEqual(DEFAULT_SELLER);
    const details = { ...DEFAULT_SELLER, iban: "NL91 ABNA 0417 1643 00", paymentTermDays: 14 };
    await saveSellerDetails(details);
    expect(await getSellerDetails()).toEqual(details);
  });
});
