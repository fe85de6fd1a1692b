import type { Page } from "playwright-core";
import { afterEach, beforeAll, describe, expect, test } from "vitest";
import { db } from "#app/utils/db.server.ts";
import { logInThroughForm, useBrowser } from "#tests/helpers/browser.ts";
import { useTestServer } from "#tests/helpers/server.ts";
import { loadDemoData } from "../../prisma/demo-data.ts";
import { DEMO_PASSWORD } from "../../prisma/seed-data/users.ts";

const app = useTestServer();
const chromium = useBrowser();
const BOOK = "/boek/zo-bestuur-je-een-slimme-stad";

let published: string[];
let draftOfAmersfoort: string;
let draftOfCivity: { title: string; slug: string };

beforeAll(async () => {
  await loadDemoData(db);
  const chapters = await db.chapter.findMany({ include: { organisations: { include: { organisation: true } } } });
  const draftOf = (slug: string) =>
    chapters.find((c) => c.status === "draft" && c.organisations.some((o) => o.organisation.slug === slug));
  published = chapters.filter((c) => c.status === "published").map((c) => c.title);
  draftOfAmersfoort = draftOf("gemeente-amersfoort")!.title;
  draftOfCivity = draftOf("civity")!;
});

const pages: Page[] = [];
async function newPage(): Promise<Page> {
  const context = await chromium.browser.newContext({ locale: "nl-NL" });
  const page = await context.newPage();
  pages.push(page);
  return page;
}
afterEach(async () => {
  await Promise.all(pages.splice(0).map((page) => page.context().close()));
});

async function contentsOf(page: Page): Promise<string> {
  await page.goto(`${app.url}${BOOK}`);
  const contents = page.locator("nav[aria-labelledby=contents-title]");
  await contents.waitFor();
  return contents.innerText();
}

describe("each demo account sees what its role may see", () => {
  test.each([
    ["beheerder@kapittel.example", { admin: true, amersfoort: true, civity: true }],
    ["redacteur@kapittel.example", { admin: true, amersfoort: true, civity: true }],
    ["auteur.amersfoort@kapittel.example", { admin: false, amersfoort: true, civity: false }],
    ["auteur.civity@kapittel.example", { admin: false, amersfoort: false, civity: true }],
    ["lezer@kapittel.example", { admin: false, amersfoort: false, civity: false }],
  ] as const)("%s", async (email, sees) => {
    const page = await newPage();
    await logInThroughForm(page, app.url, email, DEMO_PASSWORD);
    const header = page.getByRole("navigation", { name: "Hoofdmenu" });
    await header.getByRole("link", { name: "Mijn account" }).waitFor();
    await expect(header.getByRole("link", { name: "Beheer" }).count()).resolves.toBe(sees.admin ? 1 : 0);

    const contents = await contentsOf(page);
    for (const title of published) expect(contents).toContain(title);
    expect(contents.includes(draftOfAmersfoort)).toBe(sees.amersfoort);
    expect(contents.includes(draftOfCivity.title)).toBe(sees.civity);

    if (sees.admin) {
      await page.getByRole("link", { name: "Beheer" }).click();
      await page.waitForURL(/\/admin/);
      await page.getByRole("heading", { level: 1, name: "Beheer" }).waitFor();
    }
  });

  test("a visitor sees the published chapters and can read one", async () => {
    const page = await newPage();
    const contents = await contentsOf(page);
    expect(contents).toContain(published[0]);
    expect(contents).not.toContain(draftOfAmersfoort);
    await page.getByRole("link", { name: published[0] }).click();
    await page.getByRole("heading", { level: 1, name: published[0] }).waitFor();
  });
});

describe("refusals a person can understand", () => {
  test("a partner author is refused another organisation's draft", async () => {
    const page = await newPage();
    await logInThroughForm(page, app.url, "auteur.amersfoort@kapittel.example", DEMO_PASSWORD);
    const response = await page.goto(`${app.url}${BOOK}/${draftOfCivity.slug}`);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1 }).innerText()).resolves.toBe("Geen toegang");
    await expect(page.locator("main").innerText()).resolves.toContain("nog niet gepubliceerd");
  });

  test("a wrong password shows a Dutch error next to the form", async () => {
    const page = await newPage();
    await page.goto(`${app.url}/inloggen`);
    await page.getByLabel(/e-mail/i).fill("lezer@kapittel.example");
    await page.getByLabel(/wachtwoord/i).fill("helemaal-fout-123");
    await page.getByRole("button", { name: /inloggen/i }).click();
    await page.getByText("E-mailadres of wachtwoord klopt niet.").waitFor();
    expect(new URL(page.url()).pathname).toBe("/inloggen");
  });

  test("the language switch turns the interface English and back", async () => {
    const page = await newPage();
    await page.goto(`${app.url}/`);
    await page.getByRole("button", { name: /EN/ }).click();
    await page.getByRole("heading", { name: "Welcome to Kapittel" }).waitFor();
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("en");
    await page.getByRole("button", { name: /NL/ }).click();
    await page.getByRole("heading", { name: "Welkom bij Kapittel" }).waitFor();
  });
});
