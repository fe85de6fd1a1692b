import { beforeAll, describe, expect, test } from "vitest";
import { db } from "#app/utils/db.server.ts";
import { createUser } from "#tests/factories.ts";
import { TestClient } from "#tests/helpers/http-client.ts";
import { logInAs } from "#tests/helpers/login.ts";
import { useTestServer } from "#tests/helpers/server.ts";
import { chapterTarget, eventTarget, postReaction, publicHtml, toolTarget, type Target } from "./helpers.ts";

// Every file starts its own server process state: the per-address rate limit (20 in ten minutes)
// is shared by all posts from 127.0.0.1 in this file, so this file posts fewer than that.
const app = useTestServer();
let chapter: Target;
let editor: TestClient;

beforeAll(async () => {
  chapter = await chapterTarget("published");
  editor = new TestClient(app.url);
  await logInAs(editor, (await createUser({ role: "editor" })).id);
});

async function approve(id: string) {
  await editor.page("/redactie/reacties");
  const response = await editor.post("/redactie/reacties", { intent: "approve", id });
  expect(response.status).toBe(200);
}

describe("leaving a reaction", () => {
  test("a visitor's reaction waits for moderation, invisible until an editor approves it", async () => {
    const visitor = new TestClient(app.url);
    const response = await postReaction(visitor, chapter, { authorName: "Bram Bezoeker", authorEmail: "Bram@Bezoeker.test", body: "Goed punt over sensoren.\nEn een tweede regel.", notifyOnReply: "on" });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`${chapter.path}?reactie=wacht#reactie-bedankt`);
    const thanks = await publicHtml(visitor, `${chapter.path}?reactie=wacht`);
    expect(thanks).toContain("Bedankt! Uw reactie verschijnt na goedkeuring.");
    expect(thanks).not.toContain("Goed punt over sensoren.");

    const stored = await db.readerComment.findFirstOrThrow({ where: { name: "Bram Bezoeker" } });
    expect(stored).toMatchObject({ status: "pending", email: "bram@bezoeker.test", notifyOnReply: true, userId: null, targetType: "chapter", targetId: chapter.id });

    await approve(stored.id);
    const html = await publicHtml(new TestClient(app.url), chapter.path);
    expect(html).toContain(`id="reactie-${stored.id}"`);
    expect(html).toContain("Goed punt over sensoren.\nEn een tweede regel.");
    expect(html).toContain("Bram Bezoeker");
    expect(html).not.toContain("bram@bezoeker.test");
  });

  test("a signed-in reader's reaction appears at once, under their account's address", async () => {
    const reader = await createUser({ role: "reader", name: "Lotte Lezer" });
    const client = new TestClient(app.url);
    await logInAs(client, reader.id);
    // The form is prefilled with their name and address.
    const form = await publicHtml(client, chapter.path);
    expect(form).toMatch(/<input[^>]*value="Lotte Lezer"/);
    const emailInput = form.match(new RegExp(`<input[^>]*value="${reader.email}"[^>]*>`))?.[0] ?? "";
    expect(emailInput).toContain('readOnly=""'.toLowerCase());

    const response = await postReaction(client, chapter, { authorName: "Lotte Lezer", authorEmail: "iemand-anders@elders.test", body: "Meteen zichtbaar." });
    expect(response.status).toBe(303);
    const stored = await db.readerComment.findFirstOrThrow({ where: { body: "Meteen zichtbaar." } });
    expect(stored).toMatchObject({ status: "approved", userId: reader.id, email: reader.email });
    expect(response.headers.get("location")).toBe(`${chapter.path}?reactie=geplaatst#reactie-${stored.id}`);
    expect(await publicHtml(new TestClient(app.url), chapter.path)).toContain("Meteen zichtbaar.");
  });

  test("with the site setting off, a signed-in reader's reaction waits too (only admins change it)", async () => {
    const admin = new TestClient(app.url);
    await logInAs(admin, (await createUser({ role: "admin" })).id);
    await admin.page("/admin/instellingen");
    // An editor may moderate but not change the site's settings.
    expect((await editor.post("/admin/instellingen", {})).status).toBe(403);
    expect((await admin.post("/admin/instellingen", {})).status).toBe(200); // box unticked: off
    expect(await db.siteSetting.findUnique({ where: { key: "readerComments.autoApproveSignedIn" } })).toMatchObject({ value: "false" });
    try {
      const reader = new TestClient(app.url);
      await logInAs(reader, (await createUser({ role: "reader" })).id);
      const form = await publicHtml(reader, chapter.path);
      expect(form).toContain("Uw reactie verschijnt na goedkeuring door de redactie.");
      await postReaction(reader, chapter, { body: "Nu moet ik wachten." });
      expect(await db.readerComment.findFirstOrThrow({ where: { body: "Nu moet ik wachten." } })).toMatchObject({ status: "pending" });
      expect(await publicHtml(new TestClient(app.url), chapter.path)).not.toContain("Nu moet ik wachten.");
      // The writer sees their own waiting reaction, marked as such.
      const own = await publicHtml(reader, chapter.path);
      expect(own).toContain("Nu moet ik wachten.");
      expect(own).toContain("Wacht op goedkeuring");
      // Editors' own reactions never wait.
      await postReaction(editor, chapter, { body: "Van de redactie." });
      expect(await db.readerComment.findFirstOrThrow({ where: { body: "Van de redactie." } })).toMatchObject({ status: "approved" });
    } finally {
      await admin.post("/admin/instellingen", { autoApproveSignedIn: "on" });
    }
    expect(await db.siteSetting.findUnique({ where: { key: "readerComments.autoApproveSignedIn" } })).toMatchObject({ value: "true" });
  });

  test("a robot that fills in the honeypot is thanked, and nothing is stored", async () => {
    const before = await db.readerComment.count();
    const response = await postReaction(new TestClient(app.url), chapter, { body: "Koop goedkope horloges", website: "https://spam.example" });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toContain("reactie=wacht");
    expect(await db.readerComment.count()).toBe(before);
  });

  test("script and HTML in name and text come back as text", async () => {
    const visitor = new TestClient(app.url);
    await postReaction(visitor, chapter, { authorName: `<img src=x onerror="alert(1)">`, body: `<script>alert("xss")</script> <b>vet</b>` });
    const stored = await db.readerComment.findFirstOrThrow({ where: { body: { contains: "alert(\"xss\")" } } });
    expect(stored.body).toBe(`<script>alert("xss")</script> <b>vet</b>`); // kept as the person typed it: text, not HTML
    await approve(stored.id);
    const html = await publicHtml(new TestClient(app.url), chapter.path);
    expect(html).toContain("&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt; &lt;b&gt;vet&lt;/b&gt;");
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(html).not.toContain(`<script>alert("xss")`);
    expect(html).not.toContain(`<img src=x`);
    expect(html).not.toContain("<b>vet</b>");
  });

  test("bad input gets form errors and stores nothing", async () => {
    const before = await db.readerComment.count();
    const response = await postReaction(new TestClient(app.url), chapter, { authorName: "", authorEmail: "geen-adres", body: "x".repeat(3001) });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Dit veld is verplicht.");
    expect(html).toContain("Dit is te lang: hoogstens 3000 tekens.");
    expect(await db.readerComment.count()).toBe(before);
  });

  test("posting on a draft chapter, an unpublished tool or an unknown target is a 404", async () => {
    const draft = await chapterTarget("draft");
    const hiddenTool = await toolTarget(false);
    const hiddenEvent = await eventTarget(false);
    const before = await db.readerComment.count();
    const visitor = new TestClient(app.url);
    for (const target of [draft, hiddenTool, hiddenEvent, { ...chapter, id: "bestaat-niet" }, { ...chapter, type: "book" }]) {
      const response = await postReaction(visitor, target);
      expect(response.status, JSON.stringify(target)).toBe(404);
      expect(await response.text()).toContain("Op deze pagina kunt u (nog) niet reageren");
    }
    expect(await db.readerComment.count()).toBe(before);
    // A draft shows no reactions section, even to an editor who may read it.
    expect(await publicHtml(editor, draft.path)).not.toContain("Laat een reactie achter");
  });

  test("published tools and events take reactions too", async () => {
    const reader = new TestClient(app.url);
    await logInAs(reader, (await createUser({ role: "reader" })).id);
    for (const target of [await toolTarget(true), await eventTarget(true)]) {
      expect(await publicHtml(new TestClient(app.url), target.path)).toContain("Laat een reactie achter");
      const body = `Dit gebruiken wij ook (${target.type}).`;
      expect((await postReaction(reader, target, { body })).status).toBe(303);
      expect(await publicHtml(new TestClient(app.url), target.path)).toContain(body);
    }
  });

  test("no reaction's e-mail address appears in any public page", async () => {
    const addresses = (await db.readerComment.findMany({ select: { email: true } })).map((r) => r.email);
    expect(addresses.length).toBeGreaterThan(3);
    const visitor = new TestClient(app.url);
    const someoneElse = new TestClient(app.url);
    await logInAs(someoneElse, (await createUser({ role: "reader" })).id);
    const tools = await db.tool.findMany({ where: { published: true }, select: { slug: true } });
    const events = await db.event.findMany({ where: { published: true }, select: { slug: true } });
    const paths = [chapter.path, `${chapter.path}?reactie=geplaatst`, ...tools.map((tool) => `/gereedschapskist/${tool.slug}`), ...events.map((event) => `/evenementen/${event.slug}`), "/"];
    for (const client of [visitor, someoneElse]) {
      for (const path of paths) {
        const html = await publicHtml(client, path);
        for (const address of addresses) expect(html, `${path} shows ${address}`).not.toContain(address);
      }
    }
  });
});
