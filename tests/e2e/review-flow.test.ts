import type { BrowserContext, Page } from "playwright-core";
import { afterEach, expect, test } from "vitest";
import { db } from "#app/utils/db.server.ts";
import { createBook, createChapter, createOrganisation, createUser, TEST_PASSWORD } from "#tests/factories.ts";
import { logInThroughForm, useBrowser } from "#tests/helpers/browser.ts";
import { selectText, textOf } from "#tests/helpers/editor-page.ts";
import { useTestServer } from "#tests/helpers/server.ts";

// The review issue's whole flow, in real Chromium with two people: an author submits; the editor
// comments on a sentence, suggests a change and requests changes; the author follows the
// notification, replies, accepts the suggestion and resubmits; the editor approves and publishes;
// the chapter turns read-only and readers find it in the book.

const app = useTestServer();
const chromium = useBrowser();
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
  expect(pageErrors.splice(0), "uncaught errors in the page").toEqual([]);
});

const SENTENCE = "De gemeente wil de kust beschermen.";
const SUGGESTED = " Daarvoor meet zij de zeespiegel elke dag.";

async function logIn(email: string): Promise<Page> {
  const context = await chromium.browser.newContext({ locale: "nl-NL", viewport: { width: 1400, height: 1000 } });
  contexts.push(context);
  const page = await context.newPage();
  page.on("pageerror", (error) => pageErrors.push(`${page.url()}: ${error.message}`));
  await logInThroughForm(page, app.url, email, TEST_PASSWORD);
  return page;
}

async function openEditor(page: Page, url: string): Promise<void> {
  await page.goto(`${app.url}${url}`);
  await page.locator(".ProseMirror").waitFor();
  await expect.poll(() => page.locator("[data-connection]").getAttribute("data-connection"), { timeout: 15_000 }).toBe("connected");
  await expect.poll(() => page.locator(".ProseMirror").innerText(), { timeout: 15_000 }).toContain("Eerste zin");
}

const panelOf = (page: Page) => page.getByRole("region", { name: "Redactieproces" });

async function takeStep(page: Page, button: string, expected: string): Promise<void> {
  await panelOf(page).getByRole("button", { name: button, exact: true }).click();
  await panelOf(page).getByRole("status").filter({ hasText: `De status is nu: ${expected}.` }).waitFor();
}

