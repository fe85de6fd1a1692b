import { beforeAll, describe, expect, test } from "vitest";
import { ORDER_PAGE_SIZE, listOrders, listOrdersForExport, orderFilterSearch, parseOrderFilter } from "#app/models/orders/order-list.server.ts";
import { changeOrderStatus } from "#app/models/orders/order-status.server.ts";
import { findOrderForAdmin, saveOrderNotes } from "#app/models/orders/admin-order.server.ts";
import { findOrderByToken } from "#app/models/orders/buyer-order.server.ts";
import { centsToDecimal, ordersCsv } from "#app/models/orders/orders-csv.server.ts";
import { translator } from "#app/common/i18n/catalogue.ts";
import { db } from "#app/utils/db.server.ts";
import { createBookForSale, createUser } from "#tests/factories.ts";
import { placeTestOrder } from "./helpers.ts";

const filter = (query: string) => parseOrderFilter(new URLSearchParams(query));
const invoiceNumbers = async (query: string) => (await listOrders(filter(query))).orders.map((order) => order.invoiceNumber);

describe("the admins' order list", () => {
  const book = { bookId: "", editionId: "" };
  const other = { bookId: "", editionId: "" };
  const numbers: Record<string, string> = {};

  beforeAll(async () => {
    const first = await createBookForSale({ title: "Eerste boek" });
    const second = await createBookForSale({ title: "Tweede boek" });
    Object.assign(book, { bookId: first.book.id, editionId: first.edition.id });
    Object.assign(other, { bookId: second.book.id, editionId: second.edition.id });
    // Dated in Amsterdam: 31 October 23:30 local is still October, though it is 22:30 UTC.
    numbers.amersfoort = (await placeTestOrder(book, {}, new Date("2026-10-31T22:30:00Z"))).order.invoiceNumber;
    numbers.utrecht = (await placeTestOrder(book, { organisation: "Provincie Utrecht", name: "Team Mobiliteit", poNumber: "4500012345" }, new Date("2026-10-31T23:30:00Z"))).order.invoiceNumber;
    numbers.jansen = (await placeTestOrder(other, { customerType: "individual", organisation: "", name: "Anna Jansen", poNumber: "", quantity: 1 }, new Date("2026-11-15T10:00:00Z"))).order.invoiceNumber;
    numbers.delft = (await placeTestOrder(other, { organisation: "Gemeente Delft", name: "Inkoop Delft", poNumber: "" }, new Date("2026-11-20T10:00:00Z"))).order.invoiceNumber;
    const delft = await db.order.findUniqueOrThrow({ where: { invoiceNumber: numbers.delft } });
    await db.order.update({ where: { id: delft.id }, data: { status: "invoiced" } });
  });

  test("lists newest first and combines status, book, customer type, text and dates", async () => {
    expect(await invoiceNumbers("")).toEqual([numbers.delft, numbers.jansen, numbers.utrecht, numbers.amersfoort]);
    expect(await invoiceNumbers(`boek=${other.bookId}`)).toEqual([numbers.delft, numbers.jansen]);
    expect(await invoiceNumbers(`boek=${other.bookId}&klant=organisation`)).toEqual([numbers.delft]);
    expect(await invoiceNumbers(`boek=${other.bookId}&klant=organisation&status=new`)).toEqual([]);
    expect(await invoiceNumbers("status=invoiced")).toEqual([numbers.delft]);
    expect(await invoiceNumbers("klant=individual")).toEqual([numbers.jansen]);
  });

  test("the text search looks in name, organisation, invoice number and PO number", async () => {
    expect(await invoiceNumbers("zoek=jansen")).toEqual([numbers.jansen]);
    expect(await invoiceNumbers("zoek=provincie")).toEqual([numbers.utrecht]);
    expect(await invoiceNumbers("zoek=4500012")).toEqual([numbers.utrecht]);
    expect(await invoiceNumbers(`zoek=${numbers.amersfoort}`)).toEqual([numbers.amersfoort]);
    expect(await invoiceNumbers("zoek=gemeente&klant=organisation")).toEqual([numbers.delft, numbers.amersfoort]);
    expect(await invoiceNumbers("zoek=niemand")).toEqual([]);
  });

  test("date ranges are whole days in Amsterdam, both ends included", async () => {
    expect(await invoiceNumbers("tot=2026-10-31")).toEqual([numbers.amersfoort]);
    expect(await invoiceNumbers("van=2026-11-01")).toEqual([numbers.delft, numbers.jansen, numbers.utrecht]);
    expect(await invoiceNumbers("van=2026-11-15&tot=2026-11-15")).toEqual([numbers.jansen]);
  });

  test("nonsense in the URL is ignored rather than an error, and the filter round-trips", () => {
    const parsed = filter("status=verloren&klant=robot&van=2026-02-31&tot=gisteren&pagina=-3&zoek=%20Delft%20");
    expect(parsed).toMatchObject({ status: null, customerType: null, from: null, to: null, page: 1, query: "Delft" });
    const full = filter(`status=paid&boek=abc&klant=individual&zoek=x&van=2026-01-01&tot=2026-01-31&pagina=2`);
    expect(filter(orderFilterSearch(full, 2).slice(1))).toEqual(full);
  });

  test("pages hold fifty orders; a page past the end shows the last", async () => {
    const { book: paged, edition } = await createBookForSale({ title: "Veel bestellingen" });
    for (let i = 0; i < ORDER_PAGE_SIZE + 3; i += 1) await placeTestOrder({ bookId: paged.id, editionId: edition.id }, { quantity: 1 });
    const first = await listOrders(filter(`boek=${paged.id}`));
    expect(first).toMatchObject({ total: ORDER_PAGE_SIZE + 3, page: 1, pages: 2 });
    expect(first.orders).toHaveLength(ORDER_PAGE_SIZE);
    const second = await listOrders(filter(`boek=${paged.id}&pagina=2`));
    expect(second.orders).toHaveLength(3);
    expect((await listOrders(filter(`boek=${paged.id}&pagina=9`))).page).toBe(2);
    expect(await listOrdersForExport(filter(`boek=${paged.id}`))).toHaveLength(ORDER_PAGE_SIZE + 3);
  });
});

