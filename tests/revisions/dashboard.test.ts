import { beforeAll, describe, expect, test } from "vitest";
import { listDashboardChapters, parseDashboardFilter } from "#app/models/dashboard.server.ts";
import { db } from "#app/utils/db.server.ts";
import { createBook, createChapter, createOrganisation, createUser } from "#tests/factories.ts";
import { TestClient } from "#tests/helpers/http-client.ts";
import { logInAs } from "#tests/helpers/login.ts";
import { useTestServer } from "#tests/helpers/server.ts";

const app = useTestServer();

let north: { id: string; slug: string; name: string };
let south: { id: string; slug: string; name: string };
const titles = { northDraft: "Noord schrijft een concept", northReview: "Noord ter review", southReview: "Zuid ter review", southPublished: "Zuid gepubliceerd" };
let editorId: string;
let authorId: string;

beforeAll(async () => {
  north = await createOrganisation({ name: "Gemeente Noordstad" });
  south = await createOrganisation({ name: "Gemeente Zuidstad" });
  editorId = (await createUser({ role: "editor" })).id;
  const author = await createUser({ role: "author", name: "Anna Auteur", organisationIds: [north.id] });
  authorId = author.id;
  const { book, part } = await createBook({ title: "Dashboardboek" });
  const make = (title: string, status: "draft" | "in_review" | "published", organisationIds: string[]) =>
    createChapter({ bookId: book.id, partId: part.id, title, status, organisationIds });
  const northReview = await make(titles.northReview, "in_review", [north.id]);
  await make(titles.northDraft, "draft", [north.id]);
  await make(titles.southReview, "in_review", [south.id]);
  await make(titles.southPublished, "published", [south.id]);

  // The north chapter under review: an author, words, two open threads and one resolved, three suggestions, activity.
  await db.chapterAuthor.create({ data: { chapterId: northReview.id, userId: author.id } });
  await db.chapter.update({ where: { id: northReview.id }, data: { bodyText: "Een twee drie vier vijf.\n\nZes zeven.", openSuggestions: 3 } });
  const thread = (resolvedAt: Date | null) =>
    db.commentThread.create({
      data: { chapterId: northReview.id, anchorStart: Buffer.from([0]), anchorEnd: Buffer.from([0]), quote: "twee", createdById: editorId, resolvedAt },
    });
  await thread(null);
  await thread(null);
  await thread(new Date());
  await db.activityEvent.create({
    data: { bookId: book.id, chapterId: northReview.id, actorId: editorId, kind: "comment_added", createdAt: new Date(Date.now() + 60_000) },
  });
});

describe("editor dashboard: data", () => {
  test("a chapter's words, authors, open comments, open suggestions and last activity", async () => {
    const rows = await listDashboardChapters({});
    const row = rows.find((r) => r.title === titles.northReview)!;
    expect(row).toMatchObject({ status: "in_review", words: 7, openComments: 2, openSuggestions: 3, authors: ["Anna Auteur"] });
    expect(row.organisations.map((o) => o.name)).toEqual(["Gemeente Noordstad"]);
    // The activity event (a minute ahead) is newer than the chapter's own updatedAt.
    expect(row.lastActivity.getTime()).toBeGreaterThan(Date.now());
    const quiet = rows.find((r) => r.title === titles.northDraft)!;
    expect(quiet.openComments).toBe(0);
    expect(quiet.lastActivity.getTime()).toBeLessThanOrEqual(Date.now());
  });

  test("unknown filter values mean 'all' rather than an error", () => {
    expect(parseDashboardFilter(new URLSearchParams("status=nonsense&organisatie="))).toEqual({ status: undefined, organisationSlug: undefined });
    expect(parseDashboardFilter(new URLSearchParams("status=in_review&organisatie=x"))).toEqual({ status: "in_review", organisationSlug: "x" });
  });
});

describe("editor dashboard: the page", () => {
  async function page(person: string | null, query = "") {
    const client = new TestClient(app.url);
    if (person) await logInAs(client, person);
    return client.page(`/redactie${query}`);
  }
  const shown = (html: string) => Object.values(titles).filter((title) => html.includes(title));

  test("only editors and admins may open it; the navigation shows it to them only", async () => {
    const reader = await createUser({ role: "reader" });
    expect((await page(reader.id)).response.status).toBe(403);
    expect((await page(authorId)).response.status).toBe(403);
    expect((await page(null)).response.status).toBe(302);
    const admin = await createUser({ role: "admin" });
    expect((await page(admin.id)).response.status).toBe(200);

    const { html } = await page(editorId);
    expect(html).toMatch(/<a[^>]*href="\/redactie"[^>]*>Redactie<\/a>/);
    const author = new TestClient(app.url);
    await logInAs(author, authorId);
    const { html: authorHome } = await author.page("/");
    expect(authorHome).toContain("Mijn account");
    expect(authorHome).not.toContain('href="/redactie"');
  });

  test("without filters every chapter is listed, with links to read, edit and its revisions", async () => {
    const { html } = await page(editorId);
    expect(shown(html).sort()).toEqual(Object.values(titles).sort());
    const chapter = await db.chapter.findFirstOrThrow({ where: { title: titles.northReview }, include: { book: true } });
    const base = `/boek/${chapter.book.slug}/${chapter.slug}`;
    expect(html).toContain(`href="${base}"`);
    expect(html).toContain(`href="${base}/bewerken"`);
    expect(html).toContain(`href="${base}/revisies"`);
  });

  test("filter by state", async () => {
    const { html } = await page(editorId, "?status=in_review");
    expect(shown(html).sort()).toEqual([titles.northReview, titles.southReview].sort());
    expect(html).toMatch(/<option value="in_review" selected="">/);
  });

  test("filter by organisation", async () => {
    const { html } = await page(editorId, `?organisatie=${south.slug}`);
    expect(shown(html).sort()).toEqual([titles.southReview, titles.southPublished].sort());
  });

  test("both filters together, and a filter that matches nothing", async () => {
    const { html } = await page(editorId, `?status=in_review&organisatie=${north.slug}`);
    expect(shown(html)).toEqual([titles.northReview]);
    const { html: none, response } = await page(editorId, `?status=approved&organisatie=${north.slug}`);
    expect(response.status).toBe(200);
    expect(shown(none)).toEqual([]);
    expect(none).toContain("Geen hoofdstukken gevonden met deze filters.");
  });
});
