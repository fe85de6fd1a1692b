import { beforeAll, describe, expect, test } from "vitest";
import { MAX_DOCUMENT_BYTES } from "#app/models/stored-files.server.ts";
import { db } from "#app/utils/db.server.ts";
import { createEvent, createOrganisation, createUser } from "#tests/factories.ts";
import { TestClient } from "#tests/helpers/http-client.ts";
import { logInAs } from "#tests/helpers/login.ts";
import { useTestServer } from "#tests/helpers/server.ts";
import { demoPresentationPdf } from "../../prisma/demo-events.ts";

const app = useTestServer();
let editor: TestClient;

async function clientAs(role: "reader" | "author" | "editor" | "admin") {
  const client = new TestClient(app.url);
  await logInAs(client, (await createUser({ role })).id);
  await client.page("/");
  return client;
}

beforeAll(async () => {
  editor = await clientAs("editor");
});

const FORM = {
  intent: "update",
  title: "Werksessie datagedreven besluiten",
  slug: "werksessie-datagedreven-besluiten",
  kind: "workshop",
  summary: "Een middag over besluiten met data.",
  programme: "Welkom\n\n- Inleiding\n- Gesprek",
  startsAt: "2030-05-20T14:00",
  endsAt: "2030-05-20T17:00",
  location: "Provinciehuis Utrecht",
  onlineUrl: "",
  capacity: "2",
  published: "on",
};

