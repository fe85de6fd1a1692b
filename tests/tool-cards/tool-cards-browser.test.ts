import { afterEach, expect, test } from "vitest";
import type { BrowserContext } from "playwright-core";
import { db } from "#app/utils/db.server.ts";
import { createBook, createChapter, createOrganisation, createTool, createUser, TEST_PASSWORD } from "#tests/factories.ts";
import { seriousViolations } from "#tests/helpers/axe.ts";
import { logInThroughForm, useBrowser } from "#tests/helpers/browser.ts";
import { useTestServer } from "#tests/helpers/server.ts";

const app = useTestServer();
const chromium = useBrowser();
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
  expect(pageErrors.splice(0), "uncaught errors in the page").toEqual([]);
});

test("an author finds a tool in the insert dialog by keyboard, the card shows in the text, and readers see it once published", async () => {
  const organisation = await createOrganisation();
  const { book, part } = await createBook();
  const chapter = await createChapter({ bookId: book.id, partId: part.id, organisationIds: [organisation.id], bodyHtml: "<p>Over sensoren in de stad.</p>" });
  const author = await createUser({ role: "author", organisationIds: [organisation.id] });
  const tool = await createTool({ name: "Sensorenregister proef", summary: "Een openbaar register van sensoren in de openbare ruimte." });

  const context = await chromium.browser.newContext({ locale: "nl-NL", viewport: { width: 1200, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  page.on("pageerror", (error) => pageErrors.push(error.message));
  await logInThroughForm(page, app.url, author.email, TEST_PASSWORD);
  await page.goto(`${app.url}/boek/${book.slug}/${chapter.slug}/bewerken`);
  await page.locator(".ProseMirror").getByText("Over sensoren in de stad.").waitFor();
  await page.locator(".ProseMirror").click();
  await page.keyboard.press("Control+End");

  await page.getByRole("button", { name: "Tool invoegen" }).click();
  const dialog = page.getByRole("dialog", { name: "Instrument uit de gereedschapskist invoegen" });
  await dialog.waitFor();
  await dialog.getByLabel("Zoek een instrument").fill("sensorenregister proef");
  const choice = dialog.getByRole("button", { name: "Sensorenregister proef invoegen" });
  await choice.waitFor();
  expect(await seriousViolations(page)).toEqual([]);
  await choice.focus();
  await page.keyboard.press("Enter");
  await dialog.waitFor({ state: "hidden" });

  // The card in the editor shows the tool as the reader will see it.
  const card = page.locator(`.ProseMirror aside.tool-card[data-tool="${tool.slug}"]`);
  await card.getByText("Een openbaar register van sensoren in de openbare ruimte.").waitFor();
  await page.screenshot({ path: "/tmp/tool-cards-editor.png" });

  // The server stores it in the chapter's HTML (rendered from the live document) …
  await expect.poll(async () => (await db.chapter.findUniqueOrThrow({ where: { id: chapter.id } })).bodyHtml, { timeout: 20_000 }).toContain(`data-tool="${tool.slug}"`);
  // … and once published, a visitor reads it as a card that links to the tool, which lists the chapter.
  await db.chapter.update({ where: { id: chapter.id }, data: { status: "published" } });
  const reader = await (await chromium.browser.newContext({ locale: "nl-NL" })).newPage();
  contexts.push(reader.context());
  await reader.goto(`${app.url}/boek/${book.slug}/${chapter.slug}`);
  await reader.getByRole("complementary", { name: "Instrument uit de gereedschapskist: Sensorenregister proef" }).getByRole("link", { name: "Sensorenregister proef" }).click();
  await reader.waitForURL(`${app.url}/gereedschapskist/${tool.slug}`);
  await reader.getByRole("region", { name: "Genoemd in het boek" }).getByRole("link", { name: chapter.title }).waitFor();
});
