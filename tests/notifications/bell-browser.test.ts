import { afterEach, expect, test } from "vitest";
import type { Page } from "playwright-core";
import { notify } from "#app/models/notifications.server.ts";
import { db } from "#app/utils/db.server.ts";
import { createBook, createChapter, createUser, TEST_PASSWORD } from "#tests/factories.ts";
import { seriousViolations } from "#tests/helpers/axe.ts";
import { logInThroughForm, useBrowser } from "#tests/helpers/browser.ts";
import { useTestServer } from "#tests/helpers/server.ts";

const app = useTestServer();
const chromium = useBrowser();

const pages: Page[] = [];
afterEach(async () => {
  await Promise.all(pages.splice(0).map((page) => page.context().close()));
});

test("a user sees the bell's count, opens the list, follows a notification, and the count drops", async () => {
  const { book, part } = await createBook();
  const chapter = await createChapter({ bookId: book.id, partId: part.id, status: "published", title: "Licht op straat" });
  const link = `/boek/${book.slug}/${chapter.slug}`;
  const editor = await createUser({ role: "editor", name: "Eva Redacteur" });
  const author = await createUser({ role: "author", name: "Aad Auteur" });
  await notify({ kind: "approved", chapterId: chapter.id, actorId: editor.id, userIds: [author.id], excerpt: "Klaar voor publicatie", link });
  await notify({ kind: "published", chapterId: chapter.id, actorId: editor.id, userIds: [author.id], link });

  const context = await chromium.browser.newContext({ locale: "nl-NL" });
  const page = await context.newPage();
  pages.push(page);
  await logInThroughForm(page, app.url, author.email, TEST_PASSWORD);

  const header = page.getByRole("navigation", { name: "Hoofdmenu" });
  const bell = (count: string) => header.getByRole("link", { name: `Meldingen, ${count}` });
  await bell("2 ongelezen").waitFor();

  await bell("2 ongelezen").click();
  await page.getByRole("heading", { level: 1, name: "Meldingen" }).waitFor();
  expect(page.url()).toBe(`${app.url}/meldingen`);
  const list = page.getByRole("list", { name: "Uw meldingen" });
  await expect.poll(() => list.getByRole("listitem").count()).toBe(2);

  await list.getByRole("button", { name: /goedgekeurd/ }).click();
  await page.waitForURL(`${app.url}${link}`);
  await bell("1 ongelezen").waitFor();
  expect((await db.notification.findFirstOrThrow({ where: { userId: author.id, kind: "approved" } })).readAt).not.toBeNull();

  // Something new while the page is open: the tab picks it up when it is looked at again.
  await notify({ kind: "mention", chapterId: chapter.id, actorId: editor.id, userIds: [author.id], link });
  await page.evaluate(() => document.dispatchEvent(new Event("visibilitychange")));
  await bell("2 ongelezen").waitFor();

  // And on the next navigation, without any form being posted.
  await notify({ kind: "comment_reply", chapterId: chapter.id, actorId: editor.id, userIds: [author.id], link });
  await header.getByRole("link", { name: "Home" }).click();
  await page.waitForURL(`${app.url}/`);
  await bell("3 ongelezen").waitFor();

  // "Mark all read" empties the bell.
  await bell("3 ongelezen").click();
  await page.getByRole("button", { name: "Alles als gelezen markeren" }).click();
  await bell("geen ongelezen").waitFor();
  await page.getByText("Alle meldingen zijn als gelezen gemarkeerd.").waitFor();
});

test("the list, the bell and the e-mail setting meet WCAG 2.1 AA (axe-core)", async () => {
  const { book, part } = await createBook();
  const chapter = await createChapter({ bookId: book.id, partId: part.id, status: "published" });
  const editor = await createUser({ role: "editor" });
  const author = await createUser({ role: "author" });
  const link = `/boek/${book.slug}/${chapter.slug}`;
  await notify({ kind: "changes_requested", chapterId: chapter.id, actorId: editor.id, userIds: [author.id], excerpt: "Graag korter", link });
  await notify({ kind: "approved", chapterId: chapter.id, actorId: editor.id, userIds: [author.id], link });
  await db.notification.updateMany({ where: { userId: author.id, kind: "approved" }, data: { readAt: new Date() } });

  const context = await chromium.browser.newContext({ locale: "nl-NL" });
  const page = await context.newPage();
  pages.push(page);
  await logInThroughForm(page, app.url, author.email, TEST_PASSWORD);
  for (const path of ["/meldingen", "/account"]) {
    await page.goto(`${app.url}${path}`);
    expect(await seriousViolations(page), path).toEqual([]);
  }
  // The setting works with the keyboard: arrow keys move within the group.
  await page.getByRole("radio", { name: /Direct/ }).focus();
  await page.keyboard.press("ArrowDown");
  await expect.poll(() => page.getByRole("radio", { name: /Dagelijks overzicht/ }).isChecked()).toBe(true);
  await page.getByRole("button", { name: "Instelling opslaan" }).click();
  await page.getByText("Uw e-mailinstelling is opgeslagen.").waitFor();
  expect((await db.user.findUniqueOrThrow({ where: { id: author.id } })).notificationEmail).toBe("daily");
});