test("submit, comment and suggest, request changes, reply and accept, resubmit, approve, publish", async () => {
  const organisation = await createOrganisation({ name: "Gemeente Kustdorp" });
  const { book, part } = await createBook({ title: "Het boek van de kust" });
  const chapter = await createChapter({
    bookId: book.id,
    partId: part.id,
    organisationIds: [organisation.id],
    title: "De kust beschermen",
    bodyHtml: `<p>Eerste zin van het hoofdstuk. ${SENTENCE}</p><p>Laatste alinea.</p>`,
  });
  const anna = await createUser({ role: "author", organisationIds: [organisation.id], name: "Anna Kustdorp" });
  const eva = await createUser({ role: "editor", name: "Eva Redactie" });
  const chapterPath = `/boek/${book.slug}/${chapter.slug}`;
  const status = async () => (await db.chapter.findUniqueOrThrow({ where: { id: chapter.id } })).status;

  // 1. The author submits from the chapter page.
  const author = await logIn(anna.email);
  await author.goto(`${app.url}${chapterPath}`);
  await takeStep(author, "Ter review aanbieden", "Ter review");

  // 2. The editor comments on a sentence, suggests an addition, and asks for changes.
  const editor = await logIn(eva.email);
  await openEditor(editor, `${chapterPath}/bewerken`);
  await selectText(editor, SENTENCE);
  await editor.getByRole("button", { name: "Opmerking", exact: true }).click();
  await editor.getByLabel("Uw opmerking").fill("Kunt u een bron noemen voor deze zin?");
  await editor.getByRole("button", { name: "Plaatsen", exact: true }).click();
  await editor.locator(".comment-highlight").first().waitFor();

  const toggle = editor.getByRole("button", { name: "Voorstellen" });
  await toggle.click();
  await expect.poll(() => toggle.getAttribute("aria-pressed")).toBe("true");
  await editor.locator(".ProseMirror p", { hasText: "Eerste zin" }).click();
  await editor.keyboard.press("End");
  await editor.keyboard.type(SUGGESTED, { delay: 5 });
  await expect.poll(() => textOf(editor.locator(".ProseMirror ins.suggestion-insertion"))).toBe(SUGGESTED);

  await panelOf(editor).getByText("Wijzigingen vragen…").click();
  await panelOf(editor).getByLabel("Wat moet er veranderen?").fill("Graag de bron toevoegen en mijn voorstel bekijken.");
  await panelOf(editor).getByRole("button", { name: "Wijzigingen vragen versturen" }).click();
  await panelOf(editor).getByRole("status").filter({ hasText: "De status is nu: Wijzigingen gevraagd." }).waitFor();
  expect(await status()).toBe("changes_requested");

  // 3. The author sees the notification, follows it, replies to the comment and accepts the suggestion.
  await author.goto(`${app.url}/`);
  const bell = author.getByRole("link", { name: /^Meldingen, \d+ ongelezen$/ });
  await bell.click();
  await author.getByRole("button", { name: /Eva Redactie vraagt wijzigingen in “De kust beschermen”/ }).click();
  await author.waitForURL((url) => url.pathname.startsWith(chapterPath));
  await panelOf(author).getByText("Graag de bron toevoegen en mijn voorstel bekijken.").waitFor();

  await openEditor(author, `${chapterPath}/bewerken`);
  await author.getByText("Kunt u een bron noemen voor deze zin?").waitFor();
  await author.getByRole("button", { name: "Reageren", exact: true }).click();
  await author.getByLabel("Uw reactie").fill("De bron is het kustrapport van de provincie.");
  await author.getByRole("button", { name: "Reactie plaatsen" }).click();
  // The editor sees the reply live, without reloading.
  await editor.getByText("De bron is het kustrapport van de provincie.").waitFor();

  const suggestions = author.getByTestId("suggestion-panel");
  await suggestions.getByRole("button", { name: "Voorstel van Eva Redactie accepteren" }).click();
  await expect.poll(() => author.locator(".ProseMirror ins").count()).toBe(0);
  await expect.poll(() => textOf(author.locator(".ProseMirror p", { hasText: "Eerste zin" }))).toBe(`Eerste zin van het hoofdstuk. ${SENTENCE}${SUGGESTED}`);
  await expect.poll(async () => (await db.chapter.findUniqueOrThrow({ where: { id: chapter.id } })).openSuggestions, { timeout: 20_000 }).toBe(0);
  await takeStep(author, "Ter review aanbieden", "Ter review");

  // The diff between the two review rounds shows exactly the accepted change.
  await editor.goto(`${app.url}${chapterPath}/revisies/vergelijk?van=1&naar=3`);
  const marked = async (tag: "ins" | "del") =>
    (await editor.locator(`section.prose-book ${tag}`).allInnerTexts()).join(" ").replace(/(Toegevoegd|Verwijderd):/g, "").replace(/\s+/g, " ").trim();
  await expect.poll(() => marked("ins")).toBe(SUGGESTED.trim());
  expect(await marked("del")).toBe("");

  // 4. The editor approves and publishes.
  await editor.goto(`${app.url}${chapterPath}`);
  await takeStep(editor, "Goedkeuren", "Goedgekeurd");
  await takeStep(editor, "Publiceren", "Gepubliceerd");
  expect(await status()).toBe("published");

  // 5. Read-only for everyone, and in the book for readers.
  await openEditor(author, `${chapterPath}/bewerken`);
  await author.getByText("Alleen lezen").first().waitFor();
  expect(await author.locator(".ProseMirror").getAttribute("contenteditable")).toBe("false");
  const reader = await chromium.browser.newContext({ locale: "nl-NL" });
  contexts.push(reader);
  const readerPage = await reader.newPage();
  await readerPage.goto(`${app.url}/boek/${book.slug}`);
  await readerPage.getByRole("link", { name: "De kust beschermen" }).click();
  await readerPage.getByText("Daarvoor meet zij de zeespiegel elke dag.").waitFor();
}, 180_000);
