import { beforeAll, describe, expect, test } from "vitest";
import { db } from "#app/utils/db.server.ts";
import { createOrganisation, createUser } from "#tests/factories.ts";
import { TestClient } from "#tests/helpers/http-client.ts";
import { logInAs } from "#tests/helpers/login.ts";
import { useTestServer } from "#tests/helpers/server.ts";
import { chapterTarget, postReaction, publicHtml, toolTarget, type Target } from "./helpers.ts";

const app = useTestServer();
let chapter: Target;
let editor: TestClient;
let editorId: string;

beforeAll(async () => {
  chapter = await chapterTarget("published");
  editorId = (await createUser({ role: "editor", name: "Eva Redacteur" })).id;
  editor = new TestClient(app.url);
  await logInAs(editor, editorId);
  await editor.page("/redactie/reacties");
});

/** A reaction stored directly (the posting route has its own tests). */
function reaction(fields: Partial<{ status: string; body: string; name: string; email: string; parentId: string; notifyOnReply: boolean; userId: string }>, target: Target = chapter) {
  return db.readerComment.create({
    data: { targetType: target.type, targetId: target.id, name: "Piet", email: "piet@lezer.test", body: "Een reactie.", status: "pending", ...fields },
  });
}

const moderate = (intent: string, id: string) => editor.post("/redactie/reacties", { intent, id });
const replyMails = () => db.outboxEmail.findMany({ where: { kind: "readerComments.reply" } });

