import type { Page } from "playwright-core";
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "#app/utils/db.server.ts";
import { createUser, TEST_PASSWORD } from "#tests/factories.ts";
import { seriousViolations } from "#tests/helpers/axe.ts";
import { logInThroughForm, useBrowser } from "#tests/helpers/browser.ts";
import { useTestServer } from "#tests/helpers/server.ts";
import { createArrangedBook, currentOrder } from "./helpers.ts";

const app = useTestServer();
const chromium = useBrowser();
let fixture: Awaited<ReturnType<typeof createArrangedBook>>;
const EDITOR_EMAIL = "indeling.redacteur@kapittel.test";

beforeAll(async () => {
  fixture = await createArrangedBook();
  await createUser({ role: "editor", email: EDITOR_EMAIL });
});

/** Chapter titles per part, in the database's order. */
async function titlesByPart(): Promise<string[][]> {
  const order = await currentOrder(fixture.book.id);
  const titles = new Map((await db.chapter.findMany({ where: { bookId: fixture.book.id }, select: { id: true, title: true } })).map((c) => [c.id, c.title]));
  return order.map((part) => part.chapterIds.map((id) => titles.get(id) ?? id));
}

async function openStructurePage(page: Page) {
  await page.goto(`${app.url}/boek/${fixture.book.slug}/indeling`);
  // The buttons are enabled once the page is interactive.
  await page.getByRole("button", { name: "Tweede hoofdstuk omhoog" }).and(page.locator(":enabled")).waitFor();
}

describe("arranging the book in the browser", () => {
  test("an editor reorders with the keyboard (buttons and drag and drop) and the mouse; the book page follows", async () => {
    const page = await chromium.browser.newPage();
    await logInThroughForm(page, app.url, EDITOR_EMAIL, TEST_PASSWORD);
    await openStructurePage(page);
    expect(await seriousViolations(page), "indeling").toEqual([]);

    // 1. The "up" button, pressed with the keyboard: focus stays on the chapter's buttons.
    await page.getByRole("button", { name: "Tweede hoofdstuk omhoog" }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(titlesByPart).toEqual([["Tweede hoofdstuk", "Eerste hoofdstuk"], ["Derde hoofdstuk"]]);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe("Tweede hoofdstuk omlaag");
    await page.getByRole("status").filter({ hasText: "Tweede hoofdstuk staat nu op plaats 1 van 2" }).waitFor();

    // 2. dnd-kit's keyboard sensor: pick up, one step up (into the first part), drop; announced in Dutch.
    await page.getByRole("button", { name: "Hoofdstuk Derde hoofdstuk verplaatsen" }).focus();
    await page.keyboard.press("Space");
    await expect.poll(() => page.locator("[id^=DndLiveRegion]").textContent()).toContain("Hoofdstuk Derde hoofdstuk opgepakt");
    await page.keyboard.press("ArrowUp");
    await expect.poll(() => page.locator("[id^=DndLiveRegion]").textContent()).toContain("in deel ‘Deel één’");
    await page.keyboard.press("Space");
    await expect.poll(async () => (await titlesByPart())[1]).toEqual([]);
    expect((await titlesByPart())[0]).toHaveLength(3);
    expect((await titlesByPart())[0]).toContain("Derde hoofdstuk");

    // 3. The mouse: drag the first chapter by its handle below the second.
    const before = (await titlesByPart())[0]!;
    const handle = page.getByRole("button", { name: `Hoofdstuk ${before[0]} verplaatsen` });
    const target = page.locator("[data-chapter-id]").nth(1);
    const from = (await handle.boundingBox())!;
    const to = (await target.boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    for (let y = from.y + from.height / 2; y <= to.y + to.height * 0.8; y += 8) await page.mouse.move(from.x + from.width / 2, y);
    await page.mouse.up();
    await expect.poll(async () => (await titlesByPart())[0]).toEqual([before[1], before[0], before[2]]);

    // 4. After a reload, the reader's book page lists the chapters in the new order.
    const expected = (await titlesByPart()).flat();
    await page.goto(`${app.url}/boek/${fixture.book.slug}`);
    const listed = await page.locator("nav[aria-labelledby=contents-title] ol ol li a").allTextContents();
    expect(listed).toEqual(expected);
    await page.close();
  });

  test("the settings page passes axe and saves with the keyboard", async () => {
    const page = await chromium.browser.newPage();
    await logInThroughForm(page, app.url, EDITOR_EMAIL, TEST_PASSWORD);
    await page.goto(`${app.url}/boek/${fixture.book.slug}/instellingen`);
    expect(await seriousViolations(page), "instellingen").toEqual([]);
    await page.getByLabel("ISBN").fill("978-0-262-03384-9");
    await page.getByLabel("ISBN").press("Tab");
    // Checked in the browser with the same code the server uses.
    await page.getByText("Het controlecijfer klopt niet").waitFor();
    await page.getByLabel("ISBN").fill("9780262033848");
    await page.getByLabel("Voorwoord").fill("Een *kort* voorwoord.");
    await page.getByLabel("Voorwoord").press("Tab");
    await page.getByRole("button", { name: "Instellingen opslaan" }).press("Enter");
    await page.getByText("De instellingen zijn opgeslagen.").waitFor();
    const book = await db.book.findUniqueOrThrow({ where: { id: fixture.book.id } });
    expect(book).toMatchObject({ isbn: "9780262033848", forewordHtml: "<p>Een <em>kort</em> voorwoord.</p>" });
    expect(await page.getByLabel("ISBN").inputValue()).toBe("978-026203384-8");
    await page.close();
  });
});
