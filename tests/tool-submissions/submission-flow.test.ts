import { beforeAll, describe, expect, test } from "vitest";
import { listPilotMunicipalities, listTools } from "#app/models/tools.server.ts";
import { db } from "#app/utils/db.server.ts";
import { createOrganisation } from "#tests/factories.ts";
import { TestClient } from "#tests/helpers/http-client.ts";
import { useTestServer } from "#tests/helpers/server.ts";
import { clientAs, latestEmail, linkPath, submitTool, toolFields } from "./helpers.ts";

const app = useTestServer();
let editorEmail = "";

beforeAll(async () => {
  editorEmail = (await (async () => {
    const client = new TestClient(app.url);
    return clientAs(client, "editor");
  })()).email;
});

/** A signed-in reader's submission (pending at once), for the moderation tests. */
async function pendingSubmission(overrides: Record<string, string> = {}) {
  const client = new TestClient(app.url);
  const reader = await clientAs(client, "reader");
  const { submission } = await submitTool(client, toolFields(overrides));
  expect(submission?.status).toBe("pending");
  return { client, reader, submission: submission! };
}

async function editorClient() {
  const client = new TestClient(app.url);
  const editor = await clientAs(client, "editor");
  return { client, editor };
}

async function decide(client: TestClient, submissionId: string, intent: string, message = "") {
  const path = `/redactie/gereedschap/inzending/${submissionId}`;
  await client.page(path);
  return client.post(path, { intent, message });
}

