import { z } from "zod";
import { isDutchHouseNumber, normaliseDutchPostcode } from "./dutch-address.ts";
import { MAX_ORDER_QUANTITY, MIN_ORDER_QUANTITY } from "./order-pricing.ts";
import { emailSchema, nameSchema } from "./validation.ts";

/**
 * The order form's fields and their checks, for browser and server alike. Messages are catalogue
 * keys. A price field in the request is never read: the schema has none, and the price comes from
 * app/common/order-pricing.ts on the server.
 */

/** Countries the form offers, the Netherlands first (ISO 3166-1 alpha-2). */
export const ORDER_COUNTRIES = ["NL", "BE", "DE", "FR", "LU", "AT", "DK", "ES", "IT", "IE", "PL", "PT", "SE", "FI", "GB", "NO", "CH", "US", "CA"] as const;

const text = (max: number) => z.string().trim().max(max, { error: "form.tooLong" }).default("");
const required = (max: number) => z.string({ error: "form.required" }).trim().min(1, { error: "form.required" }).max(max, { error: "form.tooLong" });
const country = z.enum(ORDER_COUNTRIES, { error: "orders.error.country" });

/** The fields one by one (also what the browser's own validation attributes come from). */
export const OrderFieldsSchema = z.object({
    editionId: required(40),
    quantity: z.coerce
      .number({ error: "orders.error.quantity" })
      .int({ error: "orders.error.quantity" })
      .min(MIN_ORDER_QUANTITY, { error: "orders.error.quantity" })
      .max(MAX_ORDER_QUANTITY, { error: "orders.error.quantity" }),
    customerType: z.enum(["individual", "organisation"], { error: "form.required" }),
    name: nameSchema,
    organisation: text(200),
    email: emailSchema,
    billingStreet: required(200),
    billingNumber: required(20),
    billingPostcode: required(20),
    billingCity: required(100),
    billingCountry: country,
    separateDelivery: z.preprocess((value) => value === "on" || value === "true", z.boolean()),
    deliveryName: text(200),
    deliveryStreet: text(200),
    deliveryNumber: text(20),
    deliveryPostcode: text(20),
    deliveryCity: text(100),
    deliveryCountry: z.preprocess((value) => (value === "" ? undefined : value), country.optional()),
    poNumber: text(100),
    vatNumber: text(30),
    remarks: text(2000),
});

/** The whole form: the fields, the checks that combine fields, and normalised values. */
export const OrderFormSchema = OrderFieldsSchema.superRefine((order, context) => {
    const issue = (path: string, message: string) => context.addIssue({ code: "custom", path: [path], message });
    if (order.customerType === "organisation" && !order.organisation) issue("organisation", "orders.error.organisationRequired");
    checkAddress(order.billingCountry, order.billingPostcode, order.billingNumber, (field, message) => issue(`billing${field}`, message));
    if (order.separateDelivery) {
      for (const field of ["deliveryName", "deliveryStreet", "deliveryNumber", "deliveryPostcode", "deliveryCity"] as const) if (!order[field]) issue(field, "form.required");
      if (!order.deliveryCountry) issue("deliveryCountry", "orders.error.country");
      else checkAddress(order.deliveryCountry, order.deliveryPostcode, order.deliveryNumber, (field, message) => issue(`delivery${field}`, message));
    }
    if (order.vatNumber && !/^[A-Z]{2}[0-9A-Z+*.]{2,13}$/.test(order.vatNumber.replace(/[\s.-]/g, "").toUpperCase())) issue("vatNumber", "orders.error.vatNumber");
  })
  .transform((order) => ({
    ...order,
    billingPostcode: order.billingCountry === "NL" ? (normaliseDutchPostcode(order.billingPostcode) ?? order.billingPostcode) : order.billingPostcode,
    deliveryPostcode: order.deliveryCountry === "NL" ? (normaliseDutchPostcode(order.deliveryPostcode) ?? order.deliveryPostcode) : order.deliveryPostcode,
    vatNumber: order.vatNumber.replace(/[\s.-]/g, "").toUpperCase(),
  }));

export type OrderForm = z.infer<typeof OrderFormSchema>;

/** Dutch addresses get their postcode and house number checked; other countries vary too much to. */
function checkAddress(country: string, postcode: string, number: string, issue: (field: "Postcode" | "Number", message: string) => void) {
  if (country !== "NL") return;
  if (postcode && !normaliseDutchPostcode(postcode)) issue("Postcode", "orders.error.postcode");
  if (number && !isDutchHouseNumber(number)) issue("Number", "orders.error.houseNumber");
}
