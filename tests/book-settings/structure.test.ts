import { beforeAll, beforeEach, describe, expect, test } from "vitest";
import { db } from "#app/utils/db.server.ts";
import { createChapter, createTool } from "#tests/factories.ts";
import { TestClient } from "#tests/helpers/http-client.ts";
import { useTestServer } from "#tests/helpers/server.ts";
import { createArrangedBook, currentOrder, loggedIn, type Role } from "./helpers.ts";

const app = useTestServer();
let fixture: Awaited<ReturnType<typeof createArrangedBook>>;
let structurePath: string;
let original: Awaited<ReturnType<typeof currentOrder>>;

beforeAll(async () => {
  fixture = await createArrangedBook();
  structurePath = `/boek/${fixture.book.slug}/indeling`;
  original = await currentOrder(fixture.book.id);
});

// Each test starts from the book's original arrangement.
beforeEach(async () => {
  for (const [partIndex, part] of original.entries()) {
    await db.part.update({ where: { id: part.partId }, data: { position: partIndex + 1 } });
    for (const [index, chapterId] of part.chapterIds.entries()) {
      await db.chapter.update({ where: { id: chapterId }, data: { partId: part.partId, position: index + 1 } });
    }
  }
});

const clientAs = (role: Role) => loggedIn(new TestClient(app.url), fixture.users[role]);
const reorder = async (role: Role, order: unknown) =>
  (await clientAs(role)).post(structurePath, { intent: "reorder", order: typeof order === "string" ? order : JSON.stringify(order) });

/** The chapter titles in the order the reader's book page lists them. */
async function titlesOnBookPage(): Promise<string[]> {
  const { html } = await new TestClient(app.url).page(`/boek/${fixture.book.slug}`);
  const titles = ["Eerste hoofdstuk", "Tweede hoofdstuk", "Derde hoofdstuk"];
  return titles.filter((title) => html.includes(title)).sort((a, b) => html.indexOf(a) - html.indexOf(b));
}

describe("who may arrange the book", () => {
  test.each([
    ["reader", 403],
    ["author", 403],
    ["editor", 200],
    ["admin", 200],
  ] as const)("a %s gets %i for the page", async (role, status) => {
    expect((await (await clientAs(role)).page(structurePath)).response.status).toBe(status);
  });

  test.each(["reader", "author"] as const)("a %s cannot reorder, add, rename or delete (403)", async (role) => {
    const [first, second] = original;
    const reversed = [second!, first!];
    expect((await reorder(role, reversed)).status).toBe(403);
    const client = await clientAs(role);
    expect((await client.post(structurePath, { intent: "add-part", title: "Gekaapt" })).status).toBe(403);
    expect((await client.post(structurePath, { intent: "rename-part", partId: first!.partId, title: "Gekaapt" })).status).toBe(403);
    expect((await client.post(structurePath, { intent: "delete-part", partId: first!.partId })).status).toBe(403);
    expect(await currentOrder(fixture.book.id)).toEqual(original);
    expect(await db.part.count({ where: { title: "Gekaapt" } })).toBe(0);
  });
});

describe("saving a new order", () => {
  test("parts swapped and a chapter moved between parts: stored, and the book page follows", async () => {
    const [first, middle, last] = fixture.chapters;
    const [partOne, partTwo] = fixture.parts;
    const order = [
      { partId: partTwo!.id, chapterIds: [last!.id, first!.id] },
      { partId: partOne!.id, chapterIds: [middle!.id] },
    ];
    const response = await reorder("editor", order);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("Volgorde opgeslagen.");
    expect(await currentOrder(fixture.book.id)).toEqual(order);
    expect(await titlesOnBookPage()).toEqual(["Derde hoofdstuk", "Eerste hoofdstuk", "Tweede hoofdstuk"]);
  });

  test("an admin may reorder too", async () => {
    const order = original.map((part) => ({ ...part, chapterIds: [...part.chapterIds].reverse() }));
    expect((await reorder("admin", order)).status).toBe(200);
    expect(await titlesOnBookPage()).toEqual(["Tweede hoofdstuk", "Eerste hoofdstuk", "Derde hoofdstuk"]);
  });

  const refusals: [string, () => unknown, string][] = [
    ["misses a chapter", () => [{ ...original[0]!, chapterIds: original[0]!.chapterIds.slice(1) }, original[1]], "mist een hoofdstuk"],
    ["repeats a chapter", () => [original[0], { ...original[1]!, chapterIds: [...original[1]!.chapterIds, original[0]!.chapterIds[0]] }], "twee keer"],
    ["names another book's part", () => [...original, { partId: fixture.other.part.id, chapterIds: [] }], "niet bij dit boek"],
    ["names another book's chapter", () => [original[0], { ...original[1]!, chapterIds: [...original[1]!.chapterIds, fixture.other.chapter.id] }], "niet in dit boek"],
    ["misses a part", () => [{ ...original[0]!, chapterIds: [...original[0]!.chapterIds, ...original[1]!.chapterIds] }], "mist een deel"],
    ["repeats a part", () => [original[0], original[1], { partId: original[0]!.partId, chapterIds: [] }], "twee keer"],
    ["is not JSON", () => "[{", "kon niet worden gelezen"],
    ["has the wrong shape", () => [{ part: "x" }], "kon niet worden gelezen"],
  ];
  test.each(refusals)("an order that %s is refused as a whole", async (_what, order, message) => {
    const response = await reorder("editor", order());
    expect(response.status).toBe(400);
    expect(await response.text()).toContain(message);
    expect(await currentOrder(fixture.book.id)).toEqual(original);
  });

  test("an order without a chapter that was added meanwhile is refused, so that chapter keeps its place", async () => {
    const added = await createChapter({ bookId: fixture.book.id, partId: fixture.parts[1]!.id, title: "Intussen toegevoegd" });
    try {
      const response = await reorder("editor", [...original].reverse());
      expect(response.status).toBe(400);
      expect((await db.chapter.findUniqueOrThrow({ where: { id: added.id } })).partId).toBe(fixture.parts[1]!.id);
    } finally {
      await db.chapter.delete({ where: { id: added.id } });
    }
  });
});

