import type { BrowserContext, Page } from "playwright-core";
import { afterEach, expect, test } from "vitest";
import { db } from "#app/utils/db.server.ts";
import { createBook, createChapter, createOrganisation, createUser, TEST_PASSWORD } from "#tests/factories.ts";
import { seriousViolations } from "#tests/helpers/axe.ts";
import { logInThroughForm, useBrowser } from "#tests/helpers/browser.ts";
import { selectText } from "#tests/helpers/editor-page.ts";
import { useTestServer } from "#tests/helpers/server.ts";

const app = useTestServer();
const chromium = useBrowser();
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];
afterEach(async () => {
  // Closing the pages ends their event streams before the server stops.
  await Promise.all(contexts.splice(0).map((context) => context.close()));
  expect(pageErrors.splice(0), "uncaught errors in the page").toEqual([]);
});

const SENTENCE = "De gemeente wil de kust beschermen.";
async function openEditor(email: string, url: string): Promise<Page> {
  const context = await chromium.browser.newContext({ locale: "nl-NL", viewport: { width: 1400, height: 1000 } });
  contexts.push(context);
  const page = await context.newPage();
  page.on("pageerror", (error) => pageErrors.push(error.message));
  await logInThroughForm(page, app.url, email, TEST_PASSWORD);
  await page.goto(`${app.url}${url}`);
  await page.locator(".ProseMirror").waitFor();
  await page.getByRole("heading", { name: "Opmerkingen" }).waitFor();
  return page;
}

const highlighted = (page: Page) => page.locator(".comment-highlight").allInnerTexts().then((texts) => texts.join(""));

test("an editor comments on a sentence, the author sees it live and replies, the editor sees the reply live", async () => {
  const organisation = await createOrganisation();
  const { book, part } = await createBook();
  const chapter = await createChapter({
    bookId: book.id,
    partId: part.id,
    organisationIds: [organisation.id],
    bodyHtml: `<p>Eerst de inleiding. ${SENTENCE} Dan de rest.</p>`,
  });
  const editor = await createUser({ role: "editor", name: "Eva Redacteur" });
  const author = await createUser({ role: "author", organisationIds: [organisation.id], name: "Anna Auteur" });
  const url = `/boek/${book.slug}/${chapter.slug}/bewerken`;
  const a = await openEditor(editor.email, url);
  const b = await openEditor(author.email, url);

  // Without a selection there is nothing to comment on.
  const commentButton = a.getByRole("button", { name: "Opmerking", exact: true });
  await expect.poll(() => commentButton.isDisabled()).toBe(true);
  await selectText(a, SENTENCE);
  await expect.poll(() => commentButton.isDisabled()).toBe(false);
  await commentButton.click();

  // The new comment, with a mention chosen from the list by keyboard.
  const body = a.getByLabel("Uw opmerking");
  await body.waitFor();
  await body.pressSequentially("Welke kust bedoelt u, @Ann");
  const option = a.getByRole("option", { name: "Anna Auteur" });
  await option.waitFor();
  await expect.poll(() => body.getAttribute("aria-activedescendant")).toBe(await option.getAttribute("id"));
  expect(await seriousViolations(a)).toEqual([]);
  await body.press("Enter");
  await body.pressSequentially("?");
  await expect.poll(() => body.inputValue()).toBe("Welke kust bedoelt u, @Anna Auteur ?");
  await a.getByRole("button", { name: "Plaatsen" }).click();

  // A sees the highlight; B sees it and the thread without reloading.
  await expect.poll(() => highlighted(a)).toBe(SENTENCE);
  await expect.poll(() => highlighted(b), { timeout: 10_000 }).toBe(SENTENCE);
  const thread = b.getByRole("article", { name: /Opmerking bij “De gemeente wil/ });
  await thread.getByText("Welke kust bedoelt u, @Anna Auteur ?").waitFor();
  await b.screenshot({ path: "/tmp/comments/browser-author-sees-comment.png" });

  await thread.getByRole("button", { name: "Reageren" }).click();
  await thread.getByLabel("Uw reactie").fill("De Noordzeekust.");
  await thread.getByRole("button", { name: "Reactie plaatsen" }).click();

  // A sees the reply live.
  await a.getByRole("article", { name: /Opmerking bij/ }).getByText("De Noordzeekust.").waitFor({ timeout: 10_000 });
  await a.screenshot({ path: "/tmp/comments/browser-editor-sees-reply.png" });
  expect(await seriousViolations(a)).toEqual([]);

  // Clicking the quote selects the commented text in the editor.
  await a.getByRole("button", { name: /Toon in de tekst/ }).click();
  await expect.poll(() => a.evaluate(() => window.getSelection()?.toString())).toBe(SENTENCE);

  // The mention and the reply reached the right people.
  expect(await db.notification.findMany({ where: { chapterId: chapter.id }, select: { kind: true, userId: true }, orderBy: { createdAt: "asc" } })).toEqual([
    { kind: "mention", userId: author.id },
    { kind: "comment_reply", userId: editor.id },
  ]);

  // Deleting the sentence detaches the thread for everyone: no highlight, listed with its quote.
  await selectText(a, SENTENCE);
  await a.keyboard.press("Backspace");
  const detached = b.getByRole("region", { name: "Losgeraakt (1)" });
  await detached.waitFor({ timeout: 10_000 });
  await detached.getByText(SENTENCE).waitFor();
  await expect.poll(() => b.locator(".comment-highlight").count()).toBe(0);
  await b.screenshot({ path: "/tmp/comments/browser-detached.png" });

  // Resolving moves it to "Opgelost" for everyone.
  await a.getByRole("button", { name: "Oplossen" }).click();
  await b.getByText("Opgelost (1)").waitFor({ timeout: 10_000 });
  expect(await detached.count()).toBe(0);
});

