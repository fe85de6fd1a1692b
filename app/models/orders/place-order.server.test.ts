import { expect, test } from "vitest";
import { db } from "#app/utils/db.server.ts";
import { createBook, createBookForSale } from "#tests/factories.ts";
import { testOrderForm } from "#tests/orders/helpers.ts";
import { newIdempotencyKey, orderAccessToken } from "./order-access.server.ts";
import { OrderRefused, placeOrder } from "./place-order.server.ts";

const form = testOrderForm;

test("an order stores the server's price, takes the next invoice number and queues the confirmation", async () => {
  const { book, edition } = await createBookForSale();
  const key = newIdempotencyKey();
  const placed = await placeOrder(book.id, form(edition.id), key);
  expect(placed.created).toBe(true);
  expect(placed.token).toBe(orderAccessToken(key));
  const order = await db.order.findUniqueOrThrow({ where: { id: placed.orderId } });
  expect(order).toMatchObject({ quantity: 25, unitPriceCents: 2950, discountPercent: 10, discountCents: 7375, shippingCents: 695, vatCents: 6036, totalCents: 73_106, status: "new" });
  expect(order.invoiceNumber).toMatch(/^\d{4}-\d{4}$/);
  const mail = await db.outboxEmail.findFirstOrThrow({ where: { to: "inkoop@amersfoort.test", kind: "order-confirmation" } });
  expect(mail.text).toContain(order.invoiceNumber);
  expect(mail.text).toContain("PO-2026-117");
  expect(mail.text).toContain(`/bestelling/${placed.token}`);
});

test("the same key twice, even at the same moment, makes one order and one e-mail", async () => {
  const { book, edition } = await createBookForSale();
  const key = newIdempotencyKey();
  const results = await Promise.all([placeOrder(book.id, form(edition.id, { email: "dubbel@klik.test" }), key), placeOrder(book.id, form(edition.id, { email: "dubbel@klik.test" }), key)]);
  expect(new Set(results.map((r) => r.orderId)).size).toBe(1);
  expect(results.map((r) => r.created).sort()).toEqual([false, true]);
  expect(await placeOrder(book.id, form(edition.id), key)).toMatchObject({ orderId: results[0]!.orderId, created: false });
  expect(await db.order.count({ where: { idempotencyKey: key } })).toBe(1);
  expect(await db.outboxEmail.count({ where: { to: "dubbel@klik.test" } })).toBe(1);
});

test("orders placed at the same moment get distinct, consecutive invoice numbers", async () => {
  const { book, edition } = await createBookForSale();
  const placed = await Promise.all(Array.from({ length: 8 }, () => placeOrder(book.id, form(edition.id), newIdempotencyKey())));
  const numbers = (await db.order.findMany({ where: { id: { in: placed.map((p) => p.orderId) } }, select: { invoiceNumber: true } })).map((o) => Number(o.invoiceNumber.split("-")[1])).sort((a, b) => a - b);
  expect(new Set(numbers).size).toBe(8);
  expect(numbers.at(-1)! - numbers[0]!).toBe(7);
});

test("a book without pricing, or an edition of another book, is refused and stores nothing", async () => {
  const { book } = await createBook();
  const edition = await db.edition.create({ data: { bookId: book.id, number: 1, metadataJson: "{}" } });
  await expect(placeOrder(book.id, form(edition.id), newIdempotencyKey())).rejects.toThrow(OrderRefused);
  const forSale = await createBookForSale();
  await expect(placeOrder(forSale.book.id, form(edition.id), newIdempotencyKey())).rejects.toThrow("orders.error.edition");
  expect(await db.order.count({ where: { bookId: { in: [book.id, forSale.book.id] } } })).toBe(0);
});
