import { beforeAll, describe, expect, test } from "vitest";
import { recordActivity } from "#app/models/activity.server.ts";
import { TestClient } from "#tests/helpers/http-client.ts";
import { useTestServer } from "#tests/helpers/server.ts";
import { chapterIn, clientFor, postStep, textOf, workflowCast, type WorkflowCast } from "./helpers.ts";

const app = useTestServer();
let cast: WorkflowCast;
let ourChapter: Awaited<ReturnType<typeof chapterIn>>;
let theirChapter: Awaited<ReturnType<typeof chapterIn>>;

beforeAll(async () => {
  cast = await workflowCast();
  ourChapter = await chapterIn(cast, "draft");
  const author = await clientFor(app.url, cast.people["author of the chapter"].id);
  const editor = await clientFor(app.url, cast.people.editor.id);
  expect((await postStep(author, ourChapter, cast.book.slug, { action: "submit", expectedStatus: "draft" })).status).toBe(303);
  expect(
    (await postStep(editor, ourChapter, cast.book.slug, { action: "request_changes", expectedStatus: "in_review", message: "Graag sectie 2 inkorten." })).status,
  ).toBe(303);
  // Lines other parts of the review workflow record; this page only shows them.
  const line = { bookId: cast.book.id, chapterId: ourChapter.id, actorId: cast.people.editor.id };
  await recordActivity({ ...line, kind: "comment_added", data: { threadId: "t1", quote: "de slimme stad" } });
  await recordActivity({ ...line, kind: "suggestion_accepted", data: { count: 3 } });
  await recordActivity({ ...line, kind: "revision_restored", data: { number: 1 } });

  theirChapter = await createTheirChapter();
});

async function createTheirChapter() {
  const { createChapter } = await import("#tests/factories.ts");
  const chapter = await createChapter({ bookId: cast.book.id, partId: cast.part.id, organisationIds: [cast.theirs.id], title: "Hun hoofdstuk" });
  await recordActivity({ bookId: cast.book.id, chapterId: chapter.id, actorId: cast.people.editor.id, kind: "comment_resolved", data: { quote: "van de ander" } });
  return chapter;
}

const chapterLog = () => `/boek/${cast.book.slug}/${ourChapter.slug}/activiteit`;
const bookLog = () => `/boek/${cast.book.slug}/activiteit`;

describe("the chapter's activity log", () => {
  test("shows who did what and when, newest first, for the chapter's author", async () => {
    const author = await clientFor(app.url, cast.people["author of the chapter"].id);
    const { response, html } = await author.page(chapterLog());
    expect(response.status).toBe(200);
    const text = textOf(html);
    const lines = [
      "Eva Redacteur zette revisie 1 terug",
      "Eva Redacteur nam 3 voorstellen over",
      "Eva Redacteur plaatste een opmerking de slimme stad",
      "Eva Redacteur zette de status van Ter review naar Wijzigingen gevraagd Graag sectie 2 inkorten.",
      "Anna Auteur zette de status van Concept naar Ter review",
    ];
    let previous = -1;
    for (const line of lines) {
      const at = text.indexOf(line);
      expect(at, line).toBeGreaterThan(previous);
      previous = at;
    }
    expect(html).toMatch(/<time dateTime="[^"]+">\d{1,2} [a-z]{3}\.? 20\d\d,? \d\d:\d\d<\/time>/);
  });

  test("is in English for an English interface", async () => {
    const editor = await clientFor(app.url, cast.people.editor.id);
    await editor.post("/taal", { lang: "en", redirectTo: "/" });
    const text = textOf((await editor.page(chapterLog())).html);
    expect(text).toContain("Anna Auteur changed the state from Draft to In review");
    expect(text).toContain("accepted 3 suggestions");
  });

  test("is refused to readers and other organisations' authors; visitors go to the login page", async () => {
    for (const role of ["reader", "author of another organisation"] as const) {
      const client = await clientFor(app.url, cast.people[role].id);
      const { response, html } = await client.page(chapterLog());
      expect(response.status, role).toBe(403);
      expect(textOf(html)).toContain("Alleen de auteurs van dit hoofdstuk en de redactie zien de activiteit.");
    }
    const visitor = await new TestClient(app.url).get(chapterLog());
    expect(visitor.status).toBe(302);
    expect(visitor.headers.get("location")).toMatch(/^\/inloggen/);
  });
});

describe("the book's activity log", () => {
  test("editors see every chapter's lines with the chapter named", async () => {
    const editor = await clientFor(app.url, cast.people.editor.id);
    const { response, html } = await editor.page(bookLog());
    expect(response.status).toBe(200);
    const text = textOf(html);
    expect(text).toContain(`zette de status van Concept naar Ter review in ${ourChapter.title}`);
    expect(text).toContain("sloot een opmerking af in Hun hoofdstuk");
    expect(html).toContain(`href="/boek/${cast.book.slug}/${theirChapter.slug}"`);
  });

  test("authors see only the lines of the chapters they write", async () => {
    const ours = textOf((await (await clientFor(app.url, cast.people["author of the chapter"].id)).page(bookLog())).html);
    expect(ours).toContain(ourChapter.title);
    expect(ours).not.toContain("Hun hoofdstuk");
    const theirs = textOf((await (await clientFor(app.url, cast.people["author of another organisation"].id)).page(bookLog())).html);
    expect(theirs).toContain("sloot een opmerking af in Hun hoofdstuk");
    expect(theirs).not.toContain(ourChapter.title);
  });

  test("readers are refused", async () => {
    const reader = await clientFor(app.url, cast.people.reader.id);
    const { response } = await reader.page(bookLog());
    expect(response.status).toBe(403);
    expect((await reader.page("/boek/bestaat-niet/activiteit")).response.status).toBe(404);
  });
});

describe("who sees the workflow panel on the chapter page", () => {
  test("the chapter's author, editors and admins; not readers or other organisations' authors", async () => {
    const published = await chapterIn(cast, "published");
    const url = `/boek/${cast.book.slug}/${published.slug}`;
    const expectations: [keyof WorkflowCast["people"], boolean][] = [
      ["reader", false],
      ["author of another organisation", false],
      ["author of the chapter", true],
      ["editor", true],
      ["admin", true],
    ];
    for (const [role, sees] of expectations) {
      const client = await clientFor(app.url, cast.people[role].id);
      const { response, html } = await client.page(url);
      expect(response.status, role).toBe(200);
      expect(html.includes("Redactieproces"), role).toBe(sees);
      // Only editors get a button: reopening a published chapter.
      expect(html.includes("Heropenen"), role).toBe(role === "editor" || role === "admin");
    }
    const visitor = await new TestClient(app.url).page(url);
    expect(visitor.html).not.toContain("Redactieproces");
  });
});
