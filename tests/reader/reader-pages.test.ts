import { beforeAll, describe, expect, test } from "vitest";
import { forgetEditionChapterPages } from "#app/models/reader/edition-reading.server.ts";
import { db } from "#app/utils/db.server.ts";
import { invalidatePages } from "#app/utils/page-cache.server.ts";
import { createEvent, createTool } from "#tests/factories.ts";
import { TestClient } from "#tests/helpers/http-client.ts";
import { useTestServer } from "#tests/helpers/server.ts";
import { attachEditionFile, createReadableBook, scriptUrls } from "./helpers.ts";

// Canonical links, Open Graph and the sitemap must name the public address, not the test
// server's own: set before the server reads its configuration (in beforeAll).
const APP_URL = "https://boek.kapittel.example";
process.env.APP_URL = APP_URL;

const app = useTestServer();
let fixture: Awaited<ReturnType<typeof createReadableBook>>;
let base = "";
const EPUB = new TextEncoder().encode("PK fake epub bytes of edition 2");
const PDF = new TextEncoder().encode("%PDF-1.7 fake pdf of edition 2");

beforeAll(async () => {
  fixture = await createReadableBook();
  base = `/boek/${fixture.book.slug}`;
  await attachEditionFile(fixture.edition2.id, "epub", EPUB);
  await attachEditionFile(fixture.edition2.id, "pdf", PDF);
});

const visitor = () => new TestClient(app.url);
const chapterPath = (edition: number, slug: string) => `${base}/editie/${edition}/${slug}`;

/** The `content` of a meta tag (by name or property), or the `href` of a link, from served HTML. */
function metaContent(html: string, key: string): string | undefined {
  return new RegExp(`<meta (?:name|property)="${key}" content="([^"]*)"`).exec(html)?.[1];
}
function canonical(html: string): string | undefined {
  return /<link rel="canonical" href="([^"]*)"/.exec(html)?.[1];
}
/** The main content of a page, so a chapter title in the header or contents is not mistaken for it. */
function articleText(html: string): string {
  return /<div class="prose-book reading-text[^"]*">([\s\S]*?)<\/div><nav/.exec(html)?.[1] ?? "";
}