test("on an approved chapter (read-only text) an editor still comments; its author reads the threads but cannot add to them", async () => {
  const organisation = await createOrganisation();
  const { book, part } = await createBook();
  const chapter = await createChapter({ bookId: book.id, partId: part.id, organisationIds: [organisation.id], status: "approved", bodyHtml: `<p>${SENTENCE}</p>` });
  const editor = await createUser({ role: "editor" });
  const author = await createUser({ role: "author", organisationIds: [organisation.id] });
  const url = `/boek/${book.slug}/${chapter.slug}/bewerken`;
  const a = await openEditor(editor.email, url);
  const b = await openEditor(author.email, url);
  await a.getByText("Alleen lezen").first().waitFor();

  await selectText(a, "de kust");
  // The read-only text has focus (it is focusable for keyboard users), so its shortcut reaches it.
  await expect.poll(() => a.evaluate(() => document.activeElement?.classList.contains("ProseMirror"))).toBe(true);
  // The keyboard shortcut works on read-only text too.
  await a.keyboard.press("Control+Alt+m");
  await a.getByLabel("Uw opmerking").fill("Akkoord, maar let op de spelling.");
  await a.getByRole("button", { name: "Plaatsen" }).click();
  await expect.poll(() => highlighted(b), { timeout: 10_000 }).toBe("de kust");
  await b.getByText("Akkoord, maar let op de spelling.").waitFor();
  await a.screenshot({ path: "/tmp/comments/browser-approved.png" });
  expect(await b.getByRole("button", { name: "Opmerking", exact: true }).count()).toBe(0);
  expect(await b.getByRole("button", { name: "Reageren" }).count()).toBe(0);

  // A notification's link (…/bewerken#opmerking-<id>) opens the editor with that thread in focus.
  const thread = await db.commentThread.findFirstOrThrow({ where: { chapterId: chapter.id } });
  const linked = await b.context().newPage();
  await linked.goto(`${app.url}${url}#opmerking-${thread.id}`);
  await linked.locator(`#opmerking-${thread.id}[data-active="true"]`).waitFor();
  await linked.close();
});
