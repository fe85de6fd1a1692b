import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { createBook, createChapter, createOrganisation, createUser } from "#tests/factories.ts";
import { TestClient } from "#tests/helpers/http-client.ts";
import { logInAs } from "#tests/helpers/login.ts";
import { useTestServer } from "#tests/helpers/server.ts";

const app = useTestServer();
const buildDir = process.env.REMIX_BUILD_DIR ?? "build";

let base: string;
let draft: { slug: string };
let inReview: { slug: string };
let published: { slug: string };
let users: Record<"author" | "otherAuthor" | "editor" | "reader", string>;

beforeAll(async () => {
  const ours = await createOrganisation();
  const theirs = await createOrganisation();
  const { book, part } = await createBook();
  base = `/boek/${book.slug}`;
  const body = '<h2>Begin</h2><p>Bestaande <em>tekst</em>.</p>';
  draft = await createChapter({ bookId: book.id, partId: part.id, organisationIds: [ours.id], bodyHtml: body });
  inReview = await createChapter({ bookId: book.id, partId: part.id, organisationIds: [ours.id], status: "in_review", bodyHtml: body });
  published = await createChapter({ bookId: book.id, partId: part.id, organisationIds: [ours.id], status: "published", bodyHtml: body });
  users = {
    author: (await createUser({ role: "author", organisationIds: [ours.id] })).id,
    otherAuthor: (await createUser({ role: "author", organisationIds: [theirs.id] })).id,
    editor: (await createUser({ role: "editor" })).id,
    reader: (await createUser({ role: "reader" })).id,
  };
});

async function clientFor(who: keyof typeof users | "visitor"): Promise<TestClient> {
  const client = new TestClient(app.url);
  if (who !== "visitor") await logInAs(client, users[who]);
  return client;
}

describe("the edit page", () => {
  test("a visitor is sent to the login page and back", async () => {
    const response = await (await clientFor("visitor")).get(`${base}/${draft.slug}/bewerken`);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`/inloggen?redirectTo=${encodeURIComponent(`${base}/${draft.slug}/bewerken`)}`);
  });

  test("a writer gets the page with the current text as a placeholder until the editor loads", async () => {
    const { response, html } = await (await clientFor("author")).page(`${base}/${draft.slug}/bewerken`);
    expect(response.status).toBe(200);
    expect(html).toContain("De editor wordt geladen…");
    expect(html).toContain("<h2>Begin</h2><p>Bestaande <em>tekst</em>.</p>");
  });

  test.each([
    ["otherAuthor", "draft", 403],
    ["reader", "draft", 403],
    ["reader", "published", 200],
    ["author", "inReview", 200],
    ["editor", "inReview", 200],
  ] as const)("%s on a %s chapter: %i", async (who, which, status) => {
    const slug = { draft, inReview, published }[which].slug;
    const response = await (await clientFor(who)).get(`${base}/${slug}/bewerken`);
    expect(response.status).toBe(status);
  });
});

describe("the read view links to the editor", () => {
  test.each([
    ["author", "draft", "Bewerken"],
    // In review an author suggests changes (suggestion mode is forced, docs/decisions/010).
    ["author", "inReview", "Voorstellen doen"],
    ["editor", "inReview", "Bewerken"],
    ["author", "published", null],
    ["reader", "published", null],
    ["visitor", "published", null],
  ] as const)("%s on a %s chapter sees %s", async (who, which, label) => {
    const slug = { draft, inReview, published }[which].slug;
    const { response, html } = await (await clientFor(who)).page(`${base}/${slug}`);
    expect(response.status).toBe(200);
    const link = new RegExp(`href="${base}/${slug}/bewerken"[^>]*>(Bewerken|Meelezen|Voorstellen doen)<`).exec(html);
    expect(link?.[1] ?? null).toBe(label);
  });
});

describe("the editor's weight stays out of reader pages and the server", () => {
  type RouteAssets = { module: string; imports?: string[] };

  /** Remix's client manifest: each route's module and the chunks it imports up front. */
  async function clientManifest(): Promise<Record<string, RouteAssets>> {
    const assets = path.join(buildDir, "client/assets");
    const file = (await readdir(assets)).find((name) => /^manifest-[\w-]+\.js$/.test(name));
    expect(file, "the client build's manifest").toBeDefined();
    const code = await readFile(path.join(assets, file!), "utf8");
    return (JSON.parse(code.replace(/^window\.__remixManifest=/, "").replace(/;\s*$/, "")) as { routes: Record<string, RouteAssets> }).routes;
  }
  const clientFile = (url: string) => readFile(path.join(buildDir, "client", url), "utf8");

  test("the read view's JavaScript (with everything it imports) contains no Tiptap, ProseMirror or Yjs", async () => {
    const routes = await clientManifest();
    const read = routes["routes/boek.$bookSlug.$chapterSlug"];
    expect(read).toBeDefined();
    for (const url of [read!.module, ...(read!.imports ?? [])]) {
      expect(await clientFile(url), url).not.toMatch(/ProseMirror|tiptap|yjs|y-websocket|IndexeddbPersistence/i);
    }
  });

  test("the edit page loads the editor only on demand, from a chunk of its own", async () => {
    const edit = (await clientManifest())["routes/boek.$bookSlug.$chapterSlug_.bewerken"];
    expect(edit).toBeDefined();
    for (const url of [edit!.module, ...(edit!.imports ?? [])]) {
      expect(await clientFile(url), url).not.toMatch(/ProseMirror/);
    }
    const lazyChunk = /import\("\.\/(index\.client-[\w-]+\.js)"\)/.exec(await clientFile(edit!.module))?.[1];
    expect(lazyChunk).toBeDefined();
    expect(await clientFile(`/assets/${lazyChunk}`)).toMatch(/ProseMirror/);
  });

  test("the server bundle contains no editor code", async () => {
    // The document schema and conversions (@tiptap/core, y-tiptap) are server code too (workflow
    // snapshots, diffs, comments); the editor itself — React views, collaboration, the provider,
    // the browser store — must only ever load in the browser.
    const server = await readFile(path.join(buildDir, "server/index.js"), "utf8");
    expect(server).not.toMatch(/@tiptap\/react|@tiptap\/extension-collaboration|y-websocket|y-indexeddb/);
  });
});
