import { describe, expect, test } from "vitest";
import { notify, NOTIFICATIONS_PAGE_SIZE } from "#app/models/notifications.server.ts";
import { db } from "#app/utils/db.server.ts";
import { createUser } from "#tests/factories.ts";
import { TestClient } from "#tests/helpers/http-client.ts";
import { logInAs } from "#tests/helpers/login.ts";
import { useTestServer } from "#tests/helpers/server.ts";
import { createNotifiedChapter } from "./helpers.ts";

const app = useTestServer();

async function clientFor(userId: string, path = "/meldingen"): Promise<TestClient> {
  const client = new TestClient(app.url);
  await logInAs(client, userId);
  await client.page(path);
  return client;
}

/** An author with notifications about one chapter from an editor, and someone else with their own. */
async function setup({ count = 3 } = {}) {
  const { chapter, link } = await createNotifiedChapter("Bruggen bouwen");
  const editor = await createUser({ role: "editor", name: "Eva Redacteur" });
  const author = await createUser({ role: "author", name: "Aad Auteur" });
  const other = await createUser({ role: "author", name: "Olga Ander" });
  for (let index = 1; index <= count; index += 1) {
    await notify({ kind: "approved", chapterId: chapter.id, actorId: editor.id, userIds: [author.id], excerpt: `Voor Aad ${index}`, link });
  }
  await notify({ kind: "changes_requested", chapterId: chapter.id, actorId: editor.id, userIds: [other.id], excerpt: "Alleen voor Olga", link });
  const othersNotification = await db.notification.findFirstOrThrow({ where: { userId: other.id } });
  return { chapter, link, editor, author, other, othersNotification };
}

const unreadOf = (userId: string) => db.notification.count({ where: { userId, readAt: null } });

