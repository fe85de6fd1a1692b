import { afterAll, expect, test } from "vitest";
import { safeHref } from "#server/export/epub/links.ts";
import { bookIdentifier } from "#server/export/epub/package-document.ts";
import type { Manuscript } from "#server/export/manuscript.ts";
import { pandocDocument, para, str, PANDOC_API_VERSION } from "#server/export/pandoc/ast.ts";
import { PandocPool } from "#server/export/pandoc/runner.ts";

// The real pandoc-wasm, in a small pool of its own (no warm-up: these tests need few calls).
const pool = new PandocPool({ size: 2, warmUp: false });
afterAll(() => pool.close());

test("the AST we write carries the API version pandoc-wasm itself writes", async () => {
  const written = JSON.parse(await pool.convert({ from: "markdown", to: "json" }, "Hallo")) as { "pandoc-api-version": number[] };
  expect(written["pandoc-api-version"]).toEqual([...PANDOC_API_VERSION]);
  const html = await pool.convert({ from: "json", to: "html5" }, JSON.stringify(pandocDocument([para([str("ë é ï ĳ ‘ ’ “ ” <b>")])])));
  expect(html.trim()).toBe("<p>ë é ï ĳ ‘ ’ “ ” &lt;b&gt;</p>");
}, 60_000);

test("a conversion pandoc refuses rejects with pandoc's message, and the pool keeps working", async () => {
  const results = await Promise.allSettled([
    pool.convert({ from: "json", to: "html5" }, "{niet json"),
    pool.convert({ from: "json", to: "html5" }, JSON.stringify({ "pandoc-api-version": [1, 22], meta: {}, blocks: [] })),
    pool.convert({ from: "json", to: "html5" }, JSON.stringify(pandocDocument([para([str("nog steeds")])]))),
  ]);
  expect(results[0]).toMatchObject({ status: "rejected", reason: { message: expect.stringMatching(/JSON parse error/) } });
  expect(results[1]).toMatchObject({ status: "rejected", reason: { message: expect.stringMatching(/pandoc-api-version|1\.22|version/i) } });
  expect(results[2]).toEqual({ status: "fulfilled", value: "<p>nog steeds</p>\n" });
}, 60_000);

test("links keep only http, https and mailto addresses", () => {
  expect(safeHref("https://example.org/a?b=c")).toBe("https://example.org/a?b=c");
  expect(safeHref("mailto:info@example.org")).toBe("mailto:info@example.org");
  for (const bad of ["javascript:alert(1)", " JaVaScRiPt:alert(1)", "data:text/html,x", "file:///etc/passwd", "/uploads/x.png", "#fn1", "vbscript:x"]) {
    expect(safeHref(bad), bad).toBeNull();
  }
});

test("the identifier is the ISBN, or a UUID that is stable per book and edition", () => {
  const book = (slug: string, isbn: string | null) => ({ book: { slug, isbn }, scope: "published", edition: null }) as unknown as Manuscript;
  expect(bookIdentifier(book("boek", "9789083012345"))).toBe("urn:isbn:9789083012345");
  const uuid = bookIdentifier(book("boek", null));
  expect(uuid).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  expect(bookIdentifier(book("boek", null))).toBe(uuid);
  expect(bookIdentifier(book("ander-boek", null))).not.toBe(uuid);
  const edition = { ...book("boek", null), scope: "edition", edition: { number: 2, frozenAt: new Date() } } as Manuscript;
  expect(bookIdentifier(edition)).not.toBe(uuid);
});

test("the last check stops an EPUB with active markup but lets prose about it through", async () => {
  const { assertNoActiveContent } = await import("#server/export/epub/safety.ts");
  const check = (data: string) => () => assertNoActiveContent([{ path: "EPUB/text/a.xhtml", data }]);
  expect(check("<p>Het javascript: protocol, en online = offline.</p>")).not.toThrow();
  for (const bad of ['<p><a href="javascript:x()">a</a></p>', '<img src="a.png" alt="" onerror="x()" />', "<script>x()</script>", '<a href=" data:text/html,x">a</a>']) {
    expect(check(bad), bad).toThrow(/active content/);
  }
});
