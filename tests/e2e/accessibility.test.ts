import type { Page } from "playwright-core";
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "#app/utils/db.server.ts";
import { seriousViolations } from "#tests/helpers/axe.ts";
import { logInThroughForm, useBrowser } from "#tests/helpers/browser.ts";
import { useTestServer } from "#tests/helpers/server.ts";
import { placeTestOrder } from "#tests/orders/helpers.ts";
import { freezeWithoutFiles } from "#tests/reader/helpers.ts";
import { loadDemoData } from "../../prisma/demo-data.ts";
import { putDemoBookOnSale } from "../../prisma/demo-edition.ts";
import { DEMO_PASSWORD } from "../../prisma/seed-data/users.ts";

const app = useTestServer();
const chromium = useBrowser();
const BOOK = "/boek/zo-bestuur-je-een-slimme-stad";
let chapterPath = "";
let editionChapterPath = "";
let buyerPath = "";
let adminOrderPath = "";

beforeAll(async () => {
  await loadDemoData(db);
  const chapter = await db.chapter.findFirstOrThrow({ where: { status: "published" }, orderBy: { position: "asc" } });
  chapterPath = `${BOOK}/${chapter.slug}`;
  // The reader's and buyer's pages: an edition (without its files, which only slow this down), the book on sale, an order.
  await putDemoBookOnSale(db);
  const edition = await freezeWithoutFiles(chapter.bookId);
  editionChapterPath = `${BOOK}/editie/${edition.number}/${chapter.slug}`;
  const placed = await placeTestOrder({ bookId: chapter.bookId, editionId: edition.id });
  buyerPath = `/bestelling/${placed.token}`;
  adminOrderPath = `/admin/bestellingen/${placed.orderId}`;
});

describe("pages meet WCAG 2.1 AA (axe-core, serious and critical rules)", () => {
  test("public pages", async () => {
    const page = await chromium.browser.newPage();
    for (const path of ["/", BOOK, chapterPath, editionChapterPath, `${BOOK}/bestellen`, buyerPath, "/gereedschapskist", "/gereedschapskist?categorie=governance", "/gereedschapskist/sensorenregister", "/partners", "/partners/gemeente-amersfoort", "/partner-worden", "/gereedschapskist/aandragen", "/evenementen", "/evenementen/aan-de-slag-met-smart-en-leefbaar", "/evenementen/bestuurderssessie-slim-besturen", "/inloggen", "/registreren", "/wachtwoord-vergeten", "/zoeken", "/zoeken?q=digitale+tweeling", "/bestaat-niet"]) {
      await page.goto(`${app.url}${path}`);
      expect(await seriousViolations(page), path).toEqual([]);
    }
    await page.close();
  });

  test("pages behind a login", async () => {
    const page = await chromium.browser.newPage();
    await logInThroughForm(page, app.url, "beheerder@kapittel.example", DEMO_PASSWORD);
    for (const path of ["/account", "/admin", "/admin/organisaties", "/admin/organisaties/nieuw", "/admin/leden", "/admin/uitnodigingen", "/admin/outbox", "/zoeken?q=concept", "/admin/instellingen", "/redactie/reacties", "/redactie/gereedschap", "/redactie/gereedschap/bijlagen/sensorenregister", `${BOOK}/export`, `${BOOK}/instellingen`, `${BOOK}/indeling`, "/redactie/evenementen", "/redactie/evenementen/nieuw", "/admin/bestellingen", adminOrderPath, "/admin/verkoop", "/admin/verkoop/zo-bestuur-je-een-slimme-stad"]) {
      await page.goto(`${app.url}${path}`);
      expect(await seriousViolations(page), path).toEqual([]);
    }
    await page.close();
  });

  test("the order form with its price breakdown", async () => {
    const page = await chromium.browser.newPage();
    await page.goto(`${app.url}${BOOK}/bestellen`);
    await page.waitForFunction(() => Boolean((window as { __remixRouter?: { state?: { initialized?: boolean } } }).__remixRouter?.state?.initialized));
    await page.getByLabel("Aantal exemplaren").fill("12");
    await page.getByLabel("Naam", { exact: true }).fill("Anna Jansen");
    await page.getByLabel("E-mailadres").fill("anna@example.test");
    await page.getByLabel("Straat").first().fill("Markt");
    await page.getByLabel("Huisnummer").first().fill("3");
    await page.getByLabel("Postcode").first().fill("3511 AB");
    await page.getByLabel("Plaats").first().fill("Utrecht");
    await page.getByRole("button", { name: "Bekijk de prijs" }).click();
    await page.getByRole("region", { name: "Uw bestelling" }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  test("the login form can be used with the keyboard alone", async () => {
    const page = await chromium.browser.newPage();
    await page.goto(`${app.url}/inloggen`);
    // From the top of the page: Tab reaches the skip link first, and it leads to the content.
    await page.keyboard.press("Tab");
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe("Naar de inhoud");
    await page.getByLabel("E-mailadres").focus();
    await page.keyboard.type("lezer@kapittel.example");
    await page.keyboard.press("Tab");
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.pathname === "/");
    await page.getByRole("link", { name: "Mijn account" }).waitFor();
    await page.close();
  });
});