describe("Tool aandragen without an account", () => {
  test("the submission waits unconfirmed, the e-mail's link confirms it, then the editors hear of it", async () => {
    const client = new TestClient(app.url);
    const fields = toolFields();
    const { response, submission } = await submitTool(client, fields);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/gereedschapskist/aandragen?ingediend=bevestigen");
    expect(submission).toMatchObject({ status: "unconfirmed", submitterEmail: fields.submitterEmail, submitterId: null });
    expect(submission!.confirmTokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(submission!.tool).toMatchObject({ published: false, category: "governance", form: "agreement", status: "piloting" });
    // Nobody but the submitter is told before the address is confirmed.
    expect(await db.outboxEmail.count({ where: { kind: "tool-submission.new", text: { contains: fields.name! } } })).toBe(0);

    const mail = await latestEmail("tool-submission.confirm", fields.submitterEmail!);
    expect(mail.subject).toContain(fields.name);
    const link = linkPath(mail.text, "/gereedschapskist/aandragen/bevestigen/");
    const page = await client.page(link);
    expect(page.response.status).toBe(200);
    expect(page.html).toContain(fields.name);
    // Opening the link alone (a mail scanner) confirms nothing.
    expect((await db.toolSubmission.findUniqueOrThrow({ where: { id: submission!.id } })).status).toBe("unconfirmed");

    const confirmed = await client.post(link, {});
    expect(confirmed.status).toBe(302);
    expect(confirmed.headers.get("Location")).toBe("/gereedschapskist/aandragen?ingediend=bevestigd");
    expect((await client.page("/gereedschapskist/aandragen?ingediend=bevestigd")).html).toContain("uw e-mailadres is bevestigd");
    const after = await db.toolSubmission.findUniqueOrThrow({ where: { id: submission!.id } });
    expect(after).toMatchObject({ status: "pending", confirmTokenHash: null });
    expect(after.confirmedAt).toBeInstanceOf(Date);
    await latestEmail("tool-submission.received", fields.submitterEmail!);
    const editorMail = await latestEmail("tool-submission.new", editorEmail);
    expect(linkPath(editorMail.text, "/redactie/gereedschap/inzending/")).toBe(`/redactie/gereedschap/inzending/${submission!.id}`);

    // Used up: the link now says so, and confirming twice changes nothing.
    expect((await client.get(link)).status).toBe(410);
    expect((await client.post(link, {})).status).toBe(410);
    expect((await client.get("/gereedschapskist/aandragen/bevestigen/onzin")).status).toBe(410);
  });

  test("the tool is stored as submitted: slug, sanitized description, principles, pilots, owner, links", async () => {
    const owner = await createOrganisation({ name: "Stichting Testnet" });
    await db.tool.create({ data: { slug: "sensorenregister", name: "Sensorenregister", summary: "Gepubliceerd.", category: "substantive", form: "standard" } });
    const fields = toolFields({ name: "Sensorenregister", ownerId: owner.id });
    const { submission } = await submitTool(new TestClient(app.url), fields);
    const tool = await db.tool.findUniqueOrThrow({
      where: { id: submission!.toolId },
      include: { principles: { orderBy: { principle: "asc" } }, pilots: { orderBy: { municipality: "asc" } }, owners: true, links: true },
    });
    // A published "sensorenregister" exists: the submission gets a slug of its own.
    expect(tool.slug).toBe("sensorenregister-2");
    expect(tool.descriptionHtml).toBe("<p>Een <strong>afspraak</strong> tussen gemeenten.</p>\n<ul>\n<li>eerste punt</li>\n<li>tweede punt</li>\n</ul>");
    // Ticked, or explained: both count as meeting the principle.
    expect(tool.principles.map((p) => [p.principle, p.explanation])).toEqual([
      ["flexibility", "Modulair op te zetten."],
      ["meaningfulness", "Sluit aan bij wat inwoners willen."],
    ]);
    expect(tool.pilots.map((p) => p.municipality)).toEqual(["Deventer", "Utrecht", "Zwolle"]);
    expect(tool.owners.map((o) => o.organisationId)).toEqual([owner.id]);
    expect(tool.links.map((l) => [l.title, l.url])).toEqual([["Tekst van de afspraak", "https://example.org/afspraak"]]);
    // Unpublished: in no list, no filter, no page.
    expect((await listTools({})).map((t) => t.slug)).not.toContain(tool.slug);
    expect((await new TestClient(app.url).get(`/gereedschapskist/${tool.slug}`)).status).toBe(404);
  });

  test("bad input gets form errors (400) and stores nothing", async () => {
    const client = new TestClient(app.url);
    const fields = toolFields({ name: "", category: "geen", submitterEmail: "geen-adres", "links[0].url": "javascript:alert(1)", ownerId: "bestaat-niet" });
    const { response } = await submitTool(client, fields);
    expect(response.status).toBe(400);
    const html = await response.text();
    for (const message of ["Dit veld is verplicht.", "Kies een van de mogelijkheden.", "Vul een webadres in dat begint met https://"]) expect(html).toContain(message);
    // What was typed comes back in the form.
    expect(html).toContain("Een korte samenvatting van de tool.");
    expect(await db.toolSubmission.count({ where: { submitterEmail: "geen-adres" } })).toBe(0);

    const unknownOwner = await submitTool(client, toolFields({ ownerId: "bestaat-niet" }));
    expect(unknownOwner.response.status).toBe(400);
    expect(await unknownOwner.response.text()).toContain("Deze organisatie bestaat niet (meer)");
    expect(unknownOwner.submission).toBeNull();
  });

  test("a robot filling the hidden field is thanked, and nothing is stored or sent", async () => {
    const fields = toolFields({ website: "https://spam.example" });
    const { response, submission } = await submitTool(new TestClient(app.url), fields);
    expect(response.status).toBe(302);
    expect(submission).toBeNull();
    expect(await db.outboxEmail.count({ where: { to: fields.submitterEmail } })).toBe(0);
  });
});

describe("Tool aandragen with an account", () => {
  test("a reader's submission goes to the editors at once, under the account's name and address", async () => {
    const client = new TestClient(app.url);
    const reader = await clientAs(client, "reader");
    const page = await client.page("/gereedschapskist/aandragen");
    expect(page.html).toContain(reader.email);
    expect(page.html).not.toContain('name="submitterEmail"');
    const { response, submission } = await submitTool(client, toolFields({ submitterName: "", submitterEmail: "" }));
    expect(response.headers.get("Location")).toBe("/gereedschapskist/aandragen?ingediend=ontvangen");
    expect(submission).toMatchObject({ status: "pending", submitterId: reader.id, submitterEmail: reader.email, submitterName: reader.name, confirmTokenHash: null });
    await latestEmail("tool-submission.received", reader.email);
    await latestEmail("tool-submission.new", editorEmail);
  });
});

describe("moderation", () => {
  test("asking for information e-mails a private link; the update returns the submission to pending", async () => {
    const { reader, submission } = await pendingSubmission();
    const { client: editorHttp, editor } = await editorClient();

    const missing = await decide(editorHttp, submission.id, "needs_info", "   ");
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain("Schrijf de vraag die de indiener moet beantwoorden.");

    const asked = await decide(editorHttp, submission.id, "needs_info", "In welke gemeenten loopt de pilot nu precies?");
    expect(asked.status).toBe(302);
    const after = await db.toolSubmission.findUniqueOrThrow({ where: { id: submission.id } });
    expect(after).toMatchObject({ status: "needs_info", moderatedById: editor.id, moderatorMessage: "In welke gemeenten loopt de pilot nu precies?" });
    expect(after.moderatedAt).toBeInstanceOf(Date);
    const mail = await latestEmail("tool-submission.needs-info", reader.email);
    expect(mail.text).toContain("In welke gemeenten loopt de pilot nu precies?");
    const link = linkPath(mail.text, "/gereedschapskist/aandragen/bijwerken/");

    // The link works without logging in: the question and the tool as submitted, ready to edit.
    const visitor = new TestClient(app.url);
    const page = await visitor.page(link);
    expect(page.response.status).toBe(200);
    expect(page.html).toContain("In welke gemeenten loopt de pilot nu precies?");
    expect(page.html).toContain(submission.tool.name);
    expect(page.html).toContain("Een **afspraak** tussen gemeenten.");

    const { postMultipart } = await import("./helpers.ts");
    const updated = await postMultipart(visitor, link, toolFields({ name: submission.tool.name, pilots: "Utrecht\nZwolle\nDeventer\nAmersfoort", submitterName: "", submitterEmail: "" }));
    expect(updated.status).toBe(302);
    expect(updated.headers.get("Location")).toBe("/gereedschapskist/aandragen?ingediend=bijgewerkt");
    expect((await db.toolSubmission.findUniqueOrThrow({ where: { id: submission.id } })).status).toBe("pending");
    expect(await db.toolPilot.count({ where: { toolId: submission.toolId } })).toBe(4);
    const resubmitted = await db.outboxEmail.findFirst({ where: { to: editor.email, subject: { startsWith: "Inzending aangevuld" } } });
    expect(resubmitted?.text).toContain(submission.tool.name);
    // The link is used up.
    expect((await visitor.get(link)).status).toBe(410);
  });

  test("approving publishes the tool: in the toolbox, its filters and its page; the submitter is e-mailed", async () => {
    const { reader, submission } = await pendingSubmission({ pilots: "Goedkeuringsdorp" });
    const { client } = await editorClient();
    // Editors may preview it before deciding.
    expect((await client.get(`/gereedschapskist/${submission.tool.slug}`)).status).toBe(200);
    expect((await decide(client, submission.id, "approve", "Mooie aanvulling!")).status).toBe(302);
    const after = await db.toolSubmission.findUniqueOrThrow({ where: { id: submission.id }, include: { tool: true } });
    expect(after.status).toBe("approved");
    expect(after.tool.published).toBe(true);
    expect((await listTools({})).map((t) => t.slug)).toContain(submission.tool.slug);
    expect(await listPilotMunicipalities()).toContain("Goedkeuringsdorp");
    const visitor = new TestClient(app.url);
    expect((await visitor.page("/gereedschapskist")).html).toContain(`href="/gereedschapskist/${submission.tool.slug}"`);
    expect((await visitor.get(`/gereedschapskist/${submission.tool.slug}`)).status).toBe(200);
    const mail = await latestEmail("tool-submission.approved", reader.email);
    expect(mail.text).toContain(`/gereedschapskist/${submission.tool.slug}`);
    expect(mail.text).toContain("Mooie aanvulling!");
  });

  test("rejecting needs a reason, which the submitter receives; the tool stays unpublished", async () => {
    const { reader, submission } = await pendingSubmission();
    const { client } = await editorClient();
    const missing = await decide(client, submission.id, "reject", "");
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain("Geef de reden van de afwijzing");
    expect((await db.toolSubmission.findUniqueOrThrow({ where: { id: submission.id } })).status).toBe("pending");
    expect((await decide(client, submission.id, "reject", "Dit is geen instrument maar een product.")).status).toBe(302);
    const after = await db.toolSubmission.findUniqueOrThrow({ where: { id: submission.id }, include: { tool: true } });
    expect(after).toMatchObject({ status: "rejected", moderatorMessage: "Dit is geen instrument maar een product." });
    expect(after.tool.published).toBe(false);
    expect((await latestEmail("tool-submission.rejected", reader.email)).text).toContain("Dit is geen instrument maar een product.");
  });

  test("transitions the state does not allow are refused (409) and change nothing", async () => {
    const { submission } = await pendingSubmission();
    const { client } = await editorClient();
    expect((await decide(client, submission.id, "approve")).status).toBe(302);
    for (const [intent, message] of [["approve", ""], ["reject", "Toch niet."], ["needs_info", "Nog een vraag?"]] as const) {
      const response = await decide(client, submission.id, intent, message);
      expect(response.status, intent).toBe(409);
      expect(await response.text()).toContain("over deze inzending is intussen al besloten");
    }
    expect((await db.toolSubmission.findUniqueOrThrow({ where: { id: submission.id } })).status).toBe("approved");

    // An unconfirmed submission is not the editors' to decide on yet.
    const unconfirmed = await submitTool(new TestClient(app.url), toolFields());
    expect((await decide(client, unconfirmed.submission!.id, "approve")).status).toBe(409);
    expect((await db.tool.findUniqueOrThrow({ where: { id: unconfirmed.submission!.toolId } })).published).toBe(false);
    // Unknown decisions and submissions.
    expect((await decide(client, submission.id, "publish")).status).toBe(400);
    expect((await client.get("/redactie/gereedschap/inzending/bestaat-niet")).status).toBe(404);
  });

  test("readers and authors cannot moderate (403) nor see unpublished tools (404); visitors are sent to log in", async () => {
    const { submission } = await pendingSubmission();
    for (const role of ["reader", "author"] as const) {
      const client = new TestClient(app.url);
      await clientAs(client, role);
      expect((await client.get("/redactie/gereedschap")).status, role).toBe(403);
      expect((await client.get(`/redactie/gereedschap/inzending/${submission.id}`)).status, role).toBe(403);
      await client.page("/");
      expect((await client.post(`/redactie/gereedschap/inzending/${submission.id}`, { intent: "approve", message: "" })).status, role).toBe(403);
      expect((await client.get(`/redactie/gereedschap/bijlagen/${submission.tool.slug}`)).status, role).toBe(403);
      expect((await client.get(`/gereedschapskist/${submission.tool.slug}`)).status, role).toBe(404);
    }
    const visitor = new TestClient(app.url);
    const response = await visitor.get("/redactie/gereedschap");
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toContain("/inloggen");
    expect((await db.toolSubmission.findUniqueOrThrow({ where: { id: submission.id } })).status).toBe("pending");
  });

  test("the queue lists open submissions with their submitter; a status filter shows the others", async () => {
    const { submission } = await pendingSubmission();
    const { client } = await editorClient();
    const queue = await client.page("/redactie/gereedschap");
    expect(queue.response.status).toBe(200);
    expect(queue.html).toContain(submission.tool.name);
    expect(queue.html).toContain(submission.submitterEmail);
    await decide(client, submission.id, "reject", "Dubbel.");
    expect((await client.page("/redactie/gereedschap")).html).not.toContain(`data-submission="${submission.id}"`);
    expect((await client.page("/redactie/gereedschap?status=rejected")).html).toContain(`data-submission="${submission.id}"`);
    const detail = await client.page(`/redactie/gereedschap/inzending/${submission.id}`);
    expect(detail.html).toContain("Dubbel.");
    expect(detail.html).toContain("Over deze inzending valt nu niets te besluiten.");
  });
});

describe("a script in any text field", () => {
  test("comes back as text: in the form, the queue, the moderation page, the tool page and the e-mails", async () => {
    const script = "<script>alert(1)</script>";
    const img = '<img src=x onerror="alert(2)">';
    const fields = toolFields({
      name: `Tool ${script}`,
      summary: `Samenvatting ${img}`,
      description: `Beschrijving ${script} en [klik](javascript:alert(3)) en ${img}`,
      "explanation.flexibility": `Uitleg ${script}`,
      pilots: `Gemeente ${script}`,
      "links[0].title": `Link ${script}`,
      attachmentTitle: `Bijlage ${script}`,
      submitterName: `Naam ${script}`,
    });
    // Invalid on purpose (no e-mail address): the form comes back with every value escaped.
    const client = new TestClient(app.url);
    const invalid = await submitTool(client, { ...fields, submitterEmail: "" });
    expect(invalid.response.status).toBe(400);
    const invalidHtml = await invalid.response.text();
    expect(invalidHtml).not.toContain(script);
    expect(invalidHtml).not.toContain("<img src=x");

    const { submission } = await submitTool(client, fields);
    const tool = await db.tool.findUniqueOrThrow({ where: { id: submission!.toolId } });
    expect(tool.descriptionHtml).not.toMatch(/<script|<img|javascript:/);
    expect(tool.descriptionHtml).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    // The e-mails are plain text (no HTML to run), the name as typed.
    expect((await latestEmail("tool-submission.confirm", fields.submitterEmail!)).subject).toContain(script);

    await db.toolSubmission.update({ where: { id: submission!.id }, data: { status: "pending", confirmTokenHash: null } });
    const { client: editor } = await editorClient();
    for (const path of ["/redactie/gereedschap", `/redactie/gereedschap/inzending/${submission!.id}`, `/gereedschapskist/${tool.slug}`]) {
      const { response, html } = await editor.page(path);
      expect(response.status, path).toBe(200);
      expect(html, path).not.toContain(script);
      expect(html, path).not.toContain("<img src=x");
      expect(html, path).not.toContain("javascript:");
      expect(html, path).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    }
  });
});
