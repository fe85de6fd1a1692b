import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { db } from "#app/utils/db.server.ts";
import { startSession } from "#app/utils/session.server.ts";
import { createUser } from "#tests/factories.ts";
import { useBrowser } from "#tests/helpers/browser.ts";
import { useTestServer } from "#tests/helpers/server.ts";
import { attachEditionFile, createReadableBook } from "./helpers.ts";

/**
 * Issue #7 end to end in real Chromium: a visitor reads the current edition, downloads its EPUB,
 * orders 25 copies for a municipality and checks the invoice; then an admin handles the order.
 * With SCREENSHOTS=<folder> set, the pages are also saved as PNG for a person to look at.
 */

const app = useTestServer();
const chromium = useBrowser();
const SHOTS = process.env.SCREENSHOTS ?? "";

let fixture: Awaited<ReturnType<typeof createReadableBook>>;
// Not a real EPUB: the test is that the download is byte for byte the edition's stored file.
const EPUB = new TextEncoder().encode(`PK\u0003\u0004 mimetypeapplication/epub+zip editie 2 ${"x".repeat(2000)}`);
const contexts: BrowserContext[] = [];
let orderLink = "";

beforeAll(async () => {
  fixture = await createReadableBook();
  await attachEditionFile(fixture.edition2.id, "epub", EPUB);
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await Promise.all(contexts.map((context) => context.close()));
});

async function newPage(options: { width?: number; cookie?: string } = {}): Promise<{ page: Page; errors: string[] }> {
  const context = await chromium.browser.newContext({ locale: "nl-NL", acceptDownloads: true, viewport: { width: options.width ?? 1280, height: 900 } });
  contexts.push(context);
  if (options.cookie) {
    const pair = options.cookie;
    await context.addCookies([{ name: pair.slice(0, pair.indexOf("=")), value: pair.slice(pair.indexOf("=") + 1), url: app.url }]);
  }
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  // A failed resource is named by its address (the console only says "404").
  page.on("response", (response) => {
    if (response.status() >= 400) errors.push(`${response.status()} ${new URL(response.url()).pathname}`);
  });
  page.on("console", (message) => {
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) errors.push(message.text());
  });
  return { page, errors };
}

async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** Waits until React has attached, so clicks go through Remix and not a full page load. */
async function hydrated(page: Page): Promise<void> {
  await page.waitForFunction(() => Boolean((window as { __remixRouter?: { state?: { initialized?: boolean } } }).__remixRouter?.state?.initialized));
}

function pdfToText(file: string): string {
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).replace(/\u00a0/g, " ");
}

