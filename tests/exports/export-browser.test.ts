import { mkdirSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterEach, beforeAll, describe, expect, test } from "vitest";
import { db } from "#app/utils/db.server.ts";
import { createUser, TEST_PASSWORD } from "#tests/factories.ts";
import { seriousViolations } from "#tests/helpers/axe.ts";
import { logInThroughForm, useBrowser } from "#tests/helpers/browser.ts";
import { useTestServer } from "#tests/helpers/server.ts";
import { exportCast } from "./helpers.ts";

const app = useTestServer();
const chromium = useBrowser();
// Screenshots for people to look at (not compared): set EXPORT_SCREENSHOTS to a folder.
const SCREENSHOTS = process.env.EXPORT_SCREENSHOTS;

let editorEmail: string;
let exportPath: string;

beforeAll(async () => {
  const cast = await exportCast({ published: 3, drafts: 3 });
  // Long enough chapters that the export takes a moment, so the bar is seen moving.
  const paragraph = "<p>Een slimme stad begint bij de vraag wat bewoners nodig hebben, niet bij de techniek die te koop is. ".repeat(4) + "</p>";
  for (const chapter of cast.chapters) {
    await db.chapter.update({ where: { id: chapter.id }, data: { bodyHtml: `<h2>Waarom</h2>${paragraph.repeat(15)}<h2>Hoe</h2>${paragraph.repeat(15)}` } });
  }
  editorEmail = (await createUser({ role: "editor", name: "Eva Browser" })).email;
  exportPath = `/boek/${cast.book.slug}/export`;
  if (SCREENSHOTS) mkdirSync(SCREENSHOTS, { recursive: true });
});

const pages: Page[] = [];
afterEach(async () => {
  await Promise.all(pages.splice(0).map((page) => page.context().close()));
});

describe("the export page in a browser", () => {
  // A real Typst export on a busy two-core machine: give it more than the browser tests' 90 s.
  test("an editor starts an export, sees the bar move to done and the download link appear", { timeout: 180_000 }, async () => {
    const context = await chromium.browser.newContext({ locale: "nl-NL", viewport: { width: 1200, height: 1000 } });
    const page = await context.newPage();
    pages.push(page);
    await logInThroughForm(page, app.url, editorEmail, TEST_PASSWORD);
    await page.goto(`${app.url}${exportPath}`);
    await page.getByRole("heading", { level: 1, name: /Exporteren/ }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel(/Concept: alle 6 hoofdstukken/).check();
    await page.getByRole("button", { name: "Exporteer als PDF" }).click();
    await page.getByText("De export staat in de wachtrij").waitFor();
    await expect.poll(() => page.getByRole("progressbar").count()).toBe(1);

    // Live: the page is not reloaded; the bars follow the Server-Sent Events.
    let navigations = 0;
    page.on("framenavigated", () => (navigations += 1));
    const seen = new Set<string>();
    const pdfItem = page.locator("li[data-job-id]").filter({ hasText: "PDF" });
    await expect
      .poll(
        async () => {
          const status = (await pdfItem.getAttribute("data-status")) ?? "";
          const value = await pdfItem.getByRole("progressbar").getAttribute("value");
          seen.add(`${status}:${value ?? ""}`);
          if (status === "running" && SCREENSHOTS && !seen.has("shot")) {
            seen.add("shot");
            await page.screenshot({ path: `${SCREENSHOTS}/export-running.png`, fullPage: true });
          }
          return status;
        },
        { timeout: 150_000, interval: 50 },
      )
      .toBe("done");
    await page.getByRole("link", { name: "PDF downloaden" }).waitFor();
    expect(navigations).toBe(0);
    // It was seen on its way (queued or running, below 100%) before it was done.
    expect([...seen].some((state) => /^(queued|running):/.test(state) && !state.endsWith(":100"))).toBe(true);
    expect(await pdfItem.getByRole("progressbar").getAttribute("value")).toBe("100");
    await expect.poll(() => pdfItem.locator("[aria-live]").textContent()).toBe("Klaar");

    // The history lists it with its size and a download link.
    const history = page.getByRole("table", { name: "Eerdere exports" });
    await expect.poll(() => history.getByRole("link", { name: /downloaden/ }).count()).toBe(1);
    await expect.poll(() => history.textContent()).toMatch(/\d+ kB/);
    await expect.poll(() => history.textContent()).toContain("Eva Browser");

    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "PDF downloaden" }).click();
    expect((await download).suggestedFilename()).toMatch(/-concept-\d{4}-\d\d-\d\d\.pdf$/);

    expect(await seriousViolations(page)).toEqual([]);
    if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/export-done.png`, fullPage: true });
  });
});