describe("the public book page, as a visitor", () => {
  test("shows the cover, blurb, partners with logos and the latest edition's contents", async () => {
    const { response, html } = await visitor().page(base);
    expect(response.status).toBe(200);
    expect(html).toMatch(new RegExp(`<img src="${base}/omslag.svg" alt="Omslag van Zo bestuur je een slimme stad" width="320" height="480"`));
    expect(html).toContain("Tien partners schrijven samen over slim besturen.");
    expect(html).toContain("Het boek voor bestuurders en ambtenaren.");
    // Partners credited on published chapters, in name order; a logo where one was uploaded.
    expect(html.indexOf("Civity")).toBeLessThan(html.indexOf(`/partners/${fixture.amersfoort.slug}`));
    expect(html).toMatch(new RegExp(`href="/partners/${fixture.amersfoort.slug}"[^>]*><img src="/uploads/${fixture.logo}" alt="" width="160" height="64"`));
    expect(html).toContain(`href="/partners/${fixture.civity.slug}"`);
    // Readers see edition 2's contents: every chapter links into that edition, never the draft.
    expect(html).toContain("Inhoud van editie 2");
    for (const chapter of [fixture.chapters.first, fixture.chapters.second, fixture.chapters.third, fixture.chapters.fourth]) {
      expect(html).toContain(`href="${chapterPath(2, chapter.slug)}"`);
    }
    expect(html).not.toContain(fixture.chapters.draft.title);
    expect(html).toContain(`href="${chapterPath(2, fixture.chapters.first.slug)}"`);
    expect(html).toMatch(/>Lees online</);
  });

  test("lists the editions latest first, with EPUB and PDF download links where the files exist", async () => {
    const { html } = await visitor().page(base);
    const second = html.indexOf("Editie 2");
    const first = html.indexOf("Editie 1");
    expect(second).toBeGreaterThan(-1);
    expect(first).toBeGreaterThan(second);
    expect(html).toContain(`href="${base}/edities/2/epub"`);
    expect(html).toContain(`href="${base}/edities/2/pdf"`);
    expect(html).toContain(`aria-label="Editie 2 als EPUB downloaden (${EPUB.length} B)"`);
    // Edition 1 has no files (yet): no dead links, a note instead.
    expect(html).not.toContain(`href="${base}/edities/1/epub"`);
    expect(html).toContain("EPUB wordt nog gemaakt");

    const download = await fetch(`${app.url}${base}/edities/2/epub`);
    expect(download.status).toBe(200);
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(EPUB);
    expect((await fetch(`${app.url}${base}/edities/1/epub`)).status).toBe(404);
  });

  test("offers Bestel het boek only while the book is for sale", async () => {
    expect((await visitor().page(base)).html).toContain(`href="${base}/bestellen"`);
    const pricing = await db.bookPricing.findUniqueOrThrow({ where: { bookId: fixture.book.id } });
    await db.bookPricing.delete({ where: { bookId: fixture.book.id } });
    // Changed behind the app's back (the sale settings form empties the page cache itself).
    invalidatePages();
    try {
      const { html } = await visitor().page(base);
      expect(html).not.toContain(`href="${base}/bestellen"`);
      expect(html).not.toContain("Bestel het boek");
    } finally {
      await db.bookPricing.create({ data: pricing });
      invalidatePages();
    }
  });

  test("has a title, description, Open Graph tags and a canonical link with absolute URLs from APP_URL", async () => {
    const { html } = await visitor().page(base);
    expect(html).toContain("<title>Zo bestuur je een slimme stad — Kapittel</title>");
    expect(metaContent(html, "description")).toBe("Tien partners schrijven samen over slim besturen. Het boek voor bestuurders en ambtenaren.");
    expect(metaContent(html, "og:title")).toBe("Zo bestuur je een slimme stad — Kapittel");
    expect(metaContent(html, "og:description")).toBe(metaContent(html, "description"));
    expect(metaContent(html, "og:type")).toBe("book");
    expect(metaContent(html, "og:url")).toBe(`${APP_URL}${base}`);
    expect(metaContent(html, "og:image")).toBe(`${APP_URL}${base}/omslag.svg`);
    expect(canonical(html)).toBe(`${APP_URL}${base}`);
  });

  test("an unknown book is a 404 with a message", async () => {
    const { response, html } = await visitor().page("/boek/bestaat-niet");
    expect(response.status).toBe(404);
    expect(html).toContain("niet gevonden");
  });
});

