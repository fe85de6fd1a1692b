import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { saveBookSettings } from "#app/models/book-settings.server.ts";
import { db } from "#app/utils/db.server.ts";
import { invalidatePages } from "#app/utils/page-cache.server.ts";
import { createUser } from "#tests/factories.ts";
import { TestClient } from "#tests/helpers/http-client.ts";
import { logInAs } from "#tests/helpers/login.ts";
import { startServer, type KapittelServer } from "#server/app.ts";
import { createReadableBook, freezeWithoutFiles } from "./helpers.ts";

// The microcache in front of the reader pages (server/http/page-cache.ts, docs/decisions/023):
// its own server with a short TTL, so the TTL test waits seconds, not minutes.
const TTL_MS = 1_500;
let server: KapittelServer;
let fixture: Awaited<ReturnType<typeof createReadableBook>>;
let bookPath = "";
let chapterPath = "";

beforeAll(async () => {
  server = await startServer({ port: 0, host: "127.0.0.1", buildDir: process.env.REMIX_BUILD_DIR ?? "build", pageCacheTtlMs: TTL_MS });
  fixture = await createReadableBook();
  bookPath = `/boek/${fixture.book.slug}`;
  chapterPath = `${bookPath}/editie/2/${fixture.chapters.first.slug}`;
});
afterAll(async () => {
  await server?.close();
});

const visitor = () => new TestClient(server.url);

type Served = { response: Response; html: string; cache: string | null; nonce: string | undefined; csrfToken: string | undefined };
async function get(client: TestClient, path: string): Promise<Served> {
  const { response, html } = await client.page(path);
  return {
    response,
    html,
    cache: response.headers.get("x-page-cache"),
    nonce: /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1],
    csrfToken: /name="csrf" value="([^"]+)"/.exec(html)?.[1],
  };
}

/** Requests until the page comes from the cache (the first request of a fresh key fills it). */
async function getCached(path: string, client = visitor()): Promise<Served> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const served = await get(client, path);
    if (served.cache === "hit" || Date.now() > deadline) return served;
  }
}

/** Every nonce attribute in the HTML: all must be the response's own. */
const nonceAttributes = (html: string) => [...html.matchAll(/nonce="([^"]+)"/g)].map((match) => match[1]);

