import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "#app/utils/db.server.ts";
import { createBookForSale } from "#tests/factories.ts";
import { TestClient } from "#tests/helpers/http-client.ts";
import { useTestServer } from "#tests/helpers/server.ts";

const app = useTestServer();
let bookSlug = "";
let bookId = "";
let editionId = "";

beforeAll(async () => {
  const { book, edition } = await createBookForSale({ title: "Zo bestuur je een slimme stad" });
  bookSlug = book.slug;
  bookId = book.id;
  editionId = edition.id;
});

/** A fresh order form: its page (for the CSRF token and a new idempotency key) and valid fields. */
async function openForm(overrides: Record<string, string> = {}) {
  const client = new TestClient(app.url);
  const { response, html } = await client.page(`/boek/${bookSlug}/bestellen`);
  expect(response.status).toBe(200);
  const idempotencyKey = /name="idempotencyKey" value="([^"]+)"/.exec(html)?.[1] ?? "";
  const fields: Record<string, string> = {
    idempotencyKey,
    editionId,
    quantity: "25",
    customerType: "organisation",
    name: "Afdeling Inkoop",
    organisation: "Gemeente Amersfoort",
    email: "inkoop@amersfoort.test",
    billingStreet: "Stadhuisplein",
    billingNumber: "1",
    billingPostcode: "3811lm",
    billingCity: "Amersfoort",
    billingCountry: "NL",
    poNumber: "PO-2026-117",
    vatNumber: "",
    remarks: "",
    ...overrides,
  };
  return { client, fields };
}

const ordersOf = (email: string) => db.order.findMany({ where: { bookId, email } });

