import type { BrowserContext, Page } from "playwright-core";
import { afterEach, beforeAll, describe, expect, test } from "vitest";
import { refreshChapterAccess } from "#app/utils/collab-access.server.ts";
import { db } from "#app/utils/db.server.ts";
import { createBook, createChapter, createOrganisation, createUser, TEST_PASSWORD } from "#tests/factories.ts";
import { logInThroughForm, useBrowser } from "#tests/helpers/browser.ts";
import { textOf } from "#tests/helpers/editor-page.ts";
import { useTestServer } from "#tests/helpers/server.ts";

const app = useTestServer();
const chromium = useBrowser();

const anna = { name: "Anna Amersfoort", email: "anna.voorstel@amersfoort.test" };
const eva = { name: "Eva Redactie", email: "eva.voorstel@kapittel.test" };
let chapterId = "";
let editUrl = "";
let draftId = "";
let draftUrl = "";

beforeAll(async () => {
  const amersfoort = await createOrganisation({ name: "Gemeente Amersfoort" });
  const { book, part } = await createBook();
  const body = "<h2>Begin</h2><p>Bestaande tekst van het hoofdstuk.</p><ul><li><p>Eerste punt</p></li></ul>";
  const chapter = await createChapter({ bookId: book.id, partId: part.id, organisationIds: [amersfoort.id], status: "in_review", bodyHtml: body });
  chapterId = chapter.id;
  editUrl = `/boek/${book.slug}/${chapter.slug}/bewerken`;
  const draft = await createChapter({
    bookId: book.id,
    partId: part.id,
    organisationIds: [amersfoort.id],
    // A footnote as chapter HTML stores it (chapter-content.server.ts): a reference and the notes section.
    bodyHtml:
      '<p>Bestaande tekst van het hoofdstuk.<sup><a href="#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref="">1</a></sup> Verder.</p>' +
      '<section data-footnotes="" class="footnotes"><ol><li id="user-content-fn-1"><p>Een noot <a href="#user-content-fnref-1" data-footnote-backref="">↩</a></p></li></ol></section>',
  });
  draftId = draft.id;
  draftUrl = `/boek/${book.slug}/${draft.slug}/bewerken`;
  await createUser({ role: "author", organisationIds: [amersfoort.id], ...anna });
  await createUser({ role: "editor", ...eva });
});

const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
  expect(pageErrors.splice(0), "uncaught errors in the page").toEqual([]);
});

async function openEditor(person: { email: string }, url = editUrl): Promise<Page> {
  const context = await chromium.browser.newContext({ locale: "nl-NL", viewport: { width: 1100, height: 1000 } });
  contexts.push(context);
  const page = await context.newPage();
  page.on("pageerror", (error) => pageErrors.push(`${page.url()}: ${error.message}`));
  await logInThroughForm(page, app.url, person.email, TEST_PASSWORD);
  await page.goto(`${app.url}${url}`);
  await page.locator(".ProseMirror").waitFor();
  await expect.poll(() => page.locator("[data-connection]").getAttribute("data-connection"), { timeout: 15_000 }).toBe("connected");
  await expect.poll(() => page.locator(".ProseMirror").innerText(), { timeout: 15_000 }).toContain("Bestaande tekst");
  return page;
}

async function screenshot(page: Page, name: string): Promise<void> {
  const folder = process.env.EDITOR_SCREENSHOTS;
  if (folder) await page.screenshot({ path: `${folder}/suggestions-${name}.png`, fullPage: true });
}