describe("a chapter of an edition", () => {
  test("serves the edition's stored HTML with its footnotes, and images with their width and height", async () => {
    const stored = await db.editionChapter.findUniqueOrThrow({ where: { editionId_slug: { editionId: fixture.edition2.id, slug: fixture.chapters.first.slug } } });
    const { response, html } = await visitor().page(chapterPath(2, fixture.chapters.first.slug));
    expect(response.status).toBe(200);
    const text = articleText(html);
    expect(text).toContain("Een digitale tweeling helpt.");
    // The numbered reference and the note with its way back, as frozen.
    expect(text).toMatch(/<sup><a [^>]*data-footnote-ref[^>]*>1<\/a><\/sup>/);
    expect(text).toMatch(/<section[^>]*data-footnotes[^>]*>[\s\S]*Zie de Omgevingswet\.[\s\S]*data-footnote-backref/);
    expect(stored.bodyHtml).toContain("Zie de Omgevingswet.");
    // A 2×2 image: its size is in the HTML, so the text does not jump when it arrives.
    expect(text).toMatch(new RegExp(`<img src="/uploads/${fixture.image}" alt="Kaart van de wijk" width="2" height="2"`));
    expect(html).toContain("<h1 id=\"chapter-title\"");
    expect(html).toContain("Gemeente Amersfoort");
  });

  test("shows the text of the edition, not the live chapter's later edits", async () => {
    await db.chapter.update({ where: { id: fixture.chapters.third.id }, data: { bodyHtml: "<p>Live herschreven tekst.</p>" } });
    forgetEditionChapterPages();
    const { html } = await visitor().page(chapterPath(2, fixture.chapters.third.slug));
    expect(articleText(html)).toContain(`Tekst van hoofdstuk`);
    expect(articleText(html)).not.toContain("Live herschreven tekst.");
  });

  test("links previous and next in reading order: none before the first chapter, none after the last", async () => {
    const order = [fixture.chapters.first, fixture.chapters.second, fixture.chapters.third, fixture.chapters.fourth];
    const prevOf = (html: string) => /<a [^>]*rel="prev"[^>]*href="([^"]+)"|<a [^>]*href="([^"]+)"[^>]*rel="prev"/.exec(html);
    const nextOf = (html: string) => /<a [^>]*rel="next"[^>]*href="([^"]+)"|<a [^>]*href="([^"]+)"[^>]*rel="next"/.exec(html);
    for (const [index, chapter] of order.entries()) {
      const { html } = await visitor().page(chapterPath(2, chapter.slug));
      const previous = prevOf(html);
      const next = nextOf(html);
      if (index === 0) expect(previous).toBeNull();
      else expect(previous?.[1] ?? previous?.[2]).toBe(chapterPath(2, order[index - 1]!.slug));
      if (index === order.length - 1) expect(next).toBeNull();
      else expect(next?.[1] ?? next?.[2]).toBe(chapterPath(2, order[index + 1]!.slug));
    }
    // Edition 1 ends one chapter earlier: its last chapter has no next.
    expect(nextOf((await visitor().page(chapterPath(1, fixture.chapters.third.slug))).html)).toBeNull();
  });

  test("an older edition says a newer one exists and links to it", async () => {
    const { response, html } = await visitor().page(chapterPath(1, fixture.chapters.first.slug));
    expect(response.status).toBe(200);
    expect(html).toContain("U leest editie 1; er is een nieuwere editie (2).");
    expect((await visitor().page(chapterPath(2, fixture.chapters.first.slug))).html).not.toContain("er is een nieuwere editie");
  });

  test.each([
    ["a chapter that is not in the edition", () => chapterPath(1, fixture.chapters.fourth.slug), "Dit hoofdstuk staat niet in deze editie."],
    ["a draft chapter", () => chapterPath(2, fixture.chapters.draft.slug), "Dit hoofdstuk staat niet in deze editie."],
    ["an unknown edition number", () => chapterPath(9, fixture.chapters.first.slug), "Deze editie bestaat niet."],
    ["an edition number that is not a number", () => chapterPath(Number.NaN, fixture.chapters.first.slug).replace("NaN", "twee"), "Deze editie bestaat niet."],
    ["an unknown book", () => `/boek/bestaat-niet/editie/1/${fixture.chapters.first.slug}`, "Deze editie bestaat niet."],
  ])("%s is a 404 with a message", async (_name, path, message) => {
    const { response, html } = await visitor().page(path());
    expect(response.status).toBe(404);
    expect(html).toContain(message);
  });

  test("has a title, description, Open Graph article tags and a canonical link with absolute URLs", async () => {
    const path = chapterPath(2, fixture.chapters.first.slug);
    const { html } = await visitor().page(path);
    expect(html).toContain("<title>De ambtenaar als vertaler — Zo bestuur je een slimme stad</title>");
    expect(metaContent(html, "description")).toMatch(/^Een digitale tweeling helpt\. Zo werkt het\./);
    expect(metaContent(html, "og:title")).toBe("De ambtenaar als vertaler — Zo bestuur je een slimme stad");
    expect(metaContent(html, "og:description")).toBe(metaContent(html, "description"));
    expect(metaContent(html, "og:type")).toBe("article");
    expect(metaContent(html, "og:url")).toBe(`${APP_URL}${path}`);
    expect(metaContent(html, "og:image")).toBe(`${APP_URL}${base}/omslag.svg`);
    expect(canonical(html)).toBe(`${APP_URL}${path}`);
    // An older edition's page names itself, not the newest: its text is a different one.
    expect(canonical((await visitor().page(chapterPath(1, fixture.chapters.first.slug))).html)).toBe(`${APP_URL}${chapterPath(1, fixture.chapters.first.slug)}`);
  });

  test("loads no editor JavaScript: none of the files it loads holds Tiptap, ProseMirror or Yjs", async () => {
    const { html } = await visitor().page(chapterPath(2, fixture.chapters.first.slug));
    const urls = scriptUrls(html, app.url);
    expect(urls.some((url) => url.includes("/assets/entry.client-"))).toBe(true);
    for (const url of urls) {
      const code = await (await fetch(url)).text();
      expect(code, url).not.toMatch(/prosemirror|tiptap|Yjs was already imported/i);
    }
  });

  test("script and event handlers in a chapter's text never reach the page", async () => {
    const { html } = await visitor().page(chapterPath(2, fixture.chapters.second.slug));
    const text = articleText(html);
    expect(text).toContain("Veilige tekst");
    expect(text).toContain('<a href="https://example.org/bron">bron</a>');
    expect(text).not.toMatch(/<script|onerror|onclick|javascript:/i);
  });

  test("HTML that reached an edition's stored text some other way is sanitized when shown", async () => {
    const where = { editionId_slug: { editionId: fixture.edition2.id, slug: fixture.chapters.fourth.slug } };
    const stored = await db.editionChapter.findUniqueOrThrow({ where });
    await db.editionChapter.update({ where, data: { bodyHtml: `<p>Ingevoegd<script>alert(1)</script><iframe src="https://evil.example"></iframe><img src="/uploads/x.png" onerror="alert(2)" alt="x"></p><p style="position:fixed">Stijl</p>` } });
    forgetEditionChapterPages();
    try {
      const text = articleText((await visitor().page(chapterPath(2, fixture.chapters.fourth.slug))).html);
      expect(text).toContain("Ingevoegd");
      expect(text).toContain("Stijl");
      expect(text).not.toMatch(/<script|<iframe|onerror|style=/i);
    } finally {
      await db.editionChapter.update({ where, data: { bodyHtml: stored.bodyHtml } });
      forgetEditionChapterPages();
    }
  });
});

