import type { Page } from "playwright-core";
import { afterEach, beforeAll, describe, expect, test } from "vitest";
import { db } from "#app/utils/db.server.ts";
import { TEST_PASSWORD } from "#tests/factories.ts";
import { logInThroughForm, useBrowser } from "#tests/helpers/browser.ts";
import { useTestServer } from "#tests/helpers/server.ts";
import { chapterIn, workflowCast, type WorkflowCast } from "./helpers.ts";

const app = useTestServer();
const chromium = useBrowser();
let cast: WorkflowCast;

beforeAll(async () => {
  cast = await workflowCast();
});

const pages: Page[] = [];
async function newPage(options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const context = await chromium.browser.newContext({ locale: "nl-NL", ...options });
  const page = await context.newPage();
  pages.push(page);
  return page;
}
afterEach(async () => {
  await Promise.all(pages.splice(0).map((page) => page.context().close()));
});

const panelOf = (page: Page) => page.getByRole("region", { name: "Redactieproces" });

describe("the workflow panel in the browser", () => {
  test("an author submits; the editor requests changes with a message; the author sees it on the chapter page", async () => {
    const chapter = await chapterIn(cast, "draft", "<p>Een tekst over de slimme stad.</p>");
    const chapterUrl = `${app.url}/boek/${cast.book.slug}/${chapter.slug}`;

    const author = await newPage();
    await logInThroughForm(author, app.url, cast.people["author of the chapter"].email, TEST_PASSWORD);
    await author.goto(chapterUrl);
    const authorPanel = panelOf(author);
    await authorPanel.getByRole("button", { name: "Ter review aanbieden" }).click();
    await authorPanel.getByRole("status").filter({ hasText: "De status is nu: Ter review." }).waitFor();
    // The author has no step left while the editors review.
    await authorPanel.getByText("U kunt de status van dit hoofdstuk nu niet wijzigen.").waitFor();
    await expect.poll(async () => (await db.chapter.findUniqueOrThrow({ where: { id: chapter.id } })).status).toBe("in_review");

    const editor = await newPage();
    await logInThroughForm(editor, app.url, cast.people.editor.email, TEST_PASSWORD);
    await editor.goto(`${chapterUrl}/bewerken`);
    const editorPanel = panelOf(editor);
    await editorPanel.getByText("Wijzigingen vragen…").click();
    // Sending without a message is stopped (the browser asks for it; the server would refuse it too).
    await editorPanel.getByLabel("Wat moet er veranderen?").fill("Graag sectie 2 inkorten.");
    await editorPanel.getByRole("button", { name: "Wijzigingen vragen versturen" }).click();
    await editorPanel.getByRole("status").filter({ hasText: "De status is nu: Wijzigingen gevraagd." }).waitFor();
    expect(new URL(editor.url()).pathname).toBe(`/boek/${cast.book.slug}/${chapter.slug}/bewerken`);

    await author.goto(chapterUrl);
    await authorPanel.getByText("Graag sectie 2 inkorten.").waitFor();
    await authorPanel.getByText(/Eva Redacteur, .*: van Ter review naar Wijzigingen gevraagd/).waitFor();
    // …and may resubmit.
    await authorPanel.getByRole("button", { name: "Ter review aanbieden" }).waitFor();
    await authorPanel.getByRole("link", { name: "Activiteit van dit hoofdstuk" }).click();
    await author.getByRole("heading", { level: 1, name: /Activiteit:/ }).waitFor();
    await author.getByText("zette de status van Ter review naar Wijzigingen gevraagd").waitFor();
  });

  test("a refused step shows its message in the panel (someone else was first)", async () => {
    const chapter = await chapterIn(cast, "in_review");
    const editor = await newPage();
    await logInThroughForm(editor, app.url, cast.people.editor.email, TEST_PASSWORD);
    await editor.goto(`${app.url}/boek/${cast.book.slug}/${chapter.slug}`);
    const panel = panelOf(editor);
    await panel.getByRole("button", { name: "Goedkeuren" }).waitFor();
    await db.chapter.update({ where: { id: chapter.id }, data: { status: "changes_requested" } }); // another editor, meanwhile
    await panel.getByRole("button", { name: "Goedkeuren" }).click();
    await panel.getByRole("alert").filter({ hasText: "Dit hoofdstuk heeft inmiddels de status Wijzigingen gevraagd." }).waitFor();
    expect((await db.chapter.findUniqueOrThrow({ where: { id: chapter.id } })).status).toBe("changes_requested");
  });

  test("works without JavaScript: a step redirects back, a refusal shows a page with the message", async () => {
    const chapter = await chapterIn(cast, "approved");
    const editor = await newPage({ javaScriptEnabled: false });
    await logInThroughForm(editor, app.url, cast.people.editor.email, TEST_PASSWORD);
    const chapterUrl = `${app.url}/boek/${cast.book.slug}/${chapter.slug}`;
    await editor.goto(chapterUrl);
    const panel = panelOf(editor);
    await panel.getByText("Heropenen…").click();
    await panel.getByLabel("Waarom gaat het hoofdstuk weer open?").fill("Er is een fout in de tabel gevonden.");
    await panel.getByRole("button", { name: "Hoofdstuk heropenen" }).click();
    await panel.getByRole("status").filter({ hasText: "De status is nu: Concept." }).waitFor();

    await editor.goto(chapterUrl);
    await db.chapter.update({ where: { id: chapter.id }, data: { status: "in_review" } });
    await panel.getByRole("button", { name: "Ter review aanbieden" }).click();
    await editor.getByRole("heading", { level: 1, name: "De status is niet gewijzigd" }).waitFor();
    await editor.getByText("Dit hoofdstuk heeft inmiddels de status Ter review.").waitFor();
    await editor.getByRole("link", { name: "Terug naar het hoofdstuk" }).waitFor();
  });
});