describe("suggestion mode in the browser", () => {
  test("an author in review suggests (forced); an editor sees it live and accepts it", async () => {
    const author = await openEditor(anna);
    const toggle = author.getByRole("button", { name: "Voorstellen" });
    await expect.poll(() => toggle.getAttribute("aria-pressed")).toBe("true");
    expect(await toggle.getAttribute("aria-disabled")).toBe("true");
    await author.getByText("Dit hoofdstuk ligt ter review").first().waitFor();
    // Clicking does not switch it off (force: Playwright waits for aria-disabled buttons otherwise).
    await toggle.click({ force: true });
    expect(await toggle.getAttribute("aria-pressed")).toBe("true");

    // Type at the end of the paragraph, and delete a word in the list item.
    await author.locator(".ProseMirror p", { hasText: "Bestaande tekst" }).click();
    await author.keyboard.press("End");
    await author.keyboard.type(" Een nieuwe zin.", { delay: 5 });
    await author.locator(".ProseMirror li", { hasText: "Eerste punt" }).click();
    await author.keyboard.press("End");
    for (let i = 0; i < " punt".length; i++) await author.keyboard.press("Backspace");

    const inserted = author.locator(".ProseMirror ins.suggestion-insertion");
    await expect.poll(() => textOf(inserted)).toBe(" Een nieuwe zin.");
    const deleted = author.locator(".ProseMirror del.suggestion-deletion");
    await expect.poll(() => textOf(deleted)).toBe(" punt");
    // The deleted text is still there; the insertion is drawn in Anna's colour, underlined.
    expect(await textOf(author.locator(".ProseMirror li"))).toBe("Eerste punt");
    const look = await inserted.evaluate((el) => ({ colour: el.style.getPropertyValue("--suggestion-colour"), line: getComputedStyle(el).textDecorationLine }));
    expect(look.colour).toMatch(/^#[0-9a-f]{6}$/);
    expect(look.line).toBe("underline");
    expect(await deleted.evaluate((el) => getComputedStyle(el).textDecorationLine)).toBe("line-through");
    const panel = author.getByTestId("suggestion-panel");
    await expect.poll(() => panel.innerText()).toContain("Voorstellen (2)");
    // An author in review cannot accept, only withdraw their own.
    expect(await panel.getByRole("button", { name: /accepteren/i }).count()).toBe(0);
    // Two suggestions; the one at the caret (the deletion) is also shown first, with its own button.
    const ids = await panel.locator("[data-suggestion-item]").evaluateAll((items) => items.map((item) => item.getAttribute("data-suggestion-item")));
    expect(new Set(ids).size).toBe(2);
    expect(await panel.getByRole("button", { name: "Uw voorstel intrekken" }).count()).toBe(ids.length);
    await screenshot(author, "author");

    const editor = await openEditor(eva);
    await expect.poll(() => textOf(editor.locator(".ProseMirror ins.suggestion-insertion")), { timeout: 15_000 }).toBe(" Een nieuwe zin.");
    await expect.poll(() => textOf(editor.locator(".ProseMirror del.suggestion-deletion"))).toBe(" punt");
    const reviewPanel = editor.getByTestId("suggestion-panel");
    await expect.poll(() => reviewPanel.innerText()).toContain("Anna Amersfoort");
    await editor.getByRole("button", { name: "Alles accepteren" }).waitFor();
    await screenshot(editor, "editor");

    // Accept the insertion: the caret on it (by keyboard: start of the text, down a line, to the end)
    // marks it in the list ("Voorstel bij de cursor"), with its buttons. (Keys rather than a click:
    // panels above the text may still grow while the page settles and move the text under the pointer.)
    await editor.locator(".ProseMirror h2").click();
    await editor.keyboard.press("Control+Home");
    await editor.keyboard.press("ArrowDown");
    await editor.keyboard.press("End");
    const atCaret = reviewPanel.locator('li[aria-current="true"]');
    await expect.poll(() => atCaret.innerText()).toContain("Een nieuwe zin.");
    await atCaret.getByRole("button", { name: "Voorstel van Anna Amersfoort accepteren" }).click();
    await expect.poll(() => editor.locator(".ProseMirror ins").count()).toBe(0);
    await expect.poll(() => author.locator(".ProseMirror ins").count()).toBe(0);
    await expect.poll(() => textOf(author.locator(".ProseMirror p", { hasText: "Bestaande" }))).toBe("Bestaande tekst van het hoofdstuk. Een nieuwe zin.");
    // Reject the deletion: the word stays, for both.
    await reviewPanel.getByRole("button", { name: "Voorstel van Anna Amersfoort weigeren" }).click();
    await expect.poll(() => author.locator(".ProseMirror del").count()).toBe(0);
    expect(await textOf(author.locator(".ProseMirror li"))).toBe("Eerste punt");
    await expect.poll(() => reviewPanel.innerText()).toContain("Geen open voorstellen.");

    // The decisions are in the activity log, and the stored chapter has no open suggestions.
    await expect
      .poll(async () => (await db.activityEvent.findMany({ where: { chapterId }, orderBy: { createdAt: "asc" } })).map((e) => [e.kind, JSON.parse(e.data)]))
      .toEqual([
        ["suggestion_accepted", { count: 1, text: "Een nieuwe zin." }],
        ["suggestion_rejected", { count: 1, text: "punt" }],
      ]);
    // Both from one rendering after the decisions (a count of 0 alone may be from before the suggestions).
    await expect
      .poll(
        async () => {
          const { openSuggestions, bodyHtml } = await db.chapter.findUniqueOrThrow({ where: { id: chapterId } });
          return { openSuggestions, accepted: bodyHtml?.includes("Een nieuwe zin.") };
        },
        { timeout: 20_000 },
      )
      .toEqual({ openSuggestions: 0, accepted: true });
  }, 120_000);

  test("an author switches it on and off while writing, suggests inside a footnote, and is forced once the chapter goes into review", async () => {
    const page = await openEditor(anna, draftUrl);
    const toggle = page.getByRole("button", { name: "Voorstellen" });
    await expect.poll(() => toggle.getAttribute("aria-pressed")).toBe("false");
    await toggle.click();
    await expect.poll(() => toggle.getAttribute("aria-pressed")).toBe("true");

    // Inside the footnote (its own small editor): the typed text is a suggestion.
    await page.locator(".ProseMirror .footnote").click();
    const note = page.locator(".footnote-popup .ProseMirror");
    await note.waitFor();
    await note.click();
    await page.keyboard.press("End");
    await page.keyboard.type(" met bron", { delay: 5 });
    await expect.poll(() => textOf(page.locator(".footnote-popup ins.suggestion-insertion"))).toBe(" met bron");
    await page.keyboard.press("Escape");

    // Off again: typing is direct.
    await toggle.click();
    await expect.poll(() => toggle.getAttribute("aria-pressed")).toBe("false");
    await page.locator(".ProseMirror p").click();
    await page.keyboard.press("End");
    await page.keyboard.type(" Direct.", { delay: 5 });
    await expect.poll(() => textOf(page.locator(".ProseMirror p"))).toContain("Direct.");
    expect(await page.locator(".ProseMirror ins").allTextContents()).not.toContain(" Direct.");
    await expect.poll(() => page.getByTestId("suggestion-panel").innerText()).toContain("Voorstellen (1)");

    // The chapter goes into review: the open editor reconnects and suggestion mode is forced.
    await db.chapter.update({ where: { id: draftId }, data: { status: "in_review" } });
    await refreshChapterAccess(draftId);
    await expect.poll(() => toggle.getAttribute("aria-disabled"), { timeout: 15_000 }).toBe("true");
    expect(await toggle.getAttribute("aria-pressed")).toBe("true");
    await expect.poll(() => page.locator("[data-connection]").getAttribute("data-connection"), { timeout: 15_000 }).toBe("connected");
    await page.locator(".ProseMirror p").click();
    await page.keyboard.press("End");
    await page.keyboard.type(" In review.", { delay: 5 });
    await expect.poll(() => page.locator(".ProseMirror ins.suggestion-insertion").allTextContents()).toContain(" In review.");
    await screenshot(page, "forced-after-review");
    // Stored: the server accepted it as a suggestion (no 4422 closed the connection).
    await expect
      .poll(async () => (await db.chapter.findUniqueOrThrow({ where: { id: draftId } })).openSuggestions, { timeout: 20_000 })
      .toBe(2);
    expect(await page.locator("[data-connection]").getAttribute("data-connection")).toBe("connected");
  }, 120_000);
});