/** Posts a presentation upload as a browser's multipart form would. */
async function upload(client: TestClient, eventId: string, file: { bytes: Uint8Array; name: string; type: string }, title = "Slides") {
  await client.page(`/redactie/evenementen/${eventId}`);
  const body = new FormData();
  body.set("csrf", client.csrfToken ?? "");
  body.set("intent", "upload");
  body.set("title", title);
  body.set("file", new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
  const response = await client.request(`/redactie/evenementen/${eventId}`, { method: "POST", body, headers: { Origin: client.origin } });
  return { response, html: await response.text() };
}

describe("managing events", () => {
  test("only editors and admins reach the management pages and actions", async () => {
    const event = await createEvent();
    const paths = ["/redactie/evenementen", "/redactie/evenementen/nieuw", `/redactie/evenementen/${event.id}`, `/redactie/evenementen/${event.id}/aanmeldingen.csv`];
    const visitor = new TestClient(app.url);
    for (const path of paths) {
      const response = await visitor.get(path);
      expect(response.status, path).toBe(302);
      expect(response.headers.get("location"), path).toMatch(/^\/inloggen\?redirectTo=/);
    }
    for (const role of ["reader", "author"] as const) {
      const client = await clientAs(role);
      for (const path of paths) expect((await client.get(path)).status, `${role} ${path}`).toBe(403);
      expect((await client.post("/redactie/evenementen/nieuw", { ...FORM, slug: `poging-${role}` })).status).toBe(403);
      expect((await client.post(`/redactie/evenementen/${event.id}`, { ...FORM, slug: `poging-${role}` })).status).toBe(403);
      expect((await upload(client, event.id, { bytes: demoPresentationPdf("x", "y"), name: "x.pdf", type: "application/pdf" })).response.status).toBe(403);
    }
    expect(await db.event.count({ where: { slug: { startsWith: "poging-" } } })).toBe(0);
    expect(await db.eventPresentation.count({ where: { eventId: event.id } })).toBe(0);
    for (const role of ["editor", "admin"] as const) {
      const client = await clientAs(role);
      for (const path of paths) expect((await client.get(path)).status, `${role} ${path}`).toBe(200);
    }
  });

  test("an editor creates an event with speakers; bad input gets field errors; the slug must be free", async () => {
    const organisation = await createOrganisation({ name: "Provincie Spreekland" });
    const bad = await editor.post("/redactie/evenementen/nieuw", { ...FORM, slug: "Met Spaties", capacity: "nul", onlineUrl: "javascript:alert(1)" });
    expect(bad.status).toBe(400);
    const badHtml = await bad.text();
    for (const message of ["Gebruik minstens drie kleine letters", "Een heel getal vanaf 1", "Een webadres dat begint met https://"]) expect(badHtml).toContain(message);
    const inconsistent = await editor.post("/redactie/evenementen/nieuw", { ...FORM, endsAt: "2030-05-20T13:00", location: "" });
    expect(inconsistent.status).toBe(400);
    const inconsistentHtml = await inconsistent.text();
    for (const message of ["Het einde moet na het begin liggen", "Vul een locatie of een online link in"]) expect(inconsistentHtml).toContain(message);
    expect(await db.event.count({ where: { slug: FORM.slug } })).toBe(0);
    const created = await editor.post("/redactie/evenementen/nieuw", { ...FORM, "speakers[0].organisationId": organisation.id, "speakers[0].topic": "Besluiten met data" });
    expect(created.status).toBe(302);
    const event = await db.event.findUniqueOrThrow({ where: { slug: FORM.slug }, include: { speakers: true } });
    expect(created.headers.get("location")).toBe(`/redactie/evenementen/${event.id}?melding=aangemaakt`);
    expect(event.startsAt.toISOString()).toBe("2030-05-20T12:00:00.000Z"); // 14:00 Dutch summer time
    expect(event.programmeHtml).toBe("<p>Welkom</p><ul><li>Inleiding</li><li>Gesprek</li></ul>");
    expect(event.capacity).toBe(2);
    expect(event.speakers).toMatchObject([{ organisationId: organisation.id, topic: "Besluiten met data", position: 0 }]);
    const taken = await editor.post("/redactie/evenementen/nieuw", FORM);
    expect(taken.status).toBe(400);
    expect(await taken.text()).toContain("Er is al een evenement met dit webadres");
  });

  test("the registrations and waiting list are listed and exported as CSV; raising the capacity moves people up", async () => {
    const event = await createEvent({ capacity: 1, slug: "csv-evenement" });
    const people = [
      { name: "Anna", email: "anna@csv.example", status: "registered" },
      { name: "=HYPERLINK(\"x\")", email: "bas@csv.example", status: "waitlisted" },
      { name: "Cor, de \"derde\"", email: "cor@csv.example", status: "waitlisted" },
    ];
    for (const [index, person] of people.entries()) {
      await db.eventRegistration.create({ data: { ...person, eventId: event.id, organisation: "Gemeente Zwolle", cancelTokenHash: `${index}`.repeat(64), createdAt: new Date(Date.now() - (10 - index) * 60_000) } });
    }
    const { html } = await editor.page(`/redactie/evenementen/${event.id}`);
    expect(html).toContain("1 aangemeld, 2 op de wachtlijst, 0 afgemeld.");
    expect(html).toContain("Wachtlijst (1)");
    const csv = await editor.get(`/redactie/evenementen/${event.id}/aanmeldingen.csv`);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("cache-control")).toContain("no-store");
    const text = await csv.text();
    const lines = text.replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toBe('"Naam","E-mailadres","Organisatie","Status","Aangemeld op","Afgemeld op"');
    expect(lines[1]).toMatch(/^"Anna","anna@csv.example","Gemeente Zwolle","Aangemeld","20/);
    expect(lines[2]).toContain(`"'=HYPERLINK(""x"")"`); // no formula in a spreadsheet
    expect(lines[3]).toContain('"Cor, de ""derde""","cor@csv.example"');

    const values = await db.event.findUniqueOrThrow({ where: { id: event.id } });
    const saved = await editor.post(`/redactie/evenementen/${event.id}`, {
      ...FORM,
      title: values.title,
      slug: values.slug,
      startsAt: "2031-01-10T10:00",
      endsAt: "2031-01-10T12:00",
      capacity: "2",
    });
    expect(saved.status).toBe(302);
    expect(saved.headers.get("location")).toContain("doorgeschoven=1");
    const statuses = Object.fromEntries((await db.eventRegistration.findMany({ where: { eventId: event.id } })).map((r) => [r.email, r.status]));
    expect(statuses).toEqual({ "anna@csv.example": "registered", "bas@csv.example": "registered", "cor@csv.example": "waitlisted" });
    expect(await db.outboxEmail.count({ where: { to: "bas@csv.example", kind: "event.promoted" } })).toBe(1);

    // An organiser cancels Anna's place (she phoned): Cor moves up and is e-mailed.
    const anna = await db.eventRegistration.findFirstOrThrow({ where: { email: "anna@csv.example" } });
    const cancelled = await editor.post(`/redactie/evenementen/${event.id}`, { intent: "cancel-registration", registrationId: anna.id });
    expect(cancelled.status).toBe(302);
    expect(cancelled.headers.get("location")).toBe(`/redactie/evenementen/${event.id}?melding=afgemeld&doorgeschoven=1`);
    expect((await db.eventRegistration.findUniqueOrThrow({ where: { id: anna.id } })).status).toBe("cancelled");
    expect((await db.eventRegistration.findFirstOrThrow({ where: { email: "cor@csv.example" } })).status).toBe("registered");
    expect(await db.outboxEmail.count({ where: { to: "cor@csv.example", kind: "event.promoted" } })).toBe(1);
    const other = await createEvent();
    expect((await editor.post(`/redactie/evenementen/${other.id}`, { intent: "cancel-registration", registrationId: anna.id })).status).toBe(404);
  });

  test("presentations: only real PDFs within the size limit are accepted, downloadable, and can be deleted", async () => {
    const event = await createEvent({ startsAt: new Date(Date.now() - 7 * 86_400_000) });
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    const wrongPng = await upload(editor, event.id, { bytes: png, name: "slides.pdf", type: "application/pdf" });
    expect(wrongPng.response.status).toBe(415);
    expect(wrongPng.html).toContain("Dit bestand is geen PDF");
    const html = new TextEncoder().encode("<html><script>alert(1)</script></html>");
    const wrongHtml = await upload(editor, event.id, { bytes: html, name: "slides.pdf", type: "application/pdf" });
    expect(wrongHtml.response.status).toBe(415);
    expect(wrongHtml.html).toContain("Dit bestand is geen PDF");
    const huge = new Uint8Array(MAX_DOCUMENT_BYTES + 1);
    huge.set(new TextEncoder().encode("%PDF-1.4\n"));
    const tooLarge = await upload(editor, event.id, { bytes: huge, name: "groot.pdf", type: "application/pdf" });
    expect(tooLarge.response.status).toBe(413);
    expect(tooLarge.html).toContain("Dit bestand is te groot: hoogstens 21 MB");
    const noTitle = await upload(editor, event.id, { bytes: demoPresentationPdf("a", "b"), name: "a.pdf", type: "application/pdf" }, " ");
    expect(noTitle.response.status).toBe(400);
    expect(await db.eventPresentation.count({ where: { eventId: event.id } })).toBe(0);

    const pdf = demoPresentationPdf("Slimme stad", "Werksessie");
    const accepted = await upload(editor, event.id, { bytes: pdf, name: "slimme-stad.pdf", type: "application/octet-stream" }, "Slimme stad <b>vet</b>");
    expect(accepted.response.status).toBe(302);
    expect(accepted.response.headers.get("location")).toBe(`/redactie/evenementen/${event.id}?melding=geupload`);
    const presentation = await db.eventPresentation.findFirstOrThrow({ where: { eventId: event.id } });
    expect(presentation.sizeBytes).toBe(pdf.length);

    const visitor = new TestClient(app.url);
    const page = await visitor.page(`/evenementen/${event.slug}`);
    expect(page.html).toContain("Slimme stad &lt;b&gt;vet&lt;/b&gt; (PDF, ");
    const href = /href="(\/bestanden\/[0-9a-f]{64}\.pdf\?naam=[^"]+)"/.exec(page.html)?.[1];
    expect(href).toBeDefined();
    const download = await visitor.get(href!.replace(/&amp;/g, "&"));
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("application/pdf");
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(pdf);

    const deleted = await editor.post(`/redactie/evenementen/${event.id}`, { intent: "delete-presentation", presentationId: presentation.id });
    expect(deleted.status).toBe(302);
    expect(await db.eventPresentation.count({ where: { eventId: event.id } })).toBe(0);
    expect((await visitor.page(`/evenementen/${event.slug}`)).html).toContain("Er zijn geen presentaties van dit evenement");
  });

  test("a script in every text field of an event is shown as text on the public page", async () => {
    const organisation = await createOrganisation();
    const script = "<script>alert(1)</script>";
    const created = await editor.post("/redactie/evenementen/nieuw", {
      ...FORM,
      slug: "script-evenement",
      title: `Titel ${script}`,
      summary: `Samenvatting ${script}`,
      programme: `<p>Programma</p>${script}<img src="x" onerror="alert(3)"><a href="javascript:alert(4)">link</a>`,
      location: `Locatie ${script}`,
      "speakers[0].organisationId": organisation.id,
      "speakers[0].topic": `Onderwerp ${script}`,
    });
    expect(created.status).toBe(302);
    for (const path of ["/evenementen/script-evenement", "/evenementen"]) {
      const { html } = await new TestClient(app.url).page(path);
      expect(html, path).not.toContain(script);
      expect(html, path).not.toContain("onerror");
      expect(html, path).not.toContain("javascript:");
      expect(html, path).toContain("Titel &lt;script&gt;alert(1)&lt;/script&gt;");
    }
    const { html } = await new TestClient(app.url).page("/evenementen/script-evenement");
    expect(html).toContain("Locatie &lt;script&gt;");
    expect(html).toContain("Onderwerp &lt;script&gt;");
    expect(html).toContain("<p>Programma</p>");
  });
});
