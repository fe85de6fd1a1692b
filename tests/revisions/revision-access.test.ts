import { beforeAll, describe, expect, test } from "vitest";
import { yDocToHtml } from "#app/models/chapter-content.server.ts";
import { withChapterDocument } from "#app/utils/collab-access.server.ts";
import { db } from "#app/utils/db.server.ts";
import { createBook, createChapter, createOrganisation, createUser } from "#tests/factories.ts";
import { TestClient } from "#tests/helpers/http-client.ts";
import { logInAs } from "#tests/helpers/login.ts";
import { useTestServer } from "#tests/helpers/server.ts";
import { createRevisionRow } from "./helpers.ts";

const app = useTestServer();

type Person = "reader" | "otherAuthor" | "author" | "editor" | "admin";
const people = {} as Record<Person, string>;
let bookSlug: string;
let bookId: string;
let partId: string;
let organisationId: string;

const FIRST = "<p>De eerste versie van de tekst over de brug.</p>";
const SECOND = "<p>De tweede versie van de tekst over de nieuwe brug.</p><p>Met een extra alinea.</p>";

beforeAll(async () => {
  const organisation = await createOrganisation();
  const other = await createOrganisation();
  organisationId = organisation.id;
  people.reader = (await createUser({ role: "reader" })).id;
  people.otherAuthor = (await createUser({ role: "author", organisationIds: [other.id] })).id;
  people.author = (await createUser({ role: "author", organisationIds: [organisation.id] })).id;
  people.editor = (await createUser({ role: "editor" })).id;
  people.admin = (await createUser({ role: "admin" })).id;
  const { book, part } = await createBook();
  bookSlug = book.slug;
  bookId = book.id;
  partId = part.id;
});

/** A chapter of the organisation in the given state, with two revisions (FIRST, SECOND). */
async function chapterWithRevisions(status: "draft" | "in_review" | "changes_requested" | "approved" | "published" = "draft") {
  const chapter = await createChapter({ bookId, partId, organisationIds: [organisationId], status, bodyHtml: SECOND });
  await createRevisionRow(chapter.id, FIRST, { fromStatus: "draft", toStatus: "in_review", message: "Graag lezen", authorId: people.author });
  await createRevisionRow(chapter.id, SECOND, { fromStatus: "in_review", toStatus: "changes_requested", message: "Zie opmerkingen", authorId: people.editor });
  return { ...chapter, path: `/boek/${bookSlug}/${chapter.slug}/revisies` };
}

async function clientFor(person: Person | null): Promise<TestClient> {
  const client = new TestClient(app.url);
  if (person) await logInAs(client, people[person]);
  return client;
}

const liveHtml = async (chapterId: string) => (await withChapterDocument(chapterId, (doc) => yDocToHtml(doc)))!;

describe("who may see a chapter's revisions", () => {
  let chapter: Awaited<ReturnType<typeof chapterWithRevisions>>;
  beforeAll(async () => {
    chapter = await chapterWithRevisions("draft");
  });

  test.each([
    ["reader", 403],
    ["otherAuthor", 403],
    ["author", 200],
    ["editor", 200],
    ["admin", 200],
  ] as const)("%s: list, revision and diff answer %i", async (person, status) => {
    const client = await clientFor(person);
    for (const path of [chapter.path, `${chapter.path}/1`, `${chapter.path}/vergelijk?van=1&naar=2`, `${chapter.path}/vergelijk?van=1&naar=nu`]) {
      const { response, html } = await client.page(path);
      expect(response.status, path).toBe(status);
      if (status === 403) expect(html).toContain("Alleen de auteurs van dit hoofdstuk en de redactie");
    }
  });

  test("a visitor is sent to the login page", async () => {
    const response = await (await clientFor(null)).get(chapter.path);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toMatch(/^\/inloggen\?redirectTo=/);
  });

  test("the list shows number, who, the transition in words and the message", async () => {
    const { html } = await (await clientFor("author")).page(chapter.path);
    expect(html).toContain("Concept → Ter review");
    expect(html).toContain("Ter review → Wijzigingen gevraagd");
    expect(html).toContain("Graag lezen");
    expect(html).toContain("Zie opmerkingen");
    expect(html).toContain(`${chapter.path}/vergelijk?van=1&amp;naar=2`);
  });

  test("a revision shows its own text, sanitized", async () => {
    const { html } = await (await clientFor("editor")).page(`${chapter.path}/1`);
    expect(html).toContain("De eerste versie van de tekst over de brug.");
    expect(html).not.toContain("Met een extra alinea.");
    expect(html).toContain("Herstel deze versie");
  });

  test("an unknown or malformed revision number is a 404, a malformed comparison a 400", async () => {
    const client = await clientFor("editor");
    expect((await client.get(`${chapter.path}/99`)).status).toBe(404);
    expect((await client.get(`${chapter.path}/abc`)).status).toBe(404);
    expect((await client.get(`${chapter.path}/vergelijk?van=1&naar=99`)).status).toBe(404);
    expect((await client.get(`${chapter.path}/vergelijk?van=x&naar=nu`)).status).toBe(400);
    expect((await client.get(`${chapter.path}/vergelijk`)).status).toBe(400);
  });

  test("a revision whose snapshot is damaged is compared by its stored HTML instead of failing", async () => {
    const damaged = await chapterWithRevisions("draft");
    await db.chapterRevision.update({
      where: { chapterId_number: { chapterId: damaged.id, number: 1 } },
      data: { snapshot: Buffer.from([1, 2, 3]) },
    });
    const { response, html } = await (await clientFor("editor")).page(`${damaged.path}/vergelijk?van=1&naar=2`);
    expect(response.status).toBe(200);
    expect(html).toMatch(/<del><span class="sr-only">Verwijderd: <\/span>eerste<\/del>/);
  });

  test("the diff between two revisions marks inserted and deleted words", async () => {
    const { html } = await (await clientFor("editor")).page(`${chapter.path}/vergelijk?van=1&naar=2`);
    expect(html).toMatch(/<del><span class="sr-only">Verwijderd: <\/span>eerste<\/del>/);
    expect(html).toMatch(/<ins><span class="sr-only">Toegevoegd: <\/span>tweede<\/ins>/);
    expect(html).toContain('<p class="diff-added">');
  });
});