describe("ordering printed copies", () => {
  test("a municipality orders 25 copies: sees the breakdown with the volume discount, confirms, gets its private page, e-mail and invoice", async () => {
    const { client, fields } = await openForm();
    const review = await client.post(`/boek/${bookSlug}/bestellen`, { ...fields, intent: "review" });
    expect(review.status).toBe(200);
    const reviewHtml = withPlainSpaces(await review.text());
    expect(reviewHtml).toContain("Staffelkorting 10%");
    expect(reviewHtml).toContain("€ 731,06");
    expect(await ordersOf(fields.email!)).toHaveLength(0);

    // A price sent by the browser is never read; the confirmed total must be the one shown.
    const confirm = await client.post(`/boek/${bookSlug}/bestellen`, { ...fields, intent: "confirm", quotedTotalCents: "73106", unitPriceCents: "1", totalCents: "100" });
    expect(confirm.status).toBe(302);
    const link = confirm.headers.get("Location") ?? "";
    expect(link).toMatch(/^\/bestelling\/[\w-]{43}$/);
    const [order] = await ordersOf(fields.email!);
    expect(order).toMatchObject({ quantity: 25, unitPriceCents: 2950, totalCents: 73_106, billingPostcode: "3811 LM", poNumber: "PO-2026-117", status: "new" });

    const page = await new TestClient(app.url).page(link);
    expect(page.response.status).toBe(200);
    expect(page.html).toContain(order!.invoiceNumber);
    expect(page.html).toContain("Nieuw");
    expect(page.html).toContain("Bedankt voor uw bestelling.");
    expect(page.html).toContain('content="noindex"');

    const invoice = await fetch(`${app.url}${link}/factuur.pdf`);
    expect(invoice.status).toBe(200);
    expect(invoice.headers.get("Content-Type")).toBe("application/pdf");
    const text = pdfText(new Uint8Array(await invoice.arrayBuffer()));
    for (const expected of [`Factuur ${order!.invoiceNumber}`, "PO-2026-117", "Gemeente Amersfoort", "3811 LM Amersfoort", "€ 737,50", "Staffelkorting 10%", "− € 73,75", "€ 6,95", "Btw 9%", "€ 60,36", "€ 731,06"]) {
      expect(text).toContain(expected);
    }
    const mail = await db.outboxEmail.findFirstOrThrow({ where: { to: fields.email, kind: "order-confirmation" } });
    expect(mail.text).toContain(link);
  });

  test("a confirmation whose total differs from the server's price shows the price again and orders nothing", async () => {
    const { client, fields } = await openForm({ email: "gewijzigd@amersfoort.test" });
    const response = await client.post(`/boek/${bookSlug}/bestellen`, { ...fields, intent: "confirm", quotedTotalCents: "100" });
    expect(response.status).toBe(200);
    const html = withPlainSpaces(await response.text());
    expect(html).toContain("controleer de nieuwe prijs");
    expect(html).toContain("€ 731,06");
    expect(await ordersOf(fields.email!)).toHaveLength(0);
  });

  test("submitting the same form twice (double click, back button) makes one order", async () => {
    const { client, fields } = await openForm({ email: "dubbel@amersfoort.test", quantity: "2" });
    const quote = await client.post(`/boek/${bookSlug}/bestellen`, { ...fields, intent: "review" });
    const total = /name="quotedTotalCents" value="(\d+)"/.exec(await quote.text())?.[1] ?? "";
    const [first, second] = await Promise.all([
      client.post(`/boek/${bookSlug}/bestellen`, { ...fields, intent: "confirm", quotedTotalCents: total }),
      client.post(`/boek/${bookSlug}/bestellen`, { ...fields, intent: "confirm", quotedTotalCents: total }),
    ]);
    expect(first.headers.get("Location")).toBe(second.headers.get("Location"));
    const again = await client.post(`/boek/${bookSlug}/bestellen`, { ...fields, intent: "confirm", quotedTotalCents: total });
    expect(again.headers.get("Location")).toBe(first.headers.get("Location"));
    expect(await ordersOf(fields.email!)).toHaveLength(1);
  });

  test.each([
    ["quantity", "0", "Kies een aantal van 1 tot en met 500."],
    ["quantity", "-1", "Kies een aantal van 1 tot en met 500."],
    ["quantity", "1e9", "Kies een aantal van 1 tot en met 500."],
    ["quantity", "abc", "Kies een aantal van 1 tot en met 500."],
    ["billingPostcode", "12345", "Vul een Nederlandse postcode in, zoals 1234 AB."],
    ["email", "inkoop.amersfoort.test", "Vul een geldig e-mailadres in"],
    ["billingCountry", "XX", "Kies een land uit de lijst."],
    ["organisation", "", "Vul de naam van uw organisatie in."],
    ["vatNumber", "<script>alert(1)</script>", "Vul een btw-nummer in zoals NL001234567B01."],
    ["billingNumber", "<b>1</b>", "Vul een huisnummer in, eventueel met toevoeging"],
  ])("%s = %j is refused with a message and stores nothing", async (field, value, message) => {
    const email = `fout-${field}-${value.length}@amersfoort.test`;
    const { client, fields } = await openForm(field === "email" ? {} : { email });
    const response = await client.post(`/boek/${bookSlug}/bestellen`, { ...fields, [field]: value, intent: "confirm", quotedTotalCents: "73106" });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain(message);
    expect(await db.order.count({ where: { bookId, email: field === "email" ? value : email } })).toBe(0);
  });

  test("script in every text field is stored as text and shown escaped, on the page and in the invoice", async () => {
    const script = '<script>alert("x")</script>';
    const { client, fields } = await openForm({
      email: "script@amersfoort.test",
      quantity: "1",
      name: `Naam ${script}`,
      organisation: `Org ${script}`,
      billingStreet: `Straat ${script}`,
      billingCity: `Plaats ${script}`,
      poNumber: `PO ${script}`,
      remarks: `Opmerking ${script}`,
      separateDelivery: "on",
      deliveryName: `Ontvanger ${script}`,
      deliveryStreet: `Leverstraat ${script}`,
      deliveryNumber: "2",
      deliveryPostcode: "3811 AB",
      deliveryCity: `Leverplaats ${script}`,
      deliveryCountry: "NL",
    });
    const quote = await client.post(`/boek/${bookSlug}/bestellen`, { ...fields, intent: "review" });
    const quoteHtml = await quote.text();
    expect(quoteHtml).not.toContain(script);
    const total = /name="quotedTotalCents" value="(\d+)"/.exec(quoteHtml)?.[1] ?? "";
    const confirm = await client.post(`/boek/${bookSlug}/bestellen`, { ...fields, intent: "confirm", quotedTotalCents: total });
    const link = confirm.headers.get("Location") ?? "";
    const [order] = await ordersOf("script@amersfoort.test");
    // Stored as typed: escaping is the job of whatever shows it, not of the database.
    expect(order).toMatchObject({ name: `Naam ${script}`, deliveryCity: `Leverplaats ${script}`, remarks: `Opmerking ${script}` });
    const page = await new TestClient(app.url).page(link);
    expect(page.html).not.toContain(script);
    for (const label of ["Naam", "Org", "PO"]) expect(page.html).toContain(`${label} &lt;script&gt;`);
    const text = pdfText(new Uint8Array(await (await fetch(`${app.url}${link}/factuur.pdf`)).arrayBuffer()));
    for (const label of ["Naam", "Org", "Straat", "Plaats"]) expect(text).toContain(`${label} ${script}`);
    // The PO number sits in a narrow column and wraps: read in text order, without line breaks.
    const flowing = pdfText(new Uint8Array(await (await fetch(`${app.url}${link}/factuur.pdf`)).arrayBuffer()), false);
    expect(flowing.replace(/\s+/g, "")).toContain(`PO${script}`);
  });

  test("an unknown private link is a 404, and so is its invoice", async () => {
    expect((await fetch(`${app.url}/bestelling/${"x".repeat(43)}`)).status).toBe(404);
    expect((await fetch(`${app.url}/bestelling/kort/factuur.pdf`)).status).toBe(404);
  });
});

/** Amounts are written with a no-break space after the euro sign, as Dutch typesetting wants. */
function withPlainSpaces(text: string): string {
  return text.replace(/\u00a0/g, " ");
}

function pdfText(pdf: Uint8Array, layout = true): string {
  const directory = mkdtempSync(path.join(os.tmpdir(), "kapittel-invoice-"));
  const file = path.join(directory, "factuur.pdf");
  writeFileSync(file, pdf);
  return withPlainSpaces(execFileSync("pdftotext", [...(layout ? ["-layout"] : []), file, "-"], { encoding: "utf8" }));
}
