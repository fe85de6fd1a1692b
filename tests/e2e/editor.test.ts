import type { BrowserContext, Page } from "playwright-core";
import { afterEach, beforeAll, describe, expect, test } from "vitest";
import { createBook, createChapter, createOrganisation, createUser, TEST_PASSWORD } from "#tests/factories.ts";
import { logInThroughForm, useBrowser } from "#tests/helpers/browser.ts";
import { useTestServer } from "#tests/helpers/server.ts";
import { db } from "#app/utils/db.server.ts";
import { refreshChapterAccess } from "#app/utils/collab-access.server.ts";

// The real server: its collaboration service starts a chapter's document from its HTML
// (chapter-content.server.ts) and renders edits back.
const app = useTestServer();
const chromium = useBrowser();

let editUrl: string;
let reviewUrl: string;
let toolbarUrl: string;
let dialogsUrl: string;
const anna = { name: "Anna Amersfoort", email: "anna@amersfoort.test" };
const bram = { name: "Bram Civity", email: "bram@civity.test" };

beforeAll(async () => {
  // One chapter written together by two partners: each partner's author may write it.
  const amersfoort = await createOrganisation({ name: "Gemeente Amersfoort" });
  const civity = await createOrganisation({ name: "Civity", kind: "company" });
  const { book, part } = await createBook();
  const body = "<h2>Begin</h2><p>Bestaande tekst van het hoofdstuk.</p>";
  const chapter = await createChapter({ bookId: book.id, partId: part.id, organisationIds: [amersfoort.id, civity.id], bodyHtml: body });
  // Approved: read-only for everyone (in review its authors would suggest: tests/suggestions/).
  const review = await createChapter({ bookId: book.id, partId: part.id, organisationIds: [amersfoort.id], status: "approved", bodyHtml: body });
  editUrl = `/boek/${book.slug}/${chapter.slug}/bewerken`;
  // Each test that writes has a chapter of its own, so none depends on what another typed.
  const shared = { bookId: book.id, partId: part.id, organisationIds: [amersfoort.id, civity.id], bodyHtml: body };
  toolbarUrl = `/boek/${book.slug}/${(await createChapter(shared)).slug}/bewerken`;
  dialogsUrl = `/boek/${book.slug}/${(await createChapter(shared)).slug}/bewerken`;
  reviewUrl = `/boek/${book.slug}/${review.slug}/bewerken`;
  const submitted = await createChapter(shared);
  submittedChapterId = submitted.id;
  submittedUrl = `/boek/${book.slug}/${submitted.slug}/bewerken`;
  await createUser({ role: "author", organisationIds: [amersfoort.id], ...anna });
  await createUser({ role: "author", organisationIds: [civity.id], ...bram });
});

let submittedChapterId = "";
let submittedUrl = "";
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
  expect(pageErrors.splice(0), "uncaught errors in the page").toEqual([]);
});

