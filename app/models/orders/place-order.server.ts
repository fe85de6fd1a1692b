import type { OrderForm } from "#app/common/order-form.ts";
import { priceOrder, type OrderPrice } from "#app/common/order-pricing.ts";
import { db, type DbTransaction } from "#app/utils/db.server.ts";
import { isUniqueConstraintError } from "#app/utils/db-errors.server.ts";
import { orderAccessToken, orderAccessTokenHash } from "./order-access.server.ts";
import { queueOrderConfirmation } from "./order-emails.server.ts";
import { findBookPricing } from "./pricing.server.ts";

/** Why an order cannot be placed, as a catalogue key for the buyer. */
export class OrderRefused extends Error {
  constructor(readonly reason: "orders.error.notForSale" | "orders.error.edition") {
    super(reason);
  }
}

/** The price the buyer is shown before confirming: computed here, never taken from the form. */
export async function quoteOrder(bookId: string, form: OrderForm): Promise<OrderPrice> {
  const rules = await findBookPricing(bookId);
  if (!rules) throw new OrderRefused("orders.error.notForSale");
  await requireEdition(bookId, form.editionId);
  return priceOrder(rules, priceInput(form));
}

/**
 * Places the order once per idempotency key: the price computed now, the next invoice number of
 * this year, the order and its confirmation e-mail, all in one transaction. Submitting the same
 * key again (at once or later) returns the order made the first time.
 */
export async function placeOrder(bookId: string, form: OrderForm, idempotencyKey: string): Promise<{ token: string; orderId: string; created: boolean }> {
  const token = orderAccessToken(idempotencyKey);
  const existing = await db.order.findUnique({ where: { idempotencyKey }, select: { id: true } });
  if (existing) return { token, orderId: existing.id, created: false };

  const price = await quoteOrder(bookId, form);
  try {
    const order = await db.$transaction(async (tx) => {
      const invoiceNumber = await nextInvoiceNumber(tx, new Date());
      const created = await tx.order.create({
        data: {
          idempotencyKey,
          accessTokenHash: orderAccessTokenHash(token),
          bookId,
          editionId: form.editionId,
          quantity: price.quantity,
          customerType: form.customerType,
          name: form.name,
          organisation: form.organisation,
          email: form.email,
          billingStreet: form.billingStreet,
          billingNumber: form.billingNumber,
          billingPostcode: form.billingPostcode,
          billingCity: form.billingCity,
          billingCountry: form.billingCountry,
          ...(form.separateDelivery
            ? {
                deliveryName: form.deliveryName,
                deliveryStreet: form.deliveryStreet,
                deliveryNumber: form.deliveryNumber,
                deliveryPostcode: form.deliveryPostcode,
                deliveryCity: form.deliveryCity,
                deliveryCountry: form.deliveryCountry ?? "",
              }
            : {}),
          poNumber: form.poNumber,
          vatNumber: form.vatNumber,
          remarks: form.remarks,
          unitPriceCents: price.unitPriceCents,
          discountPercent: price.discountPercent,
          subtotalCents: price.subtotalCents,
          discountCents: price.discountCents,
          shippingCents: price.shippingCents,
          vatRateBasisPoints: price.vatRateBasisPoints,
          vatTreatment: price.vatTreatment,
          vatCents: price.vatCents,
          totalCents: price.totalCents,
          invoiceNumber,
        },
        include: { book: { select: { title: true } }, edition: { select: { number: true } } },
      });
      await queueOrderConfirmation(tx, created, token);
      return created;
    });
    return { token, orderId: order.id, created: true };
  } catch (error) {
    // The same key submitted twice at the same moment: the other request made the order.
    if (!isUniqueConstraintError(error)) throw error;
    const winner = await db.order.findUnique({ where: { idempotencyKey }, select: { id: true } });
    if (!winner) throw error;
    return { token, orderId: winner.id, created: false };
  }
}

/** The next invoice number of the year ("2026-0001"), taken inside the order's transaction: no gaps. */
async function nextInvoiceNumber(tx: DbTransaction, date: Date): Promise<string> {
  const year = date.getUTCFullYear();
  const counter = await tx.invoiceCounter.upsert({ where: { year }, create: { year, last: 1 }, update: { last: { increment: 1 } } });
  return `${year}-${String(counter.last).padStart(4, "0")}`;
}

async function requireEdition(bookId: string, editionId: string): Promise<void> {
  const edition = await db.edition.findFirst({ where: { id: editionId, bookId }, select: { id: true } });
  if (!edition) throw new OrderRefused("orders.error.edition");
}

function priceInput(form: OrderForm) {
  return {
    quantity: form.quantity,
    customerType: form.customerType,
    destinationCountry: form.separateDelivery && form.deliveryCountry ? form.deliveryCountry : form.billingCountry,
    vatNumber: form.vatNumber,
  };
}