describe("parts", () => {
  test("an editor adds a part at the end, renames it and deletes it while it is empty", async () => {
    const client = await clientAs("editor");
    const added = await client.post(structurePath, { intent: "add-part", title: "Bijlagen" });
    expect(added.status).toBe(302);
    const part = await db.part.findFirstOrThrow({ where: { bookId: fixture.book.id, title: "Bijlagen" } });
    expect(part).toMatchObject({ slug: "bijlagen", position: 3 });
    expect((await client.page(`${structurePath}?melding=deel-toegevoegd`)).html).toContain("Het deel is toegevoegd");

    expect((await client.post(structurePath, { intent: "rename-part", partId: part.id, title: "Verantwoording" })).status).toBe(302);
    expect(await db.part.findUniqueOrThrow({ where: { id: part.id } })).toMatchObject({ title: "Verantwoording", slug: "bijlagen" });

    expect((await client.post(structurePath, { intent: "delete-part", partId: part.id })).status).toBe(302);
    expect(await db.part.findUnique({ where: { id: part.id } })).toBeNull();
    expect(await currentOrder(fixture.book.id)).toEqual(original);
  });

  test("a part with chapters is not deleted, with a message", async () => {
    const response = await (await clientAs("editor")).post(structurePath, { intent: "delete-part", partId: fixture.parts[0]!.id });
    expect(response.status).toBe(409);
    expect(await response.text()).toContain("Dit deel bevat nog hoofdstukken");
    expect(await db.part.findUnique({ where: { id: fixture.parts[0]!.id } })).not.toBeNull();
  });

  test("deleting a part in the middle closes the gap", async () => {
    const client = await clientAs("editor");
    await client.post(structurePath, { intent: "add-part", title: "Leeg deel" });
    const empty = await db.part.findFirstOrThrow({ where: { bookId: fixture.book.id, title: "Leeg deel" } });
    const order = [original[0]!, { partId: empty.id, chapterIds: [] }, original[1]!];
    expect((await reorder("editor", order)).status).toBe(200);
    expect((await client.post(structurePath, { intent: "delete-part", partId: empty.id })).status).toBe(302);
    const positions = await db.part.findMany({ where: { bookId: fixture.book.id }, orderBy: { position: "asc" }, select: { id: true, position: true } });
    expect(positions).toEqual([
      { id: original[0]!.partId, position: 1 },
      { id: original[1]!.partId, position: 2 },
    ]);
  });

  test("a part title is required, and a script in it only ever comes back escaped", async () => {
    const client = await clientAs("editor");
    const empty = await client.post(structurePath, { intent: "add-part", title: "  " });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain("Dit veld is verplicht.");
    const script = `<script>alert("deel")</script>`;
    await client.post(structurePath, { intent: "rename-part", partId: fixture.parts[1]!.id, title: script });
    for (const path of [structurePath, `/boek/${fixture.book.slug}`]) {
      const { html } = await client.page(path);
      expect(html).not.toContain(script);
      expect(html).toContain("&lt;script&gt;alert");
    }
    await client.post(structurePath, { intent: "rename-part", partId: fixture.parts[1]!.id, title: "Deel twee" });
  });

  test("another book's part cannot be renamed or deleted from here", async () => {
    const client = await clientAs("editor");
    expect((await client.post(structurePath, { intent: "rename-part", partId: fixture.other.part.id, title: "Overgenomen" })).status).toBe(404);
    expect((await client.post(structurePath, { intent: "delete-part", partId: fixture.other.part.id })).status).toBe(404);
    expect((await db.part.findUniqueOrThrow({ where: { id: fixture.other.part.id } })).title).not.toBe("Overgenomen");
  });
});

describe("the front and back matter outline", () => {
  test("lists the partners and the cited, published toolbox entries with links to edit them", async () => {
    const tool = await createTool({ name: "Convenant sensoren" });
    const hidden = await createTool({ name: "Nog niet gepubliceerd", published: false });
    const chapter = await createChapter({
      bookId: fixture.book.id,
      partId: fixture.parts[1]!.id,
      status: "published",
      title: "Met instrumenten",
      bodyHtml: `<p>Zie:</p><aside data-tool="${tool.slug}" class="tool-card"></aside><aside class="tool-card" data-tool="${hidden.slug}"></aside>`,
    });
    try {
      const { html } = await (await clientAs("admin")).page(structurePath);
      expect(html).toContain("Voorwerk in de export");
      expect(html).toContain(`href="/gereedschapskist/${tool.slug}"`);
      expect(html).not.toContain("Nog niet gepubliceerd");
      expect(html).toContain(`href="/admin/organisaties/${fixture.partner.id}"`);
      expect(html).toContain(`href="/boek/${fixture.book.slug}/instellingen#voorwoord"`);
      // Editors are not admins: they are sent to the public partner page instead.
      expect((await (await clientAs("editor")).page(structurePath)).html).toContain(`href="/partners/${fixture.partner.slug}"`);
    } finally {
      await db.chapter.delete({ where: { id: chapter.id } });
    }
  });
});