describe("who may restore a revision (checked on the server, whatever the page shows)", () => {
  test.each(["reader", "otherAuthor"] as const)("%s: a direct POST is refused and nothing changes", async (person) => {
    const chapter = await chapterWithRevisions("draft");
    const before = await liveHtml(chapter.id);
    const client = await clientFor(person);
    await client.page("/");
    const response = await client.post(`${chapter.path}/1`, { intent: "restore" });
    expect(response.status).toBe(403);
    expect(await liveHtml(chapter.id)).toBe(before);
  });

  test("without the CSRF token the restore is refused", async () => {
    const chapter = await chapterWithRevisions("draft");
    const client = await clientFor("editor");
    const response = await client.post(`${chapter.path}/1`, { intent: "restore", csrf: null });
    expect(response.status).toBe(403);
    expect(await liveHtml(chapter.id)).toContain("tweede versie");
  });

  test("the chapter's author restores while it is a draft: the live text changes, the old text is kept as a revision", async () => {
    const chapter = await chapterWithRevisions("draft");
    const client = await clientFor("author");
    const { html: page } = await client.page(`${chapter.path}/1`);
    expect(page).toContain("Herstel deze versie");
    const response = await client.post(`${chapter.path}/1`, { intent: "restore" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`${chapter.path}?hersteld=1&bewaard=3`);

    const html = await liveHtml(chapter.id);
    expect(html).toContain("De eerste versie van de tekst over de brug.");
    expect(html).not.toContain("Met een extra alinea.");

    const backup = await db.chapterRevision.findUniqueOrThrow({ where: { chapterId_number: { chapterId: chapter.id, number: 3 } } });
    expect(backup.html).toContain("Met een extra alinea.");
    expect(backup.message).toContain("versie 1");
    const activity = await db.activityEvent.findFirstOrThrow({ where: { chapterId: chapter.id, kind: "revision_restored" } });
    expect(JSON.parse(activity.data)).toMatchObject({ number: 1 });
    expect(activity.actorId).toBe(people.author);

    const { html: list } = await client.page(`${chapter.path}?hersteld=1&bewaard=3`);
    expect(list).toContain("Versie 1 is hersteld. De tekst van daarvoor is bewaard als versie 3.");
    expect(list).toContain("Concept (geen statuswijziging)");
  });

  test("in review, the author may not restore (the page hides it; a direct POST is refused) but an editor may", async () => {
    const chapter = await chapterWithRevisions("in_review");
    const author = await clientFor("author");
    const { html: page } = await author.page(`${chapter.path}/1`);
    expect(page).not.toContain("Herstel deze versie");
    const refused = await author.post(`${chapter.path}/1`, { intent: "restore" });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain("U kunt deze versie nu niet herstellen");
    expect(await liveHtml(chapter.id)).toContain("Met een extra alinea.");

    const editor = await clientFor("editor");
    await editor.page("/");
    expect((await editor.post(`${chapter.path}/1`, { intent: "restore" })).status).toBe(302);
    expect(await liveHtml(chapter.id)).not.toContain("Met een extra alinea.");
  });

  test.each(["approved", "published"] as const)("%s chapters are read-only: even an admin's restore is refused with a clear message", async (status) => {
    const chapter = await chapterWithRevisions(status);
    const admin = await clientFor("admin");
    const { html: page } = await admin.page(`${chapter.path}/1`);
    expect(page).not.toContain("Herstel deze versie");
    expect(page).toContain("goedgekeurd of gepubliceerd");
    const response = await admin.post(`${chapter.path}/1`, { intent: "restore" });
    expect(response.status).toBe(409);
    expect(await response.text()).toContain("Heropen het eerst");
    expect(await liveHtml(chapter.id)).toContain("Met een extra alinea.");
    expect(await db.activityEvent.count({ where: { chapterId: chapter.id } })).toBe(0);
  });

  test("an unknown intent is a 400", async () => {
    const chapter = await chapterWithRevisions("draft");
    const client = await clientFor("editor");
    await client.page("/");
    expect((await client.post(`${chapter.path}/1`, { intent: "delete" })).status).toBe(400);
  });
});
