import { beforeAll, expect, test } from "vitest";
import { db } from "#app/utils/db.server.ts";
import { useBrowser } from "#tests/helpers/browser.ts";
import { useTestServer } from "#tests/helpers/server.ts";
import { loadDemoData } from "../../prisma/demo-data.ts";

const app = useTestServer();
const chromium = useBrowser();

beforeAll(async () => {
  await loadDemoData(db);
});

test("a visitor filters the toolbox by category and municipality, shares the URL, and opens a tool", async () => {
  const context = await chromium.browser.newContext({ locale: "nl-NL" });
  const page = await context.newPage();
  await page.goto(`${app.url}/`);
  await page.getByRole("navigation", { name: /hoofdmenu|main/i }).getByRole("link", { name: "Gereedschapskist" }).click();
  await page.getByRole("heading", { level: 1, name: "Gereedschapskist" }).waitFor();
  const all = await page.locator("main ul li h2").count();

  await page.getByLabel("Categorie").selectOption({ label: "Bestuur & organisatie" });
  await page.getByLabel("Pilotgemeente").selectOption("Sittard-Geleen");
  await page.getByRole("button", { name: "Toon" }).click();
  await page.waitForURL((url) => url.searchParams.get("categorie") === "governance" && url.searchParams.get("gemeente") === "Sittard-Geleen");
  const names = await page.locator("main ul li h2").allInnerTexts();
  expect(names.length).toBeGreaterThan(0);
  expect(names.length).toBeLessThan(all);
  expect(names).toContain("Afwegingskader publieke waarden");
  expect(names).not.toContain("Sensorenregister");

  // The same URL in a fresh tab shows the same selection, filters filled in.
  const shared = await context.newPage();
  await shared.goto(page.url());
  expect(await shared.locator("main ul li h2").allInnerTexts()).toEqual(names);
  expect(await shared.getByLabel("Categorie").inputValue()).toBe("governance");

  await shared.getByRole("link", { name: "Afwegingskader publieke waarden" }).click();
  await shared.getByRole("heading", { level: 1, name: "Afwegingskader publieke waarden" }).waitFor();
  await shared.getByRole("heading", { name: "Pilotgemeenten" }).waitFor();
  await shared.getByRole("link", { name: /Terug naar de gereedschapskist/ }).click();
  await shared.getByRole("link", { name: "Alle filters wissen" }).waitFor({ state: "detached" });
  await context.close();
});