/** A browser of its own (cookies, IndexedDB) logged in as the person, on the edit page. */
async function openEditor(person: { email: string }, url = editUrl): Promise<Page> {
  const context = await chromium.browser.newContext({ locale: "nl-NL", viewport: { width: 1100, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  page.on("pageerror", (error) => pageErrors.push(error.message));
  await logInThroughForm(page, app.url, person.email, TEST_PASSWORD);
  await page.goto(`${app.url}${url}`);
  await page.locator(".ProseMirror").waitFor();
  // Synced with the server: the chapter's existing text has arrived (typing starts after that).
  await waitForText(page, "Bestaande tekst van het hoofdstuk.");
  return page;
}

/** Saves a screenshot when EDITOR_SCREENSHOTS names a folder (for looking at the page, not for asserting). */
async function screenshot(page: Page, name: string): Promise<void> {
  const folder = process.env.EDITOR_SCREENSHOTS;
  if (folder) await page.screenshot({ path: `${folder}/editor-${name}.png`, fullPage: true });
}

const editor = (page: Page) => page.locator(".ProseMirror");
const connection = (page: Page) => page.locator("[data-connection]");

/** Puts the caret at the end of the text and types like a person. */
async function typeAtEnd(page: Page, text: string): Promise<void> {
  await editor(page).click();
  await page.keyboard.press("Control+End");
  await page.keyboard.type(text, { delay: 5 });
}

/** The document's text as the page shows it, without other people's caret labels. */
function documentText(page: Page): Promise<string> {
  return editor(page).evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    copy.querySelectorAll(".collaboration-carets__caret").forEach((caret) => caret.remove());
    return copy.textContent ?? "";
  });
}

async function waitForText(page: Page, text: string): Promise<void> {
  await expect.poll(() => documentText(page), { timeout: 15_000 }).toContain(text);
}

describe("writing together in the browser", () => {
  test("two partners see each other's text, carets and names; offline edits merge; a reload keeps everything", async () => {
    const a = await openEditor(anna);
    const b = await openEditor(bram);
    await expect.poll(() => connection(a).getAttribute("data-connection")).toBe("connected");
    await expect.poll(() => connection(b).getAttribute("data-connection")).toBe("connected");
    await expect.poll(() => connection(a).innerText()).toContain("Verbonden");
    // The chapter's existing text is there once, from the server, for both.
    await waitForText(a, "Bestaande tekst van het hoofdstuk.");
    await waitForText(b, "Bestaande tekst van het hoofdstuk.");
    expect((await documentText(b)).match(/Bestaande tekst/g)).toHaveLength(1);

    await typeAtEnd(a, " Anna schrijft.");
    await waitForText(b, "Anna schrijft.");
    await typeAtEnd(b, " Bram vult aan.");
    await waitForText(a, "Bram vult aan.");

    // Each sees the other's caret with their name, and both names in the list of people present.
    await expect.poll(() => a.locator(".collaboration-carets__label").allInnerTexts()).toContain(bram.name);
    await expect.poll(() => b.locator(".collaboration-carets__label").allInnerTexts()).toContain(anna.name);
    await expect.poll(() => a.getByTestId("present-users").innerText()).toContain(bram.name);
    await expect.poll(() => b.getByTestId("present-users").innerText()).toContain(anna.name);
    await screenshot(a, "together");

    // Bram loses the connection and keeps writing; Anna writes meanwhile.
    await b.context().setOffline(true);
    await expect.poll(() => connection(b).innerText()).toContain("Offline — wijzigingen worden bewaard");
    await typeAtEnd(b, " Geschreven in de trein.");
    await typeAtEnd(a, " Geschreven op kantoor.");
    await waitForText(a, "Geschreven op kantoor.");
    expect(await documentText(a)).not.toContain("Geschreven in de trein.");

    await b.context().setOffline(false);
    await expect.poll(() => connection(b).getAttribute("data-connection"), { timeout: 20_000 }).toBe("connected");
    await waitForText(a, "Geschreven in de trein.");
    await waitForText(b, "Geschreven op kantoor.");
    const converged = await documentText(a);
    await expect.poll(() => documentText(b)).toBe(converged);

    // A reload (from the server and IndexedDB) shows exactly the same text.
    await a.reload();
    await editor(a).waitFor();
    await expect.poll(() => documentText(a)).toBe(converged);
  });

  test("someone who may only read sees the text live but cannot change it", async () => {
    const reader = await openEditor(anna, reviewUrl);
    await expect.poll(() => connection(reader).getAttribute("data-connection")).toBe("connected");
    await reader.getByText("Alleen lezen").waitFor();
    expect(await editor(reader).getAttribute("contenteditable")).toBe("false");
    expect(await reader.getByRole("toolbar").count()).toBe(0);
    await waitForText(reader, "Bestaande tekst van het hoofdstuk.");
    await screenshot(reader, "read-only");
  });

  test("an open editor turns read-only at once when the chapter is approved", async () => {
    const page = await openEditor(anna, submittedUrl);
    await expect.poll(() => connection(page).getAttribute("data-connection")).toBe("connected");
    expect(await editor(page).getAttribute("contenteditable")).toBe("true");
    await db.chapter.update({ where: { id: submittedChapterId }, data: { status: "approved" } });
    await refreshChapterAccess(submittedChapterId);
    await page.getByText("Alleen lezen").waitFor();
    await expect.poll(() => editor(page).getAttribute("contenteditable")).toBe("false");
    await expect.poll(() => connection(page).getAttribute("data-connection")).toBe("connected");
  });

  test("the toolbar formats text, inserts a numbered footnote and a table", async () => {
    const page = await openEditor(anna, toolbarUrl);
    await expect.poll(() => connection(page).getAttribute("data-connection")).toBe("connected");
    await typeAtEnd(page, " Nadruk");
    await page.keyboard.press("Shift+Home");
    const italic = page.getByRole("button", { name: "Cursief" });
    await italic.click();
    await expect.poll(() => italic.getAttribute("aria-pressed")).toBe("true");
    expect(await italic.getAttribute("title")).toMatch(/Cursief \(Ctrl-I\)/);

    await page.keyboard.press("End");
    await page.getByRole("button", { name: "Voetnoot" }).click();
    await page.locator(".footnote-popup .ProseMirror").waitFor();
    await page.keyboard.type("Een bron.");
    await screenshot(page, "footnote");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator(".editor-content .footnote").count()).toBe(1);
    expect(await page.locator(".editor-content .footnote").getAttribute("title")).toBe("Een bron.");

    await page.getByRole("button", { name: "Tabel invoegen" }).click();
    await expect.poll(() => page.locator(".editor-content table th").count()).toBe(3);
    await expect.poll(() => page.getByText(/\d+ woorden/).innerText()).toMatch(/^\d+ woorden$/);
    await page.keyboard.type("Kolom");
    await screenshot(page, "table");

    // Once the edits settle the server renders them, and the read view shows the note as a numbered reference.
    const readUrl = `${app.url}${toolbarUrl.replace(/\/bewerken$/, "")}`;
    const reader = await page.context().newPage();
    await expect
      .poll(async () => {
        await reader.goto(readUrl);
        return reader.locator("section.footnotes li").allInnerTexts();
      }, { timeout: 30_000, interval: 1000 })
      .toEqual([expect.stringContaining("Een bron.")]);
    expect(await reader.locator(".prose-book sup a[data-footnote-ref]").innerText()).toBe("1");
    expect(await reader.locator(".prose-book table th").first().innerText()).toBe("Kolom");
  });

  test("a link through the dialog (Ctrl+K), and an image uploaded with its alt text", async () => {
    const page = await openEditor(bram, dialogsUrl);
    await expect.poll(() => connection(page).getAttribute("data-connection")).toBe("connected");
    await typeAtEnd(page, " Zie de bron");
    // Let the typed text settle before selecting by keyboard (under load a selection key can
    // overtake the last character's DOM update and select one character too few).
    await waitForText(page, "Zie de bron");
    for (let i = 0; i < "bron".length; i++) await page.keyboard.press("Shift+ArrowLeft");
    await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe("bron");
    // Give the editor the frame a person's next key would (its selectionchange handling runs first).
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await page.keyboard.press("Control+k");
    const dialog = page.getByRole("dialog", { name: "Link" });
    await dialog.getByLabel("Adres (https://…)").fill("javascript:alert(1)");
    await dialog.getByRole("button", { name: "Link opslaan" }).click();
    await dialog.getByText(/begint met https:\/\//).waitFor();
    await dialog.getByLabel("Adres (https://…)").fill("example.org/bron");
    await dialog.getByRole("button", { name: "Link opslaan" }).click();
    await expect.poll(() => editor(page).locator('a[href="https://example.org/bron"]').innerText()).toBe("bron");

    await page.keyboard.press("End");
    await page.getByRole("button", { name: "Afbeelding" }).click();
    const imageDialog = page.getByRole("dialog", { name: "Afbeelding invoegen" });
    // A 1×1 transparent PNG.
    const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");
    await imageDialog.getByLabel(/Bestand/).setInputFiles({ name: "kaart.png", mimeType: "image/png", buffer: png });
    await imageDialog.getByLabel(/alt-tekst/).fill("Een kaart van de binnenstad");
    await imageDialog.getByRole("button", { name: "Uploaden en invoegen" }).click();
    const image = editor(page).locator("img");
    await image.waitFor();
    expect(await image.getAttribute("alt")).toBe("Een kaart van de binnenstad");
    expect(await image.getAttribute("src")).toMatch(/^\/uploads\/[0-9a-f]{64}\.png$/);
    // The browser really shows it (served with an image type under the CSP).
    await expect.poll(() => image.evaluate((element) => (element as HTMLImageElement).naturalWidth)).toBe(1);
  });
});
