import type { Page } from "playwright-core";
import { afterEach, beforeAll, describe, expect, test } from "vitest";
import { createBook, createChapter, createOrganisation, createUser, TEST_PASSWORD } from "#tests/factories.ts";
import { seriousViolations } from "#tests/helpers/axe.ts";
import { logInThroughForm, useBrowser } from "#tests/helpers/browser.ts";
import { useTestServer } from "#tests/helpers/server.ts";
import { createRevisionRow } from "./helpers.ts";

const app = useTestServer();
const chromium = useBrowser();

let editorEmail: string;
let base: string;

beforeAll(async () => {
  const organisation = await createOrganisation();
  editorEmail = (await createUser({ role: "editor" })).email;
  const { book, part } = await createBook();
  const chapter = await createChapter({ bookId: book.id, partId: part.id, organisationIds: [organisation.id], status: "changes_requested" });
  await createRevisionRow(chapter.id, "<h2>Bruggen</h2><p>De oude brug over de rivier is smal.</p><ul><li><p>fietsers</p></li></ul>", {
    fromStatus: "draft",
    toStatus: "in_review",
    message: "Eerste ronde",
  });
  await createRevisionRow(chapter.id, "<h2>Bruggen</h2><p>De nieuwe brug over de rivier is breed.</p><ul><li><p>fietsers</p></li><li><p>wandelaars</p></li></ul>", {
    fromStatus: "in_review",
    toStatus: "changes_requested",
    message: "Tweede ronde",
  });
  base = `/boek/${book.slug}/${chapter.slug}`;
});

const pages: Page[] = [];
afterEach(async () => {
  await Promise.all(pages.splice(0).map((page) => page.context().close()));
});

describe("comparing revisions in the browser", () => {
  test("an editor picks two revisions in the list and sees the inserted and deleted words marked", async () => {
    const context = await chromium.browser.newContext({ locale: "nl-NL" });
    const page = await context.newPage();
    pages.push(page);
    await logInThroughForm(page, app.url, editorEmail, TEST_PASSWORD);

    await page.goto(`${app.url}${base}/revisies`);
    await page.getByRole("heading", { level: 1, name: /Versies/ }).waitFor();
    await page.getByLabel("Van").selectOption("1");
    await page.getByLabel("Naar").selectOption("2");
    await page.getByRole("button", { name: "Vergelijken" }).click();
    await page.waitForURL((url) => url.pathname.endsWith("/revisies/vergelijk") && url.searchParams.get("naar") === "2");

    await page.getByRole("heading", { level: 1, name: "Verschillen: Versie 1 → Versie 2" }).waitFor();
    const content = page.getByRole("region", { name: "Tekst met de verschillen" });
    await content.waitFor();
    const inserted = await content.locator("ins").allInnerTexts();
    const deleted = await content.locator("del").allInnerTexts();
    expect(inserted.map((text) => text.replace(/^Toegevoegd:\s*/, "").trim())).toEqual(["nieuwe", "breed", "wandelaars"]);
    expect(deleted.map((text) => text.replace(/^Verwijderd:\s*/, "").trim())).toEqual(["oude", "smal"]);

    // Not colour alone: inserted text is underlined, deleted text struck through.
    const style = (selector: string) => content.locator(selector).first().evaluate((element) => getComputedStyle(element).textDecorationLine);
    expect(await style("ins")).toContain("underline");
    expect(await style("del")).toContain("line-through");
    // The whole new list item carries the bar in the margin.
    expect(await content.locator("li.diff-added").innerText()).toContain("wandelaars");
    await page.getByRole("region", { name: "Legenda" }).waitFor();
    await expect(page.getByRole("status").first().innerText()).resolves.toContain("3 woorden toegevoegd, 2 woorden verwijderd.");
  });

  test("the revision pages and the dashboard have no serious accessibility violations", async () => {
    const context = await chromium.browser.newContext({ locale: "nl-NL" });
    const page = await context.newPage();
    pages.push(page);
    await logInThroughForm(page, app.url, editorEmail, TEST_PASSWORD);
    for (const path of [`${base}/revisies`, `${base}/revisies/1`, `${base}/revisies/vergelijk?van=1&naar=2`, `${base}/revisies/vergelijk?van=2&naar=nu`, "/redactie"]) {
      await page.goto(`${app.url}${path}`);
      await page.locator("h1").first().waitFor();
      expect(await seriousViolations(page), path).toEqual([]);
    }
  });
});