describe("sitemap.xml and robots.txt", () => {
  test("the sitemap lists the book, its current edition's chapters, published tools and events, and the partners", async () => {
    const tool = await createTool({ name: "Sensorenregister" });
    const hiddenTool = await createTool({ published: false });
    const event = await createEvent();
    const hiddenEvent = await createEvent({ published: false });
    const response = await fetch(`${app.url}/sitemap.xml`);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/xml; charset=utf-8");
    const xml = await response.text();
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<urlset xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/);
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!);
    const expected = [
      "/",
      base,
      ...[fixture.chapters.first, fixture.chapters.second, fixture.chapters.third, fixture.chapters.fourth].map((chapter) => chapterPath(2, chapter.slug)),
      "/gereedschapskist",
      `/gereedschapskist/${tool.slug}`,
      "/evenementen",
      `/evenementen/${event.slug}`,
      "/partners",
      `/partners/${fixture.amersfoort.slug}`,
      `/partners/${fixture.civity.slug}`,
    ].map((path) => `${APP_URL}${path}`);
    for (const url of expected) expect(locs).toContain(url);
    // Every address is absolute and public: no drafts, no older editions, nothing unpublished.
    expect(locs.every((loc) => loc.startsWith(`${APP_URL}/`))).toBe(true);
    expect(xml).not.toContain(fixture.chapters.draft.slug);
    expect(xml).not.toContain(`${base}/editie/1/`);
    expect(xml).not.toContain(hiddenTool.slug);
    expect(xml).not.toContain(hiddenEvent.slug);
    expect(xml).toMatch(new RegExp(`<loc>${APP_URL}${chapterPath(2, fixture.chapters.first.slug)}</loc><lastmod>\\d{4}-\\d{2}-\\d{2}</lastmod>`));
  });

  test("robots.txt keeps private pages out and names the sitemap", async () => {
    const response = await fetch(`${app.url}/robots.txt`);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/plain; charset=utf-8");
    const lines = (await response.text()).split("\n");
    expect(lines).toEqual(expect.arrayContaining(["User-agent: *", "Disallow: /admin", "Disallow: /redactie", "Disallow: /account", "Disallow: /bestelling/", "Allow: /", `Sitemap: ${APP_URL}/sitemap.xml`]));
  });
});
