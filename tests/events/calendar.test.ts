import { describe, expect, test } from "vitest";
import { amsterdamLocalToDate } from "#app/common/events.ts";
import { createEvent } from "#tests/factories.ts";
import { TestClient } from "#tests/helpers/http-client.ts";
import { useTestServer } from "#tests/helpers/server.ts";

const app = useTestServer();

/** A small RFC 5545 reader: unfolds lines, splits name and value, unescapes text. */
function parseIcs(text: string): { lines: string[]; event: Record<string, string> } {
  expect(text).toMatch(/\r?\n/);
  const lines = text.replace(/\r?\n[ \t]/g, "").split(/\r?\n/).filter(Boolean);
  const start = lines.indexOf("BEGIN:VEVENT");
  const end = lines.indexOf("END:VEVENT");
  expect(start).toBeGreaterThan(0);
  const event: Record<string, string> = {};
  for (const line of lines.slice(start + 1, end)) {
    const colon = line.indexOf(":");
    const name = line.slice(0, colon).split(";")[0]!;
    event[name] = line.slice(colon + 1).replace(/\\([\\;,nN])/g, (_, c: string) => (c === "n" || c === "N" ? "\n" : c));
  }
  return { lines, event };
}

const icsTime = (date: Date) => date.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");

describe("an event's calendar file", () => {
  test("has the event's UTC times, a stable UID and escaped text", async () => {
    // 14:00 Dutch winter time is 13:00 UTC; a summer date is two hours ahead.
    const startsAt = amsterdamLocalToDate("2030-12-03T14:00")!;
    const endsAt = amsterdamLocalToDate("2030-12-03T17:30")!;
    expect(startsAt.toISOString()).toBe("2030-12-03T13:00:00.000Z");
    expect(amsterdamLocalToDate("2030-06-03T14:00")!.toISOString()).toBe("2030-06-03T12:00:00.000Z");
    const event = await createEvent({
      title: "Raad; data, en \\ de stad <script>alert(1)</script>",
      summary: "Eerste regel\nTweede regel, met komma; en puntkomma",
      location: "Stadhuis, zaal 3; Amersfoort",
      onlineUrl: "https://kapittel.example/online/raad",
      startsAt,
      endsAt,
    });
    const client = new TestClient(app.url);
    const response = await client.get(`/evenementen/${event.slug}/agenda.ics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(response.headers.get("content-disposition")).toContain(`${event.slug}.ics`);
    const text = await response.text();
    const { lines, event: entry } = parseIcs(text);
    expect(lines[0]).toBe("BEGIN:VCALENDAR");
    expect(lines).toContain("VERSION:2.0");
    expect(entry.DTSTART).toBe(icsTime(startsAt));
    expect(entry.DTSTART).toBe("20301203T130000Z");
    expect(entry.DTEND).toBe("20301203T163000Z");
    expect(entry.SUMMARY).toBe(event.title);
    expect(entry.LOCATION).toBe("Stadhuis, zaal 3; Amersfoort");
    expect(entry.DESCRIPTION).toContain("Eerste regel\nTweede regel, met komma; en puntkomma");
    expect(entry.DESCRIPTION).toContain("Online: https://kapittel.example/online/raad");
    expect(entry.URL).toMatch(new RegExp(`^https?://[^/]+/evenementen/${event.slug}$`));
    // Raw text: every comma, semicolon and backslash escaped, no bare line break inside a value.
    expect(text).toContain("SUMMARY:Raad\\; data\\, en \\\\ de stad");
    expect(text.split(/\r?\n/).every((line) => Buffer.byteLength(line) <= 75 + 2)).toBe(true);
    expect(entry.UID).toBe(`${event.id}@events.kapittel`);
    const again = parseIcs(await (await client.get(`/evenementen/${event.slug}/agenda.ics`)).text());
    expect(again.event.UID).toBe(entry.UID);
  });

  test("an unknown or unpublished event has no calendar file", async () => {
    const hidden = await createEvent({ published: false });
    const client = new TestClient(app.url);
    expect((await client.get(`/evenementen/${hidden.slug}/agenda.ics`)).status).toBe(404);
    expect((await client.get("/evenementen/bestaat-niet/agenda.ics")).status).toBe(404);
  });
});
