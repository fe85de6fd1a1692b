import { beforeAll, describe, expect, test } from "vitest";
import { createBook, createChapter, createOrganisation, createUser } from "#tests/factories.ts";
import { TestClient } from "#tests/helpers/http-client.ts";
import { logInAs } from "#tests/helpers/login.ts";
import { useTestServer } from "#tests/helpers/server.ts";

const app = useTestServer();

let bookSlug: string;
type ChapterRef = { slug: string; title: string };
let published: ChapterRef;
let draftOfAmersfoort: ChapterRef;
let draftOfCivity: ChapterRef;
// Test tables are built before beforeAll runs, so they name chapters and look them up later.
const chapter = (name: "draftOfAmersfoort" | "draftOfCivity"): ChapterRef =>
  name === "draftOfAmersfoort" ? draftOfAmersfoort : draftOfCivity;
let users: Record<"reader" | "amersfoortAuthor" | "civityAuthor" | "editor", string>;

beforeAll(async () => {
  const amersfoort = await createOrganisation({ name: "Gemeente Amersfoort" });
  const civity = await createOrganisation({ name: "Civity", kind: "company" });
  const { book, part } = await createBook({ title: "Zo bestuur je een slimme stad" });
  bookSlug = book.slug;
  published = await createChapter({
    bookId: book.id,
    partId: part.id,
    status: "published",
    organisationIds: [civity.id],
    title: "Wat een digital twin laat zien",
    bodyHtml: "<p>Gepubliceerde tekst over digital twins.</p>",
  });
  draftOfAmersfoort = await createChapter({ bookId: book.id, partId: part.id, status: "draft", organisationIds: [amersfoort.id], title: "Concept van Amersfoort" });
  draftOfCivity = await createChapter({ bookId: book.id, partId: part.id, status: "draft", organisationIds: [civity.id], title: "Concept van Civity" });
  users = {
    reader: (await createUser({ role: "reader" })).id,
    amersfoortAuthor: (await createUser({ role: "author", organisationIds: [amersfoort.id] })).id,
    civityAuthor: (await createUser({ role: "author", organisationIds: [civity.id] })).id,
    editor: (await createUser({ role: "editor" })).id,
  };
});

async function clientFor(who: keyof typeof users | "visitor"): Promise<TestClient> {
  const client = new TestClient(app.url);
  if (who !== "visitor") await logInAs(client, users[who]);
  return client;
}

describe("the book overview", () => {
  test.each([
    ["visitor", [true, false, false]],
    ["reader", [true, false, false]],
    ["amersfoortAuthor", [true, true, false]],
    ["civityAuthor", [true, false, true]],
    ["editor", [true, true, true]],
  ] as const)("a %s sees exactly the chapters they may read", async (who, [seesPublished, seesAmersfoort, seesCivity]) => {
    const client = await clientFor(who);
    const { response, html } = await client.page(`/boek/${bookSlug}`);
    expect(response.status).toBe(200);
    expect(html.includes(published.title)).toBe(seesPublished);
    expect(html.includes(draftOfAmersfoort.title)).toBe(seesAmersfoort);
    expect(html.includes(draftOfCivity.title)).toBe(seesCivity);
  });

  test("an unknown book is a 404", async () => {
    const response = await fetch(new URL("/boek/bestaat-niet", app.url));
    expect(response.status).toBe(404);
  });
});

describe("a chapter page", () => {
  test("shows a published chapter to a visitor", async () => {
    const { response, html } = await (await clientFor("visitor")).page(`/boek/${bookSlug}/${published.slug}`);
    expect(response.status).toBe(200);
    expect(html).toContain("Gepubliceerde tekst over digital twins.");
  });

  test.each([
    ["visitor", "draftOfAmersfoort", 403],
    ["reader", "draftOfAmersfoort", 403],
    ["civityAuthor", "draftOfAmersfoort", 403],
    ["amersfoortAuthor", "draftOfAmersfoort", 200],
    ["amersfoortAuthor", "draftOfCivity", 403],
    ["editor", "draftOfCivity", 200],
  ] as const)("%s opening %s gets %i", async (who, name, status) => {
    const { response, html } = await (await clientFor(who)).page(`/boek/${bookSlug}/${chapter(name).slug}`);
    expect(response.status).toBe(status);
    if (status === 403) {
      expect(html).toContain("Geen toegang");
      expect(html).not.toContain(`<h1 id="chapter-title"`);
    }
  });

  test("an unknown chapter is a 404", async () => {
    const response = await fetch(new URL(`/boek/${bookSlug}/bestaat-niet`, app.url));
    expect(response.status).toBe(404);
  });
});
