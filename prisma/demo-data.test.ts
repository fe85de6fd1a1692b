import { describe, expect, test } from "vitest";
import { db } from "#app/utils/db.server.ts";
import { isDatabaseEmpty, loadDemoData } from "./demo-data.ts";
import { DEMO_ORGANISATIONS } from "./seed-data/organisations.ts";

describe("the demo data", () => {
  test("loads the book, ten partners and five accounts into an empty database", async () => {
    expect(await isDatabaseEmpty(db)).toBe(true);
    await loadDemoData(db);
    expect(await isDatabaseEmpty(db)).toBe(false);
    const book = await db.book.findUniqueOrThrow({
      where: { slug: "zo-bestuur-je-een-slimme-stad" },
      include: { parts: { include: { chapters: { include: { organisations: true } } } } },
    });
    expect(book.title).toBe("Zo bestuur je een slimme stad");
    expect(book.parts).toHaveLength(3);
    const chapters = book.parts.flatMap((part) => part.chapters);
    expect(chapters.length).toBeGreaterThanOrEqual(12);
    for (const chapter of chapters) {
      expect(chapter.bodyHtml.length, chapter.slug).toBeGreaterThan(1500);
      expect(chapter.organisations.length, chapter.slug).toBeGreaterThan(0);
    }
    // Every premium partner writes at least one chapter.
    const writing = new Set(chapters.flatMap((chapter) => chapter.organisations.map((o) => o.organisationId)));
    expect(writing.size).toBe(DEMO_ORGANISATIONS.length);
    expect(await db.user.count()).toBe(5);
  });

  test("has events: past ones with presentations, upcoming ones, one nearly full and one with a waiting list", async () => {
    const now = new Date();
    const events = await db.event.findMany({ include: { presentations: true, registrations: true, speakers: true } });
    expect(events.length).toBeGreaterThanOrEqual(4);
    expect(events.filter((e) => e.endsAt < now).length).toBeGreaterThanOrEqual(2);
    expect(events.filter((e) => e.startsAt > now).length).toBeGreaterThanOrEqual(2);
    const left = (e: (typeof events)[number]) => (e.capacity ?? Infinity) - e.registrations.filter((r) => r.status === "registered").length;
    expect(events.some((e) => e.startsAt > now && left(e) > 0 && left(e) <= 3)).toBe(true);
    expect(events.some((e) => e.registrations.some((r) => r.status === "waitlisted"))).toBe(true);
    const presentations = events.flatMap((e) => e.presentations);
    expect(presentations.length).toBeGreaterThan(0);
    const { readDocument } = await import("#app/models/stored-files.server.ts");
    for (const presentation of presentations) expect((await readDocument(presentation.file))?.subarray(0, 5).toString()).toBe("%PDF-");
    expect(events.every((e) => e.speakers.length > 0)).toBe(true);
  });

  test("contains no contact details from the seed pages", async () => {
    const texts = (await db.chapter.findMany({ select: { bodyHtml: true } })).map((c) => c.bodyHtml).join("\n");
    expect(texts).not.toMatch(/@(?!kapittel\.example)[a-z-]+\.[a-z]{2,}/i);
    expect(texts).not.toMatch(/\b06[ -]?\d{8}\b/);
  });
});