describe("the page cache for visitors of the reader pages", () => {
  test("a cached page carries a fresh nonce, the same as its CSP header's, in every inline script", async () => {
    for (const path of [bookPath, chapterPath]) {
      const first = await get(visitor(), path);
      const cached = await getCached(path);
      expect(cached.cache).toBe("hit");
      for (const served of [first, cached]) {
        expect(served.response.status).toBe(200);
        expect(served.nonce).toMatch(/^[A-Za-z0-9+/=]{20,}$/);
        expect(nonceAttributes(served.html).length).toBeGreaterThan(0);
        expect(new Set(nonceAttributes(served.html))).toEqual(new Set([served.nonce]));
      }
      expect(cached.nonce).not.toBe(first.nonce);
      expect(cached.html).toContain(fixture.book.title);
    }
  });

  test("a cached page is sent gzipped to those who ask (compressed once, nonce and token added per response) and plain to others", async () => {
    const cached = await getCached(chapterPath);
    expect(cached.cache).toBe("hit");
    const ask = (encoding: string) => fetch(`${server.url}${chapterPath}`, { headers: { "Accept-Encoding": encoding } });
    const [zipped, plain] = await Promise.all([ask("gzip"), ask("identity")]);
    expect(zipped.headers.get("x-page-cache")).toBe("hit");
    expect(zipped.headers.get("content-encoding")).toBe("gzip");
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(zipped.headers.get("vary")).toMatch(/Accept-Encoding/i);
    // fetch decompresses (and checks the gzip trailer's CRC and length); apart from nonce and token, the same page.
    const [zippedHtml, plainHtml] = await Promise.all([zipped.text(), plain.text()]);
    const withoutValues = (html: string) => html.replace(/nonce="[^"]+"/g, "nonce").replace(/(name="csrf" value=")[^"]+|(csrfToken\\?",\\?")[^"\\]+/g, "$1$2");
    expect(withoutValues(zippedHtml)).toBe(withoutValues(plainHtml));
    expect(withoutValues(zippedHtml)).toBe(withoutValues(cached.html));
    expect(Number(zipped.headers.get("content-length"))).toBeLessThan(Buffer.byteLength(zippedHtml) / 2);
    expect(new Set(nonceAttributes(zippedHtml))).toEqual(new Set([/'nonce-([^']+)'/.exec(zipped.headers.get("content-security-policy") ?? "")?.[1]]));
  });

  test("every visitor gets their own CSRF cookie and token, and the forms on a cached page work with them", async () => {
    const first = visitor();
    await get(first, chapterPath);
    const second = visitor();
    const cached = await getCached(chapterPath, second);
    expect(cached.cache).toBe("hit");
    // A visitor without the cookie gets exactly one, as without the cache, matching the page's token.
    expect(cached.response.headers.getSetCookie().filter((line) => line.startsWith("kp_csrf="))).toHaveLength(1);
    expect(cached.csrfToken).toBeDefined();
    expect(cached.csrfToken).not.toBe(first.csrfToken);
    expect(new Set([...cached.html.matchAll(/"csrfToken\\?",\\?"([^"\\]+)/g)].map((match) => match[1]))).toEqual(new Set([cached.csrfToken]));

    // A visitor who has the cookie keeps it: no new one, the same token on the next cached page.
    const again = await getCached(chapterPath, second);
    expect(again.cache).toBe("hit");
    expect(again.response.headers.getSetCookie()).toEqual([]);
    expect(again.csrfToken).toBe(cached.csrfToken);

    // Another visitor's token is refused; the visitor's own one switches the language.
    expect((await second.post("/taal", { lang: "en", redirectTo: chapterPath, csrf: first.csrfToken! })).status).toBe(403);
    const switched = await second.post("/taal", { lang: "en", redirectTo: chapterPath, csrf: cached.csrfToken! });
    expect(switched.status).toBe(302);
    expect(switched.headers.get("location")).toBe(chapterPath);
    // The language is part of the key: the English page, not the Dutch one from the cache.
    const english = await getCached(chapterPath, second);
    expect(english.cache).toBe("hit");
    expect(english.html).toContain('<html lang="en"');
    expect((await get(visitor(), chapterPath)).html).toContain('<html lang="nl"');
  });

  test("a visitor whose CSRF cookie is not ours (tampered, another secret) gets a new one that works on a cached page", async () => {
    const deadline = Date.now() + 15_000;
    let client: TestClient;
    let served: Served;
    do {
      client = visitor();
      client.cookies.set("kp_csrf", "bmVwLXRva2Vu.bmVwLWhhbmR0ZWtlbmluZw");
      served = await get(client, chapterPath);
    } while (served.cache !== "hit" && Date.now() < deadline);
    expect(served.cache).toBe("hit");
    expect(served.response.headers.getSetCookie().filter((line) => line.startsWith("kp_csrf="))).toHaveLength(1);
    expect(client.cookies.get("kp_csrf")).not.toBe("bmVwLXRva2Vu.bmVwLWhhbmR0ZWtlbmluZw");
    expect((await client.post("/taal", { lang: "nl", redirectTo: chapterPath, csrf: served.csrfToken! })).status).toBe(302);
  });

  test("a signed-in user never gets a cached page and never fills the cache", async () => {
    const editor = await createUser({ role: "editor", name: "Eva Redacteur" });
    const signedIn = visitor();
    await logInAs(signedIn, editor.id);
    invalidatePages();
    for (let round = 0; round < 2; round++) {
      const own = await get(signedIn, bookPath);
      expect(own.response.status).toBe(200);
      expect(own.cache).toBeNull();
      expect(own.html).toContain("Eva Redacteur");
    }
    // The editor's requests stored nothing: a visitor's first request renders the page.
    const anonymous = await get(visitor(), bookPath);
    expect(anonymous.cache).toBe("miss");
    expect(anonymous.html).not.toContain("Eva Redacteur");
    expect((await getCached(bookPath)).cache).toBe("hit");
    const own = await get(signedIn, bookPath);
    expect(own.cache).toBeNull();
    expect(own.html).toContain("Eva Redacteur");
  });

  test("a changed title shows at once after the settings are saved; a change behind the app's back after the TTL", async () => {
    const editor = await createUser({ role: "editor" });
    expect((await getCached(bookPath)).cache).toBe("hit");
    const saved = await saveBookSettings(fixture.book.id, { title: "Een nieuwe titel", language: "nl" }, editor.id);
    expect(saved.status).toBe("saved");
    const after = await get(visitor(), bookPath);
    expect(after.cache).toBe("miss");
    expect(after.html).toContain("Een nieuwe titel");

    // A new edition written straight into the database: no invalidation, so it shows once the TTL is over.
    expect((await getCached(bookPath)).html).not.toContain("Inhoud van editie 3");
    await freezeWithoutFiles(fixture.book.id, "Derde editie");
    const deadline = Date.now() + 15_000;
    let html = "";
    while (Date.now() < deadline && !html.includes("Inhoud van editie 3")) html = (await get(visitor(), bookPath)).html;
    expect(html).toContain("Inhoud van editie 3");
  });

  test("a 404 is not cached, and neither is a page asked with a query nor Remix's data for a page", async () => {
    for (const path of ["/boek/bestaat-niet", `${bookPath}/editie/9/${fixture.chapters.first.slug}`]) {
      for (let round = 0; round < 3; round++) {
        const served = await get(visitor(), path);
        expect(served.response.status).toBe(404);
        expect(served.cache).toBe("miss");
      }
    }
    for (const path of [`${chapterPath}?x=1`, `${chapterPath}.data`, `${bookPath}.data`]) {
      await get(visitor(), path);
      expect((await get(visitor(), path)).cache).toBeNull();
    }
  });

  test("a posted form empties the cache, so whoever changed something sees it on the next page", async () => {
    expect((await getCached(chapterPath)).cache).toBe("hit");
    const client = visitor();
    await get(client, chapterPath);
    await client.post("/taal", { lang: "nl", redirectTo: chapterPath });
    expect((await get(visitor(), chapterPath)).cache).toBe("miss");
    await db.book.update({ where: { id: fixture.book.id }, data: { title: fixture.book.title } });
  });
});
