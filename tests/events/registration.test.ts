import { beforeEach, describe, expect, test } from "vitest";
import { cancelRegistration } from "#app/models/events/registrations.server.ts";
import { db } from "#app/utils/db.server.ts";
import { EVENT_REGISTRATIONS_PER_IP } from "#app/utils/rate-limit.server.ts";
import { createEvent, createUser } from "#tests/factories.ts";
import { TestClient } from "#tests/helpers/http-client.ts";
import { logInAs } from "#tests/helpers/login.ts";
import { useTestServer } from "#tests/helpers/server.ts";
import { cancelTokenFrom, register, resetRegistrationLimit } from "./helpers.ts";

const app = useTestServer();
beforeEach(resetRegistrationLimit);

const rows = (eventId: string) => db.eventRegistration.findMany({ where: { eventId }, orderBy: { createdAt: "asc" } });
const mailsTo = (to: string) => db.outboxEmail.findMany({ where: { to }, orderBy: { createdAt: "asc" } });

describe("registering for an event", () => {
  test("registrations fill the places, then go on the waiting list, and each gets a confirmation with a cancel link", async () => {
    const event = await createEvent({ capacity: 2 });
    const first = await register(app.url, event.slug, { name: "Anna", email: "anna@voorbeeld.example", organisation: "Gemeente Zwolle" });
    expect(first.response.status).toBe(200);
    expect(first.html).toContain("Je bent aangemeld");
    await register(app.url, event.slug, { name: "Bas", email: "BAS@voorbeeld.example" });
    const page = await new TestClient(app.url).page(`/evenementen/${event.slug}`);
    expect(page.html).toContain("Dit evenement is vol");
    expect(page.html).toContain("Op de wachtlijst zetten");

    const third = await register(app.url, event.slug, { name: "Cor", email: "cor@voorbeeld.example" });
    expect(third.response.status).toBe(200);
    expect(third.html).toContain("je staat op de wachtlijst (plaats 1)");
    const fourth = await register(app.url, event.slug, { name: "Dirk", email: "dirk@voorbeeld.example" });
    expect(fourth.html).toContain("(plaats 2)");

    expect((await rows(event.id)).map((r) => [r.email, r.status])).toEqual([
      ["anna@voorbeeld.example", "registered"],
      ["bas@voorbeeld.example", "registered"],
      ["cor@voorbeeld.example", "waitlisted"],
      ["dirk@voorbeeld.example", "waitlisted"],
    ]);
    const [annaMail] = await mailsTo("anna@voorbeeld.example");
    expect(annaMail!.subject).toBe(`Aanmelding bevestigd: ${event.title}`);
    expect(annaMail!.text).toContain("/evenementen/afmelden/");
    const [corMail] = await mailsTo("cor@voorbeeld.example");
    expect(corMail!.subject).toBe(`Op de wachtlijst: ${event.title}`);
    // Only the hash of the cancel secret is stored.
    const stored = (await rows(event.id))[0]!;
    expect(annaMail!.text).not.toContain(stored.cancelTokenHash);
    expect(stored.cancelTokenHash).toMatch(/^[0-9a-f]{64}$/);
  });

  test("the same address twice gets a clear error and no second row", async () => {
    const event = await createEvent({ capacity: 10 });
    await register(app.url, event.slug, { name: "Eva", email: "eva@voorbeeld.example" });
    const again = await register(app.url, event.slug, { name: "Eva B.", email: " Eva@Voorbeeld.example " });
    expect(again.response.status).toBe(409);
    expect(again.html).toContain("Dit e-mailadres is al aangemeld voor dit evenement");
    expect(await db.eventRegistration.count({ where: { eventId: event.id } })).toBe(1);
    expect(await mailsTo("eva@voorbeeld.example")).toHaveLength(1);
  });

  test("cancelling by the private link frees the place: the first on the waiting list moves up and is e-mailed", async () => {
    const event = await createEvent({ capacity: 1 });
    await register(app.url, event.slug, { name: "Fenna", email: "fenna@voorbeeld.example" });
    await register(app.url, event.slug, { name: "Gijs", email: "gijs@voorbeeld.example" });
    await register(app.url, event.slug, { name: "Hanna", email: "hanna@voorbeeld.example" });
    const token = cancelTokenFrom((await mailsTo("fenna@voorbeeld.example"))[0]!.text);

    // Opening the link only asks (a mail scanner following links cancels nothing).
    const visitor = new TestClient(app.url);
    const question = await visitor.page(`/evenementen/afmelden/${token}`);
    expect(question.response.status).toBe(200);
    expect(question.html).toContain("Wil je je afmelden voor");
    expect((await db.eventRegistration.findFirstOrThrow({ where: { email: "fenna@voorbeeld.example" } })).status).toBe("registered");

    const done = await visitor.post(`/evenementen/afmelden/${token}`, {});
    expect(done.status).toBe(200);
    expect(await done.text()).toContain("Je bent afgemeld");
    const statuses = Object.fromEntries((await rows(event.id)).map((r) => [r.email, r.status]));
    expect(statuses).toEqual({ "fenna@voorbeeld.example": "cancelled", "gijs@voorbeeld.example": "registered", "hanna@voorbeeld.example": "waitlisted" });
    const gijsMails = await mailsTo("gijs@voorbeeld.example");
    expect(gijsMails.map((m) => m.kind)).toEqual(["event.waitlisted", "event.promoted"]);
    expect(gijsMails[1]!.subject).toContain("Er is een plaats vrij");
    // The promotion e-mail carries a new, working cancel link.
    const newToken = cancelTokenFrom(gijsMails[1]!.text);
    expect((await new TestClient(app.url).page(`/evenementen/afmelden/${newToken}`)).html).toContain("Wil je je afmelden voor");

    // The same link again: already cancelled, nothing changes.
    const again = await visitor.post(`/evenementen/afmelden/${token}`, {});
    expect(await again.text()).toContain("Deze aanmelding is al geannuleerd");
    expect(await db.eventRegistration.count({ where: { eventId: event.id, status: "registered" } })).toBe(1);
    // A made-up link: a clear message.
    expect((await new TestClient(app.url).page("/evenementen/afmelden/verzonnen-token")).html).toContain("Deze afmeldlink klopt niet");
  });

  test("two registrations for the last place at the same moment: exactly one gets it", async () => {
    for (let round = 0; round < 3; round += 1) {
      const event = await createEvent({ capacity: 3 });
      await register(app.url, event.slug, { name: "Een", email: `een-${round}@voorbeeld.example` });
      await register(app.url, event.slug, { name: "Twee", email: `twee-${round}@voorbeeld.example` });
      const clients = [new TestClient(app.url), new TestClient(app.url)];
      await Promise.all(clients.map((client) => client.page(`/evenementen/${event.slug}`)));
      const responses = await Promise.all(
        clients.map((client, index) => client.post(`/evenementen/${event.slug}`, { name: `Racer ${index}`, email: `racer${index}-${round}@voorbeeld.example`, organisation: "" })),
      );
      expect(responses.map((r) => r.status)).toEqual([200, 200]);
      const statuses = (await rows(event.id)).map((r) => r.status).sort();
      expect(statuses).toEqual(["registered", "registered", "registered", "waitlisted"]);
    }
  });

  test("two cancellations at the same moment promote two different people from the waiting list", async () => {
    for (let round = 0; round < 3; round += 1) {
      const event = await createEvent({ capacity: 2 });
      const people = ["ans", "bram", "carla", "daan"].map((name) => `${name}-${round}@voorbeeld.example`);
      for (const email of people) await register(app.url, event.slug, { name: email.split("-")[0]!, email });
      const tokens = await Promise.all(people.slice(0, 2).map(async (email) => cancelTokenFrom((await mailsTo(email))[0]!.text)));
      const results = await Promise.all(tokens.map((token) => cancelRegistration(token)));
      expect(results).toEqual([{ status: "cancelled", promoted: 1 }, { status: "cancelled", promoted: 1 }]);
      const statuses = (await rows(event.id)).map((r) => [r.email, r.status]);
      expect(statuses).toEqual([
        [people[0], "cancelled"],
        [people[1], "cancelled"],
        [people[2], "registered"],
        [people[3], "registered"],
      ]);
      for (const email of people.slice(2)) expect((await mailsTo(email)).map((m) => m.kind)).toEqual(["event.waitlisted", "event.promoted"]);
    }
  });

  test("the same address twice at the same moment: one row", async () => {
    const event = await createEvent({ capacity: 5 });
    const results = await Promise.all([0, 1].map(() => register(app.url, event.slug, { name: "Iris", email: "iris@voorbeeld.example" })));
    expect(results.map((r) => r.response.status).sort()).toEqual([200, 409]);
    expect(await db.eventRegistration.count({ where: { eventId: event.id } })).toBe(1);
  });

  test("registration closes when the event has started, and an unpublished event does not exist", async () => {
    const started = await createEvent({ startsAt: new Date(Date.now() - 60_000), endsAt: new Date(Date.now() + 3_600_000) });
    const page = await new TestClient(app.url).page(`/evenementen/${started.slug}`);
    expect(page.html).toContain("Aanmelden kan niet meer");
    expect(page.html).not.toContain('id="event-registration"');
    const attempt = await register(app.url, started.slug, { name: "Jan", email: "jan@voorbeeld.example" });
    expect(attempt.response.status).toBe(409);
    expect(attempt.html).toContain("het evenement is al begonnen");
    expect(await db.eventRegistration.count({ where: { eventId: started.id } })).toBe(0);

    const hidden = await createEvent({ published: false });
    expect((await new TestClient(app.url).page(`/evenementen/${hidden.slug}`)).response.status).toBe(404);
    expect((await register(app.url, hidden.slug, { name: "Jan", email: "jan@voorbeeld.example" })).response.status).toBe(404);
  });

  test("bad input gets field errors; a robot filling the honeypot is thanked and nothing is stored", async () => {
    const event = await createEvent();
    const bad = await register(app.url, event.slug, { name: "", email: "geen-adres" });
    expect(bad.response.status).toBe(400);
    const robot = await register(app.url, event.slug, { name: "Robot", email: "robot@spam.example", website: "https://spam.example" });
    expect(robot.response.status).toBe(200);
    expect(robot.html).toContain("Je bent aangemeld");
    expect(await db.eventRegistration.count({ where: { eventId: event.id } })).toBe(0);
    expect(await mailsTo("robot@spam.example")).toEqual([]);
  });

  test("too many registrations from one address are refused for a while", async () => {
    const event = await createEvent();
    for (let index = 0; index < EVENT_REGISTRATIONS_PER_IP; index += 1) {
      expect((await register(app.url, event.slug, { name: `P ${index}`, email: `p${index}@limiet.example` })).response.status).toBe(200);
    }
    const refused = await register(app.url, event.slug, { name: "Nog een", email: "nog-een@limiet.example" });
    expect(refused.response.status).toBe(429);
    expect(refused.html).toContain("Te veel aanmeldingen vanaf dit adres");
    expect(await db.eventRegistration.count({ where: { eventId: event.id } })).toBe(EVENT_REGISTRATIONS_PER_IP);
  });

  test("a signed-in reader finds the form filled in, and the registration is linked to the account", async () => {
    const event = await createEvent();
    const reader = await createUser({ name: "Karin Lezer" });
    const client = new TestClient(app.url);
    await logInAs(client, reader.id);
    const { html } = await client.page(`/evenementen/${event.slug}`);
    expect(html).toContain(`value="${reader.email}"`);
    expect(html).toContain('value="Karin Lezer"');
    await register(app.url, event.slug, { name: "Karin Lezer", email: reader.email }, client);
    expect((await db.eventRegistration.findFirstOrThrow({ where: { eventId: event.id } })).userId).toBe(reader.id);
  });

  test("script in every registration field comes back as text, never as markup", async () => {
    const event = await createEvent({ capacity: 1 });
    const script = "<script>alert(1)</script>";
    await register(app.url, event.slug, { name: `Mallory ${script}`, email: "mallory@voorbeeld.example", organisation: script });
    const waitlisted = await register(app.url, event.slug, { name: script, email: "mallory2@voorbeeld.example", organisation: script });
    expect(waitlisted.html).not.toContain(script);
    const editor = await createUser({ role: "editor" });
    const client = new TestClient(app.url);
    await logInAs(client, editor.id);
    const { html } = await client.page(`/redactie/evenementen/${event.id}`);
    expect(html).toContain("Mallory &lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).not.toContain(script);
  });
});