describe("status changes", () => {
  let admin = "";
  const book = { bookId: "", editionId: "" };
  beforeAll(async () => {
    admin = (await createUser({ role: "admin", name: "Beheerder Bea" })).id;
    const { book: b, edition } = await createBookForSale();
    Object.assign(book, { bookId: b.id, editionId: edition.id });
  });

  test("follow the allowed steps, each stored with who, when and the note", async () => {
    const { orderId } = await placeTestOrder(book, { email: "stappen@gemeente.test" });
    expect(await changeOrderStatus({ orderId, expected: "new", to: "invoiced", note: "", actorId: admin })).toEqual({ status: "changed" });
    expect(await changeOrderStatus({ orderId, expected: "invoiced", to: "paid", note: "  Bankafschrift 12  ", actorId: admin })).toEqual({ status: "changed" });
    const order = await findOrderForAdmin(orderId);
    expect(order?.status).toBe("paid");
    expect(order?.statusChanges.map((change) => [change.fromStatus, change.toStatus, change.note, change.actor?.name])).toEqual([
      ["new", "invoiced", "", "Beheerder Bea"],
      ["invoiced", "paid", "Bankafschrift 12", "Beheerder Bea"],
    ]);
    // Neither step is one the buyer is e-mailed about.
    expect(await db.outboxEmail.count({ where: { to: "stappen@gemeente.test", kind: { not: "order-confirmation" } } })).toBe(0);
  });

  test("a step the status machine does not allow is refused and changes nothing", async () => {
    const { orderId } = await placeTestOrder(book);
    expect(await changeOrderStatus({ orderId, expected: "new", to: "shipped", note: "", actorId: admin })).toEqual({ status: "not-allowed" });
    expect(await changeOrderStatus({ orderId, expected: "new", to: "new", note: "", actorId: admin })).toEqual({ status: "not-allowed" });
    await changeOrderStatus({ orderId, expected: "new", to: "cancelled", note: "", actorId: admin });
    expect(await changeOrderStatus({ orderId, expected: "cancelled", to: "invoiced", note: "", actorId: admin })).toEqual({ status: "not-allowed" });
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("cancelled");
    expect(await db.orderStatusChange.count({ where: { orderId } })).toBe(1);
  });

  test("a stale click (the order changed since the page was loaded) is refused with the current status", async () => {
    const { orderId } = await placeTestOrder(book);
    await changeOrderStatus({ orderId, expected: "new", to: "invoiced", note: "", actorId: admin });
    expect(await changeOrderStatus({ orderId, expected: "new", to: "cancelled", note: "", actorId: admin })).toEqual({ status: "stale", current: "invoiced" });
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("invoiced");
  });

  test("two admins at the same moment: one wins, the other is told, one history row", async () => {
    const { orderId } = await placeTestOrder(book);
    const outcomes = await Promise.all([
      changeOrderStatus({ orderId, expected: "new", to: "invoiced", note: "eerste", actorId: admin }),
      changeOrderStatus({ orderId, expected: "new", to: "cancelled", note: "tweede", actorId: admin }),
    ]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(["changed", "stale"]);
    expect(await db.orderStatusChange.count({ where: { orderId } })).toBe(1);
  });

  test("an unknown order is reported as such", async () => {
    expect(await changeOrderStatus({ orderId: "bestaat-niet", expected: "new", to: "invoiced", note: "", actorId: admin })).toEqual({ status: "not-found" });
  });

  test("shipping and cancelling e-mail the buyer with their private link; the buyer's page shows the dates", async () => {
    const shipped = await placeTestOrder(book, { email: "verzonden@gemeente.test" });
    for (const [from, to] of [["new", "invoiced"], ["invoiced", "paid"], ["paid", "shipped"]] as const) {
      await changeOrderStatus({ orderId: shipped.orderId, expected: from, to, note: "intern", actorId: admin });
    }
    const mail = await db.outboxEmail.findFirstOrThrow({ where: { to: "verzonden@gemeente.test", kind: "order-shipped" } });
    expect(mail.subject).toContain(shipped.order.invoiceNumber);
    expect(mail.text).toContain(`/bestelling/${shipped.token}`);
    const buyerView = await findOrderByToken(shipped.token);
    expect(buyerView?.status).toBe("shipped");
    expect(buyerView?.statusChanges.map((change) => change.toStatus)).toEqual(["invoiced", "paid", "shipped"]);
    // The admins' notes are not part of what the buyer's page reads.
    expect(JSON.stringify(buyerView?.statusChanges)).not.toContain("intern");

    const cancelled = await placeTestOrder(book, { email: "geannuleerd@gemeente.test" });
    await changeOrderStatus({ orderId: cancelled.orderId, expected: "new", to: "cancelled", note: "", actorId: admin });
    const cancelMail = await db.outboxEmail.findFirstOrThrow({ where: { to: "geannuleerd@gemeente.test", kind: "order-cancelled" } });
    expect(cancelMail.text).toContain(`/bestelling/${cancelled.token}`);
  });
});

describe("notes", () => {
  test("are saved separately from the status and trimmed; an unknown order is refused", async () => {
    const { book, edition } = await createBookForSale();
    const { orderId } = await placeTestOrder({ bookId: book.id, editionId: edition.id });
    expect(await saveOrderNotes(orderId, "  Bellen vóór levering: 033-1234567  ")).toBe(true);
    const order = await db.order.findUniqueOrThrow({ where: { id: orderId } });
    expect(order).toMatchObject({ notes: "Bellen vóór levering: 033-1234567", status: "new" });
    expect(await saveOrderNotes("bestaat-niet", "x")).toBe(false);
  });
});

describe("the CSV export", () => {
  test("quotes every cell, keeps quotes, newlines and semicolons inside, neutralises formulas, starts with a BOM", async () => {
    const { book, edition } = await createBookForSale({ title: "Boek; met \"puntkomma\"" });
    const target = { bookId: book.id, editionId: edition.id };
    await placeTestOrder(target, { name: "=HYPERLINK(\"http://kwaad.example\",\"klik\")", organisation: "+31 Gemeente", poNumber: "-42", remarks: "" }, new Date("2026-11-02T09:00:00Z"));
    await placeTestOrder(target, { name: "@SUM(A1)", organisation: "Gemeente\r\nMet regel", poNumber: "\tTAB", quantity: 1 }, new Date("2026-11-03T09:00:00Z"));
    const csv = ordersCsv(await listOrdersForExport(filter(`boek=${book.id}`)), translator("nl"));
    expect(csv.startsWith("\uFEFF\"Factuurnummer\",\"Besteld op\",\"Status\"")).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows).toHaveLength(3);
    const [header, second, first] = rows as [string[], string[], string[]];
    const cell = (row: string[], column: string) => row[header.indexOf(column)];
    expect(cell(first, "Naam")).toBe("'=HYPERLINK(\"http://kwaad.example\",\"klik\")");
    expect(cell(first, "Organisatie")).toBe("'+31 Gemeente");
    expect(cell(first, "Inkoopordernummer")).toBe("'-42");
    expect(cell(second, "Naam")).toBe("'@SUM(A1)");
    expect(cell(second, "Inkoopordernummer")).toBe("'\tTAB");
    expect(cell(second, "Organisatie")).toBe("Gemeente\r\nMet regel");
    expect(cell(first, "Boek")).toBe("Boek; met \"puntkomma\"");
    expect(cell(first, "Besteld op")).toBe("2026-11-02");
    expect(cell(first, "Status")).toBe("Nieuw");
    expect(cell(first, "Soort klant")).toBe("Organisatie");
    // Amounts as decimals with a point: 25 × € 29,50 − 10 % + € 6,95, plus 9 % VAT.
    expect([cell(first, "Subtotaal"), cell(first, "Korting"), cell(first, "Verzendkosten"), cell(first, "Btw"), cell(first, "Totaal (incl. btw)")]).toEqual(["737.50", "73.75", "6.95", "60.36", "731.06"]);
    expect(cell(first, "Aantal")).toBe("25");
  });

  test("amounts are written as decimals with two places", () => {
    expect([centsToDecimal(0), centsToDecimal(5), centsToDecimal(73_106), centsToDecimal(-250)]).toEqual(["0.00", "0.05", "731.06", "-2.50"]);
  });
});

/** A small RFC 4180 reader: quoted cells with doubled quotes, commas between, CRLF between rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let index = 0;
  while (index < text.length) {
    expect(text[index]).toBe('"');
    let cell = "";
    index += 1;
    for (;;) {
      const quote = text.indexOf('"', index);
      cell += text.slice(index, quote);
      index = quote + 1;
      if (text[index] === '"') {
        cell += '"';
        index += 1;
      } else break;
    }
    row.push(cell);
    if (text[index] === ",") index += 1;
    else {
      expect(text.slice(index, index + 2)).toBe("\r\n");
      index += 2;
      rows.push(row);
      row = [];
    }
  }
  return rows;
}