describe("the notifications page", () => {
  test("sends a visitor to log in, and back here afterwards", async () => {
    const response = await new TestClient(app.url).get("/meldingen");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/inloggen?redirectTo=%2Fmeldingen");
  });

  test("lists only one's own notifications, translated, newest first, unread ones marked in words", async () => {
    const { author } = await setup();
    const client = new TestClient(app.url);
    await logInAs(client, author.id);
    const { response, html } = await client.page("/meldingen");
    expect(response.status).toBe(200);
    expect(html).toContain("<title>Meldingen — Kapittel</title>");
    expect(html).toContain("Eva Redacteur heeft “Bruggen bouwen” goedgekeurd");
    expect(html).not.toContain("Alleen voor Olga");
    expect(html.indexOf("Voor Aad 3")).toBeLessThan(html.indexOf("Voor Aad 1"));
    expect(html.match(/>Nieuw</g)).toHaveLength(3);
    expect(html).toContain("Alles als gelezen markeren");

    // In English, the same notification in English.
    await client.post("/taal", { lang: "en", redirectTo: "/meldingen" });
    const english = await client.page("/meldingen");
    expect(english.html).toContain("Eva Redacteur approved “Bruggen bouwen”");
  });

  test("opening a notification marks it read and leads to its link", async () => {
    const { author, link } = await setup();
    const client = await clientFor(author.id);
    const notification = await db.notification.findFirstOrThrow({ where: { userId: author.id }, orderBy: { createdAt: "asc" } });
    const response = await client.post("/meldingen", { intent: "open", id: notification.id });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(link);
    expect((await db.notification.findUniqueOrThrow({ where: { id: notification.id } })).readAt).not.toBeNull();
    expect(await unreadOf(author.id)).toBe(2);
    const { html } = await client.page("/meldingen");
    expect(html.match(/>Nieuw</g)).toHaveLength(2);
  });

  test("someone else's notification cannot be opened or marked read: 404, and it stays unread", async () => {
    const { author, other, othersNotification } = await setup();
    const client = await clientFor(author.id);
    const response = await client.post("/meldingen", { intent: "open", id: othersNotification.id });
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("Deze melding bestaat niet (meer).");
    expect(await unreadOf(other.id)).toBe(1);

    expect((await client.post("/meldingen", { intent: "open", id: "bestaat-niet" })).status).toBe(404);
    expect((await client.post("/meldingen", { intent: "open" })).status).toBe(404);
    expect((await client.post("/meldingen", { intent: "iets-anders" })).status).toBe(400);
  });

  test("'mark all read' marks one's own notifications read and nobody else's", async () => {
    const { author, other } = await setup();
    const client = await clientFor(author.id);
    const response = await client.post("/meldingen", { intent: "mark-all-read" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/meldingen?gelezen=1");
    expect(await unreadOf(author.id)).toBe(0);
    expect(await unreadOf(other.id)).toBe(1);
    const { html } = await client.page("/meldingen?gelezen=1");
    expect(html).toContain("Alle meldingen zijn als gelezen gemarkeerd.");
    expect(html).not.toMatch(/>Nieuw</);
  });

  test("pages through many notifications", async () => {
    const { author } = await setup({ count: NOTIFICATIONS_PAGE_SIZE + 5 });
    const client = await clientFor(author.id);
    const first = await client.page("/meldingen");
    expect(first.html.match(/name="intent" value="open"/g)).toHaveLength(NOTIFICATIONS_PAGE_SIZE);
    expect(first.html).toContain(`href="/meldingen?pagina=2"`);
    const second = await client.page("/meldingen?pagina=2");
    expect(second.html.match(/name="intent" value="open"/g)).toHaveLength(5);
    expect(second.html).toContain("Voor Aad 1");
    expect(second.html).not.toContain("pagina=3");
    // Nonsense page numbers show the first page.
    expect((await client.page("/meldingen?pagina=-4")).response.status).toBe(200);
  });

  test("says so when there are none", async () => {
    const client = await clientFor((await createUser()).id);
    const { html } = await client.page("/meldingen");
    expect(html).toContain("U hebt nog geen meldingen.");
  });
});

describe("the bell", () => {
  test("shows the unread count in every page's header for a logged-in user", async () => {
    const { author } = await setup();
    const client = await clientFor(author.id);
    for (const path of ["/", "/account", "/meldingen"]) {
      const { html } = await client.page(path);
      expect(html).toContain('aria-label="Meldingen, 3 ongelezen"');
      expect(html).toContain('href="/meldingen"');
    }
    await client.post("/meldingen", { intent: "mark-all-read" });
    expect((await client.page("/")).html).toContain('aria-label="Meldingen, geen ongelezen"');
  });

  test("is not there for a visitor", async () => {
    const { html } = await new TestClient(app.url).page("/");
    expect(html).not.toContain("ongelezen");
    expect(html).not.toContain('href="/meldingen"');
  });
});

describe("the e-mail setting on the account page", () => {
  const settingOf = async (userId: string) => (await db.user.findUniqueOrThrow({ where: { id: userId } })).notificationEmail;

  test("shows the three choices with the current one selected, and saves a new one", async () => {
    const user = await createUser();
    const client = await clientFor(user.id, "/account");
    const { html } = await client.page("/account");
    expect(html).toContain("E-mail over meldingen");
    for (const label of ["Direct", "Dagelijks overzicht", "Uit"]) expect(html).toContain(label);
    expect(html).toMatch(/checked="" value="immediate"/);

    const response = await client.post("/account", { intent: "change-notification-email", notificationEmail: "daily" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/account?opgeslagen=meldingen");
    expect(await settingOf(user.id)).toBe("daily");
    const saved = await client.page("/account?opgeslagen=meldingen");
    expect(saved.html).toContain("Uw e-mailinstelling is opgeslagen.");
    expect(saved.html).toMatch(/checked="" value="daily"/);
  });

  test("refuses a value that is not one of the choices, and a missing one", async () => {
    const user = await createUser();
    const client = await clientFor(user.id, "/account");
    const attempts: Record<string, string>[] = [{ notificationEmail: "weekly" }, { notificationEmail: "" }, {}];
    for (const fields of attempts) {
      const response = await client.post("/account", { intent: "change-notification-email", ...fields });
      expect(response.status).toBe(400);
      expect(await response.text()).toContain("Kies een van de mogelijkheden.");
    }
    expect(await settingOf(user.id)).toBe("immediate");
  });
});
