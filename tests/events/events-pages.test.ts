import { describe, expect, test } from "vitest";
import { db } from "#app/utils/db.server.ts";
import { createEvent, createOrganisation } from "#tests/factories.ts";
import { TestClient } from "#tests/helpers/http-client.ts";
import { useTestServer } from "#tests/helpers/server.ts";

const app = useTestServer();
const DAY = 24 * 60 * 60 * 1000;

describe("the public event pages", () => {
  test("the list shows upcoming events soonest first and past ones latest first; drafts nowhere", async () => {
    const now = Date.now();
    const later = await createEvent({ title: "Later evenement", startsAt: new Date(now + 20 * DAY) });
    const soon = await createEvent({ title: "Binnenkort evenement", startsAt: new Date(now + 2 * DAY) });
    const longAgo = await createEvent({ title: "Lang geleden evenement", startsAt: new Date(now - 60 * DAY) });
    const recent = await createEvent({ title: "Kort geleden evenement", startsAt: new Date(now - 3 * DAY) });
    await createEvent({ title: "Geheim concept", published: false });
    const { html } = await new TestClient(app.url).page("/evenementen");
    const order = [soon, later, recent, longAgo].map((event) => html.indexOf(event.title));
    expect(order.every((position) => position > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(html.indexOf("Eerdere evenementen")).toBeGreaterThan(order[1]!);
    expect(html.indexOf("Eerdere evenementen")).toBeLessThan(order[2]!);
    expect(html).not.toContain("Geheim concept");
  });

  test("an event page shows Dutch date and time, place, programme, speakers as partner links, places and the calendar link", async () => {
    const organisation = await createOrganisation({ name: "Gemeente Spreekstad" });
    const event = await createEvent({
      title: "Raadsavond slimme stad",
      kind: "workshop",
      startsAt: new Date("2030-03-14T13:30:00Z"),
      endsAt: new Date("2030-03-14T16:00:00Z"),
      location: "Stadhuis Spreekstad",
      onlineUrl: "https://kapittel.example/online/raadsavond",
      capacity: 10,
      programmeHtml: "<p>Welkom</p><ul><li>Inleiding</li></ul><img src=x onerror=alert(1)><script>alert(2)</script>",
    });
    await db.eventSpeaker.create({ data: { eventId: event.id, organisationId: organisation.id, topic: "Data in de raad" } });
    await db.eventRegistration.create({ data: { eventId: event.id, name: "X", email: "x@voorbeeld.example", status: "registered", cancelTokenHash: "a".repeat(64) } });
    const { html } = await new TestClient(app.url).page(`/evenementen/${event.slug}`);
    expect(html).toContain("Workshop");
    expect(html).toContain("donderdag 14 maart 2030, 14:30–17:00");
    expect(html).toContain("Stadhuis Spreekstad");
    expect(html).toContain('href="https://kapittel.example/online/raadsavond"');
    expect(html).toContain("<li>Inleiding</li>");
    expect(html).not.toContain("onerror");
    expect(html).not.toContain("<script>alert(2)");
    expect(html).toContain(`href="/partners/${organisation.slug}"`);
    expect(html).toContain("Data in de raad");
    expect(html).toContain("Nog 9 plaatsen");
    expect(html).toContain(`href="/evenementen/${event.slug}/agenda.ics"`);
    // Registrants are never shown on the public page.
    expect(html).not.toContain("x@voorbeeld.example");
  });

  test("an unknown event is a 404 page", async () => {
    expect((await new TestClient(app.url).page("/evenementen/bestaat-niet")).response.status).toBe(404);
  });
});
