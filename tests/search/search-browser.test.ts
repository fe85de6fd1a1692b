import { beforeAll, expect, test } from "vitest";
import { db } from "#app/utils/db.server.ts";
import { seriousViolations } from "#tests/helpers/axe.ts";
import { useBrowser } from "#tests/helpers/browser.ts";
import { useTestServer } from "#tests/helpers/server.ts";
import { loadDemoData } from "../../prisma/demo-data.ts";

const app = useTestServer();
const chromium = useBrowser();

beforeAll(async () => {
  await loadDemoData(db);
});

test("a visitor types in the header's search box, sees ranked hits with highlights, and opens one", async () => {
  const context = await chromium.browser.newContext({ locale: "nl-NL" });
  const page = await context.newPage();
  await page.goto(`${app.url}/gereedschapskist`);
  const box = page.getByRole("search", { name: "Zoeken op de site" }).getByLabel("Zoek in boek, tools, evenementen en partners");
  await box.fill("digitale tweeling");
  await box.press("Enter");
  await page.waitForURL((url) => url.pathname === "/zoeken" && url.searchParams.get("q") === "digitale tweeling");
  await page.getByRole("heading", { level: 1, name: "Zoeken" }).waitFor();
  const results = page.getByRole("list", { name: "Zoekresultaten" });
  await results.waitFor();
  expect(await results.getByRole("listitem").count()).toBeGreaterThan(3);
  // "digitale tweeling" also finds the English "digital twin" of the demo book, highlighted.
  const marks = await results.locator("mark").allInnerTexts();
  expect(marks.map((mark) => mark.toLowerCase())).toContain("digital twin");
  await expect.poll(() => page.getByRole("status").innerText()).toMatch(/\d+ resultaten voor “digitale tweeling”/);
  // The header box keeps the query on the results page.
  expect(await box.inputValue()).toBe("digitale tweeling");

  // Only chapters: the type filter is a link that puts the type in the URL.
  await page.getByRole("navigation", { name: "Soort resultaat" }).getByRole("link", { name: /Hoofdstukken/ }).click();
  await page.waitForURL((url) => url.searchParams.get("soort") === "hoofdstukken");
  await expect.poll(() => results.locator("li").first().innerText()).toMatch(/^HOOFDSTUK/i);

  const first = results.getByRole("listitem").first().getByRole("heading", { level: 2 }).getByRole("link");
  const title = (await first.innerText()).trim();
  await first.click();
  await page.waitForURL((url) => url.pathname.startsWith("/boek/zo-bestuur-je-een-slimme-stad/"));
  await page.getByRole("heading", { level: 1, name: title }).waitFor();
  await context.close();
});

test("the search box works without JavaScript", async () => {
  const context = await chromium.browser.newContext({ locale: "nl-NL", javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${app.url}/partners`);
  await page.getByLabel("Zoek in boek, tools, evenementen en partners").fill("sensorenregister");
  await page.getByRole("search", { name: "Zoeken op de site" }).getByRole("button", { name: "Zoek" }).click();
  await page.waitForURL((url) => url.pathname === "/zoeken");
  await page.getByRole("link", { name: "Sensorenregister" }).first().waitFor();
  await context.close();
});

test("the results page, its empty state and a page without hits pass axe", async () => {
  const page = await chromium.browser.newPage();
  for (const path of ["/zoeken", "/zoeken?q=digitale+tweeling", "/zoeken?q=sensoren&soort=tools", "/zoeken?q=xyzzyplugh", "/zoeken?q=particpatie"]) {
    await page.goto(`${app.url}${path}`);
    expect(await seriousViolations(page), path).toEqual([]);
  }
  await page.close();
});