describe("moderation", () => {
  test("readers and authors may neither see nor use the moderation page (403)", async () => {
    const target = await reaction({ body: "Niet aankomen." });
    const organisation = await createOrganisation();
    for (const role of ["reader", "author"] as const) {
      const client = new TestClient(app.url);
      await logInAs(client, (await createUser({ role, organisationIds: role === "author" ? [organisation.id] : [] })).id);
      expect((await client.get("/redactie/reacties")).status, role).toBe(403);
      await client.page("/");
      for (const intent of ["approve", "hide", "delete"]) expect((await client.post("/redactie/reacties", { intent, id: target.id })).status, `${role} ${intent}`).toBe(403);
    }
    // A visitor is sent to log in.
    expect((await new TestClient(app.url).get("/redactie/reacties")).status).toBe(302);
    expect(await db.readerComment.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({ status: "pending", moderatedById: null });
  });

  test("pending reactions come first; filters by status and page work", async () => {
    const tool = await toolTarget(true);
    const old = await reaction({ body: "Al goedgekeurd.", status: "approved" });
    const waiting = await reaction({ body: "Wacht op de tool.", status: "pending" }, tool);
    const { html } = await editor.page("/redactie/reacties");
    expect(html.indexOf("Wacht op de tool.")).toBeGreaterThan(-1);
    expect(html.indexOf("Wacht op de tool.")).toBeLessThan(html.indexOf("Al goedgekeurd."));
    // Moderators see the address (never shown publicly): they may need it to judge spam.
    expect(html).toContain("piet@lezer.test");

    const approvedOnly = (await editor.page("/redactie/reacties?status=approved")).html;
    expect(approvedOnly).toContain("Al goedgekeurd.");
    expect(approvedOnly).not.toContain("Wacht op de tool.");
    const toolOnly = (await editor.page(`/redactie/reacties?pagina=tool:${tool.id}`)).html;
    expect(toolOnly).toContain("Wacht op de tool.");
    expect(toolOnly).not.toContain("Al goedgekeurd.");
    const chaptersOnly = (await editor.page("/redactie/reacties?soort=chapter")).html;
    expect(chaptersOnly).toContain("Al goedgekeurd.");
    expect(chaptersOnly).not.toContain("Wacht op de tool.");
    await db.readerComment.deleteMany({ where: { id: { in: [old.id, waiting.id] } } });
  });

  test("approve, hide and delete work, are recorded, and hidden reactions disappear with their replies", async () => {
    const parent = await reaction({ body: "Eerst verborgen, dan weer zichtbaar." });
    const reply = await reaction({ body: "Een antwoord eronder.", parentId: parent.id, status: "approved" });

    expect((await moderate("approve", parent.id)).status).toBe(200);
    const approved = await db.readerComment.findUniqueOrThrow({ where: { id: parent.id } });
    expect(approved).toMatchObject({ status: "approved", moderatedById: editorId });
    expect(approved.moderatedAt).toBeInstanceOf(Date);
    let html = await publicHtml(new TestClient(app.url), chapter.path);
    expect(html).toContain("Eerst verborgen, dan weer zichtbaar.");
    expect(html).toContain("Een antwoord eronder.");

    const hidden = await moderate("hide", parent.id);
    expect(hidden.status).toBe(200);
    expect(await hidden.text()).toContain("Reactie verborgen.");
    expect(await db.readerComment.findUniqueOrThrow({ where: { id: parent.id } })).toMatchObject({ status: "hidden", moderatedById: editorId });
    html = await publicHtml(new TestClient(app.url), chapter.path);
    expect(html).not.toContain("Eerst verborgen, dan weer zichtbaar.");
    expect(html).not.toContain("Een antwoord eronder.");
    // The moderation page says who did it.
    expect((await editor.page("/redactie/reacties?status=hidden")).html).toContain("Verborgen door Eva Redacteur");

    expect((await moderate("delete", parent.id)).status).toBe(200);
    expect(await db.readerComment.findUnique({ where: { id: parent.id } })).toBeNull();
    expect(await db.readerComment.findUnique({ where: { id: reply.id } })).toBeNull();
  });

  test("unknown reactions and actions get clear errors", async () => {
    expect((await moderate("approve", "bestaat-niet")).status).toBe(404);
    const target = await reaction({});
    const response = await moderate("publish", target.id);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Onbekende actie.");
  });
});

describe("reply notifications", () => {
  test("an approved reply e-mails the parent's author who opted in, once, with a link to the reply", async () => {
    const parent = await reaction({ name: "Ouder", email: "ouder@lezer.test", status: "approved", notifyOnReply: true, body: "Vraag?" });
    const visitor = new TestClient(app.url);
    expect((await postReaction(visitor, chapter, { parentId: parent.id, authorName: "Beantwoorder", authorEmail: "antwoord@lezer.test", body: "Antwoord!" })).status).toBe(303);
    const reply = await db.readerComment.findFirstOrThrow({ where: { body: "Antwoord!" } });
    expect(reply).toMatchObject({ parentId: parent.id, status: "pending" });
    expect(await replyMails()).toEqual([]); // not visible yet: nobody is told

    await moderate("approve", reply.id);
    const mails = await replyMails();
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to).toBe("ouder@lezer.test");
    expect(mails[0]!.text).toContain(`${chapter.path}#reactie-${reply.id}`);
    expect(mails[0]!.text).toContain("Beantwoorder antwoordde op uw reactie");
    expect(mails[0]!.text).not.toContain("antwoord@lezer.test");

    // Hidden and approved again: no second e-mail.
    await moderate("hide", reply.id);
    await moderate("approve", reply.id);
    expect(await replyMails()).toHaveLength(1);

    // The e-mail's link turns further e-mails off.
    const link = /(\/reacties\/afmelden\?[^\s]+)/.exec(mails[0]!.text)![1]!;
    const page = await visitor.page(link);
    expect(page.response.status).toBe(200);
    expect((await visitor.post(link, { reactie: parent.id, code: new URL(link, app.url).searchParams.get("code") })).status).toBe(200);
    expect(await db.readerComment.findUniqueOrThrow({ where: { id: parent.id } })).toMatchObject({ notifyOnReply: false });
    expect((await visitor.get(`/reacties/afmelden?reactie=${parent.id}&code=vervalst`)).status).toBe(404);
    await db.outboxEmail.deleteMany({ where: { kind: "readerComments.reply" } });
  });

  test("a signed-in reader's reply (visible at once) notifies at once; the reply form puts it under the parent", async () => {
    const parent = await reaction({ name: "Ouder", email: "ouder2@lezer.test", status: "approved", notifyOnReply: true, body: "Wie weet het?" });
    const reader = new TestClient(app.url);
    await logInAs(reader, (await createUser({ role: "reader", name: "Snelle Lezer" })).id);
    expect((await postReaction(reader, chapter, { parentId: parent.id, body: "Ik weet het." })).status).toBe(303);
    const mails = await replyMails();
    expect(mails.map((mail) => mail.to)).toEqual(["ouder2@lezer.test"]);
    const html = await publicHtml(new TestClient(app.url), chapter.path);
    // The reply sits in the parent's list of replies.
    expect(html).toMatch(/aria-label="Antwoorden op Ouder"[\s\S]*Ik weet het\./);
    await db.outboxEmail.deleteMany({ where: { kind: "readerComments.reply" } });
  });

  test("no e-mail without the opt-in, nor for the author's own reply", async () => {
    const quiet = await reaction({ name: "Stil", email: "stil@lezer.test", status: "approved", notifyOnReply: false });
    const chatty = await reaction({ name: "Prater", email: "prater@lezer.test", status: "approved", notifyOnReply: true });
    const visitor = new TestClient(app.url);
    await postReaction(visitor, chapter, { parentId: quiet.id, body: "Antwoord aan Stil." });
    await postReaction(visitor, chapter, { parentId: chatty.id, authorEmail: "Prater@Lezer.test", authorName: "Prater", body: "Aanvulling op mezelf." });
    for (const body of ["Antwoord aan Stil.", "Aanvulling op mezelf."]) {
      await moderate("approve", (await db.readerComment.findFirstOrThrow({ where: { body } })).id);
    }
    expect(await replyMails()).toEqual([]);
  });

  test("a reply to a hidden or unknown reaction is refused; a reply to a reply joins the thread", async () => {
    const hidden = await reaction({ status: "hidden" });
    const visitor = new TestClient(app.url);
    const refused = await postReaction(visitor, chapter, { parentId: hidden.id, body: "Hallo?" });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("De reactie waarop u antwoordt, bestaat niet meer of is verborgen.");
    const top = await reaction({ status: "approved" });
    const first = await reaction({ status: "approved", parentId: top.id });
    await postReaction(visitor, chapter, { parentId: first.id, body: "Diep antwoord." });
    expect(await db.readerComment.findFirstOrThrow({ where: { body: "Diep antwoord." } })).toMatchObject({ parentId: top.id });
  });
});