describe("a visitor reads, downloads and orders the book", () => {
  test("reads a chapter of the current edition, downloads its EPUB, orders 25 copies as a municipality and checks the invoice", async () => {
    const { page, errors } = await newPage();
    const bookPath = `/boek/${fixture.book.slug}`;
    await page.goto(`${app.url}${bookPath}`);
    await hydrated(page);
    await shot(page, "book-page");

    // Reading: from the book page into the current edition's first chapter, then on to the next.
    await page.getByRole("link", { name: "Lees online" }).click();
    await page.waitForURL(`${app.url}${bookPath}/editie/2/${fixture.chapters.first.slug}`);
    await page.getByRole("heading", { level: 1, name: "De ambtenaar als vertaler" }).waitFor();
    await expect(page.locator(".reading-text").innerText()).resolves.toContain("Een digitale tweeling helpt.");
    await shot(page, "chapter-desktop");
    // On through the edition's table of contents (the second chapter is the fixture's hostile one).
    await page.getByText("Inhoud van deze editie").click();
    await page.getByRole("navigation", { name: "Inhoud" }).getByRole("link", { name: "Burgers aan tafel" }).click();
    await page.getByRole("heading", { level: 1, name: "Burgers aan tafel" }).waitFor();
    await expect(page.getByRole("link", { name: /Vorig hoofdstuk/ }).getAttribute("href")).resolves.toBe(`${bookPath}/editie/2/${fixture.chapters.second.slug}`);
    await page.getByRole("link", { name: "Terug naar de inhoud" }).click();
    await page.waitForURL(`${app.url}${bookPath}`);

    // The EPUB download is the edition's stored file, byte for byte.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /Editie 2 als EPUB downloaden/ }).click()]);
    const epubFile = path.join(mkdtempSync(path.join(os.tmpdir(), "kapittel-epub-")), download.suggestedFilename());
    await download.saveAs(epubFile);
    expect(download.suggestedFilename()).toMatch(/\.epub$/);
    expect(Buffer.compare(readFileSync(epubFile), Buffer.from(EPUB))).toBe(0);

    // Ordering: 25 copies for a municipality with a purchase-order number.
    await page.getByRole("link", { name: "Bestel het boek" }).click();
    await page.waitForURL(`${app.url}${bookPath}/bestellen`);
    await hydrated(page);
    await page.getByLabel("Aantal exemplaren").fill("25");
    await page.getByLabel(/^Organisatie \(gemeente/).check();
    await page.getByLabel("Naam", { exact: true }).fill("Afdeling Inkoop");
    await page.getByLabel("Organisatie", { exact: true }).fill("Gemeente Browserstad");
    await page.getByLabel("E-mailadres").fill("inkoop@browserstad.test");
    await page.getByLabel("Inkoopordernummer (optioneel)").fill("PO-2026-4711");
    await page.getByLabel("Straat").first().fill("Stadhuisplein");
    await page.getByLabel("Huisnummer").first().fill("1");
    await page.getByLabel("Postcode").first().fill("3811lm");
    await page.getByLabel("Plaats").first().fill("Amersfoort");
    await page.getByRole("button", { name: "Bekijk de prijs" }).click();

    // The breakdown, computed on the server: 25 × € 29,50, 10% volume discount, shipping, VAT.
    const quote = page.getByRole("region", { name: "Uw bestelling" });
    await quote.waitFor();
    const quoteText = (await quote.innerText()).replace(/\u00a0/g, " ");
    for (const expected of ["25 × € 29,50", "€ 737,50", "Staffelkorting 10%", "€ 73,75", "€ 6,95", "Btw 9%", "€ 60,36", "€ 731,06"]) expect(quoteText).toContain(expected);
    await shot(page, "order-breakdown");
    expect(await db.order.count({ where: { email: "inkoop@browserstad.test" } })).toBe(0);

    await page.getByRole("button", { name: "Bestelling plaatsen" }).click();
    await page.waitForURL(/\/bestelling\/[\w-]{43}$/);
    orderLink = new URL(page.url()).pathname;
    const order = await db.order.findFirstOrThrow({ where: { email: "inkoop@browserstad.test" } });
    expect(order).toMatchObject({ quantity: 25, totalCents: 73_106, poNumber: "PO-2026-4711", organisation: "Gemeente Browserstad", billingPostcode: "3811 LM" });
    await page.getByRole("heading", { level: 1, name: `Bestelling ${order.invoiceNumber}` }).waitFor();
    await shot(page, "order-confirmation");

    // The invoice PDF from the private page: its totals are the order's.
    const [invoice] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: `Factuur ${order.invoiceNumber} downloaden (PDF)` }).click()]);
    const invoiceFile = path.join(mkdtempSync(path.join(os.tmpdir(), "kapittel-invoice-")), "factuur.pdf");
    await invoice.saveAs(invoiceFile);
    const text = pdfToText(invoiceFile);
    for (const expected of [`Factuur ${order.invoiceNumber}`, "PO-2026-4711", "Gemeente Browserstad", "3811 LM Amersfoort", "€ 737,50", "Staffelkorting 10%", "€ 73,75", "Btw 9%", "€ 60,36", "€ 731,06"]) {
      expect(text).toContain(expected);
    }
    if (SHOTS) execFileSync("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", invoiceFile, path.join(SHOTS, "invoice-page1")]);
    expect(errors).toEqual([]);
  });

  test("a chapter page from the page cache runs in Chromium: its nonce is accepted, it navigates in place and its forms work", async () => {
    const chapterUrl = `${app.url}/boek/${fixture.book.slug}/editie/2/${fixture.chapters.third.slug}`;
    // New visitors until one is served from the cache (docs/decisions/023), as a reader arriving from a link is.
    const deadline = Date.now() + 30_000;
    let visitor: Awaited<ReturnType<typeof newPage>>;
    let cache: string | undefined;
    do {
      visitor = await newPage();
      cache = (await visitor.page.goto(chapterUrl))?.headers()["x-page-cache"];
    } while (cache !== "hit" && Date.now() < deadline);
    expect(cache).toBe("hit");
    const { page, errors } = visitor;
    // Hydrated (its inline scripts ran under the CSP): the next chapter opens without reloading the document.
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));
    await page.getByRole("link", { name: new RegExp(fixture.chapters.fourth.title) }).last().click();
    await page.waitForURL((url) => url.pathname.endsWith(`/${fixture.chapters.fourth.slug}`));
    await expect(page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).resolves.toBe(true);
    // The language switch posts the visitor's own CSRF token from the cached page.
    await page.getByRole("button", { name: /English/ }).click();
    await page.waitForFunction(() => document.documentElement.lang === "en");
    expect(errors).toEqual([]);
  });

  test("a chapter reads on a 390 px phone without sideways scrolling", async () => {
    const { page } = await newPage({ width: 390 });
    await page.goto(`${app.url}/boek/${fixture.book.slug}/editie/2/${fixture.chapters.first.slug}`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
    await shot(page, "chapter-phone");
  });

  test("an admin finds the order in the list, opens it and marks it invoiced; the buyer's page shows it", async () => {
    expect(orderLink, "the ordering test runs first").not.toBe("");
    const admin = await createUser({ role: "admin" });
    const [cookie = ""] = (await startSession(new Request(app.url), admin.id)).split(";");
    const { page, errors } = await newPage({ cookie });
    const order = await db.order.findFirstOrThrow({ where: { email: "inkoop@browserstad.test" } });
    await page.goto(`${app.url}/admin/bestellingen`);
    await hydrated(page);
    await shot(page, "admin-order-list");
    await page.getByRole("link", { name: order.invoiceNumber }).click();
    await page.getByRole("heading", { level: 1, name: new RegExp(order.invoiceNumber) }).waitFor();
    await shot(page, "admin-order");
    await page.getByLabel("Gefactureerd").check();
    await page.getByLabel("Notitie bij deze stap (optioneel)").fill("Factuur verstuurd naar inkoop.");
    await page.getByRole("button", { name: "Status wijzigen" }).click();
    await page.getByText("De status is gewijzigd.").waitFor();
    await expect(db.order.findUniqueOrThrow({ where: { id: order.id } })).resolves.toMatchObject({ status: "invoiced" });
    expect(errors).toEqual([]);

    const buyer = await newPage();
    await buyer.page.goto(`${app.url}${orderLink}`);
    await expect(buyer.page.getByRole("status").innerText()).resolves.toContain("Gefactureerd");
  });
});

