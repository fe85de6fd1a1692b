import type { OrderForm } from "#app/common/order-form.ts";
import { newIdempotencyKey } from "#app/models/orders/order-access.server.ts";
import { placeOrder } from "#app/models/orders/place-order.server.ts";
import { db } from "#app/utils/db.server.ts";

/** A valid order form: a municipality ordering 25 copies with a PO number, delivered in the Netherlands. */
export function testOrderForm(editionId: string, overrides: Partial<OrderForm> = {}): OrderForm {
  return {
    editionId,
    quantity: 25,
    customerType: "organisation",
    name: "Afdeling Inkoop",
    organisation: "Gemeente Amersfoort",
    email: "inkoop@amersfoort.test",
    billingStreet: "Stadhuisplein",
    billingNumber: "1",
    billingPostcode: "3811 LM",
    billingCity: "Amersfoort",
    billingCountry: "NL",
    separateDelivery: false,
    deliveryName: "",
    deliveryStreet: "",
    deliveryNumber: "",
    deliveryPostcode: "",
    deliveryCity: "",
    deliveryCountry: undefined,
    poNumber: "PO-2026-117",
    vatNumber: "",
    remarks: "",
    ...overrides,
  };
}

/** Places an order through the real model (price, invoice number, e-mail), optionally dated back. */
export async function placeTestOrder(book: { bookId: string; editionId: string }, overrides: Partial<OrderForm> = {}, createdAt?: Date) {
  const placed = await placeOrder(book.bookId, testOrderForm(book.editionId, overrides), newIdempotencyKey());
  if (createdAt) await db.order.update({ where: { id: placed.orderId }, data: { createdAt, invoiceDate: createdAt } });
  return { ...placed, order: await db.order.findUniqueOrThrow({ where: { id: placed.orderId } }) };
}
