import type { Page } from "playwright-core";
import { beforeAll, expect, test } from "vitest";
import { db } from "#app/utils/db.server.ts";
import { seriousViolations } from "#tests/helpers/axe.ts";
import { logInThroughForm, useBrowser } from "#tests/helpers/browser.ts";
import { useTestServer } from "#tests/helpers/server.ts";
import { loadDemoData } from "../../prisma/demo-data.ts";
import { DEMO_PASSWORD } from "../../prisma/seed-data/users.ts";

const app = useTestServer();
const chromium = useBrowser();
let chapterPath = "";
// Set READER_COMMENTS_SCREENSHOTS=/some/dir to keep pictures of the pages (for looking at them).
const shots = process.env.READER_COMMENTS_SCREENSHOTS;
const shoot = async (page: Page, name: string) => {
  if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
};

beforeAll(async () => {
  await loadDemoData(db);
  const chapter = await db.chapter.findFirstOrThrow({ where: { status: "published" }, orderBy: { position: "asc" }, include: { book: true } });
  chapterPath = `/boek/${chapter.book.slug}/${chapter.slug}`;
});

test("a visitor leaves a reaction, an editor approves it, the visitor reloads and sees it", async () => {
  const visitorContext = await chromium.browser.newContext({ locale: "nl-NL" });
  const visitor = await visitorContext.newPage();
  await visitor.goto(`${app.url}${chapterPath}`);
  const form = visitor.locator("#reactie-formulier");
  await form.getByLabel("Naam", { exact: true }).fill("Vera Bezoeker");
  await form.getByLabel("E-mailadres").fill("vera@bezoeker.test");
  await form.getByLabel("Reactie", { exact: true }).fill("Helder hoofdstuk.\nWanneer komt het vervolg?");
  await form.getByLabel("Mail mij als iemand op mijn reactie antwoordt").check();
  expect(await seriousViolations(visitor), "chapter page with the reactions form").toEqual([]);
  await shoot(visitor, "1-chapter-form");
  await form.getByRole("button", { name: "Reactie plaatsen" }).click();
  await visitor.getByText("Bedankt! Uw reactie verschijnt na goedkeuring.").waitFor();
  // The form is empty again and the reaction is not shown yet.
  await expect.poll(() => visitor.locator("#reactie-formulier").getByLabel("Reactie", { exact: true }).inputValue()).toBe("");
  expect(await visitor.locator("#reacties article").count()).toBe(0);
  await shoot(visitor, "2-thanks");

  const editorContext = await chromium.browser.newContext({ locale: "nl-NL" });
  const editor = await editorContext.newPage();
  await logInThroughForm(editor, app.url, "redacteur@kapittel.example", DEMO_PASSWORD);
  await editor.goto(`${app.url}/redactie`);
  await editor.getByRole("link", { name: /Reacties van lezers modereren \(1 wachtend\)/ }).click();
  await editor.getByRole("heading", { level: 1, name: "Reacties van lezers" }).waitFor();
  const item = editor.getByRole("article", { name: "Reactie van Vera Bezoeker" });
  await item.getByText("Wanneer komt het vervolg?").waitFor();
  expect(await seriousViolations(editor), "moderation page").toEqual([]);
  await shoot(editor, "3-moderation");
  await item.getByRole("button", { name: "Goedkeuren" }).click();
  await editor.getByText("Reactie goedgekeurd: iedereen ziet haar nu.").waitFor();
  await item.getByText(/Goedgekeurd door Ruben Redactie/).waitFor();

  await visitor.reload();
  const shown = visitor.getByRole("article", { name: "Reactie van Vera Bezoeker" });
  await shown.waitFor();
  expect(await shown.innerText()).toContain("Helder hoofdstuk.\nWanneer komt het vervolg?");
  expect(await visitor.content()).not.toContain("vera@bezoeker.test");

  // A reply from the reader who opened the disclosure under it; it waits for moderation too.
  await visitor.locator("#reacties summary", { hasText: "Reageren" }).click();
  const replyForm = visitor.locator("form[id^='reactie-antwoord-']");
  await replyForm.getByLabel("Naam", { exact: true }).fill("Wim");
  await replyForm.getByLabel("E-mailadres").fill("wim@bezoeker.test");
  await replyForm.getByLabel("Antwoord").fill("Ik ben ook benieuwd.");
  expect(await seriousViolations(visitor), "chapter page with a reaction and an open reply form").toEqual([]);
  await shoot(visitor, "4-reply-form");
  await replyForm.getByRole("button", { name: "Antwoord plaatsen" }).click();
  await visitor.getByText("Bedankt! Uw reactie verschijnt na goedkeuring.").waitFor();

  // The editor deletes it, after confirming.
  await editor.reload();
  const reply = editor.getByRole("article", { name: "Reactie van Wim" });
  await reply.getByText("Verwijderen…").click();
  await reply.getByText("Deze reactie en de antwoorden erop worden definitief verwijderd.").waitFor();
  await shoot(editor, "5-delete-confirm");
  await reply.getByRole("button", { name: "Definitief verwijderen" }).click();
  await editor.getByText("Reactie verwijderd.").waitFor();
  await reply.waitFor({ state: "detached" });
  expect(await db.readerComment.count({ where: { name: "Wim" } })).toBe(0);
  await visitorContext.close();
  await editorContext.close();
});

test("a signed-in reader's reaction appears at once; the admin can switch that off", async () => {
  const context = await chromium.browser.newContext({ locale: "nl-NL" });
  const page = await context.newPage();
  await logInThroughForm(page, app.url, "lezer@kapittel.example", DEMO_PASSWORD);
  await page.goto(`${app.url}${chapterPath}`);
  const form = page.locator("#reactie-formulier");
  expect(await form.getByLabel("E-mailadres").inputValue()).toBe("lezer@kapittel.example");
  await form.getByLabel("Reactie", { exact: true }).fill("Als lezer meteen zichtbaar.");
  await form.getByRole("button", { name: "Reactie plaatsen" }).click();
  await page.getByText("Bedankt! Uw reactie staat hieronder.").waitFor();
  await page.getByRole("article", { name: /^Reactie van / }).filter({ hasText: "Als lezer meteen zichtbaar." }).waitFor();
  await context.close();

  const adminContext = await chromium.browser.newContext({ locale: "nl-NL" });
  const admin = await adminContext.newPage();
  await logInThroughForm(admin, app.url, "beheerder@kapittel.example", DEMO_PASSWORD);
  await admin.goto(`${app.url}/admin`);
  await admin.getByRole("navigation", { name: /beheer/i }).getByRole("link", { name: "Instellingen" }).click();
  const box = admin.getByLabel("Reacties van ingelogde lezers verschijnen meteen (zonder moderatie)");
  expect(await box.isChecked()).toBe(true);
  expect(await seriousViolations(admin), "settings page").toEqual([]);
  await shoot(admin, "6-settings");
  await box.uncheck();
  await admin.getByRole("button", { name: "Opslaan" }).click();
  await admin.getByText("Instellingen opgeslagen.").waitFor();
  await expect.poll(async () => (await db.siteSetting.findUnique({ where: { key: "readerComments.autoApproveSignedIn" } }))?.value).toBe("false");
  await adminContext.close();
});
