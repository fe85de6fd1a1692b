import * as Y from "yjs";
import { describe, expect, test } from "vitest";
import { CHAPTER_FRAGMENT } from "#app/common/collab.ts";
import { markdownToChapterHtml } from "#tests/helpers/markdown-html.ts";
import { readBookFiles } from "#server/chapter-files/book-files.ts";
import { DEMO_BOOK_DIRECTORY } from "../../prisma/demo-data.ts";
import { htmlToYUpdate, yDocToHtml, yDocToText } from "./chapter-content.server.ts";

/** A Y.Doc as a client would have it after receiving the update. */
function docFrom(update: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return doc;
}

const roundTrip = (html: string) => yDocToHtml(docFrom(htmlToYUpdate(html)));

/** What a reader sees of the structure: the elements that matter, in order, with their text. */
function structure(html: string): string[] {
  const found: string[] = [];
  for (const match of html.matchAll(/<(h[2-4]|ul|ol|li|blockquote|table|thead|th|td|a|em|strong|hr|sup|section)\b([^>]*)>([^<]*)/g)) {
    const [, tag, attributes, text] = match as unknown as [string, string, string, string];
    // Containers by name (Tiptap wraps list items and cells in <p>); inline elements with their text.
    const href = tag === "a" ? (attributes.match(/href="([^"]*)"/)?.[1] ?? "") : "";
    found.push(/^(h[2-4]|a|em|strong)$/.test(tag) ? `${tag}${href}:${text.trim()}` : tag);
  }
  return found;
}

describe("chapter content: HTML ⇄ Yjs", () => {
  test("every demo chapter keeps its headings, lists, quotes, tables, footnotes and links", async () => {
    const { chapters } = await readBookFiles(DEMO_BOOK_DIRECTORY);
    expect(chapters.length).toBeGreaterThan(5);
    let footnotes = 0;
    let tables = 0;
    for (const chapter of chapters) {
      const html = await markdownToChapterHtml(chapter.markdown);
      const result = roundTrip(html);
      expect(structure(result), chapter.file).toEqual(structure(html));
      expect(normalisedText(result), chapter.file).toBe(normalisedText(html));
      footnotes += (html.match(/data-footnote-ref/g) ?? []).length;
      tables += (html.match(/<table>/g) ?? []).length;
      // A second round trip changes nothing: the HTML is a fixed point.
      expect(roundTrip(result), chapter.file).toBe(result);
    }
    // The demo book exercises the hard parts.
    expect(footnotes).toBeGreaterThan(0);
    expect(tables).toBeGreaterThan(0);
  });

  test("footnotes are numbered by position and their text travels with them", async () => {
    const html = await markdownToChapterHtml(
      ["Eerste[^b] en tweede[^a] noot.", "", "[^a]: Noot *A* met [link](https://example.org).", "[^b]: Noot B."].join("\n"),
    );
    const doc = docFrom(htmlToYUpdate(html));
    const fragment = doc.getXmlFragment(CHAPTER_FRAGMENT);
    expect(fragment.toString()).toContain("<footnote>Noot B.</footnote>");

    const result = yDocToHtml(doc);
    expect(result).toContain('Eerste<sup><a href="#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref');
    expect(result).toMatch(/<li id="user-content-fn-1"><p>Noot B\. <a href="#user-content-fnref-1"/);
    expect(result).toMatch(/<li id="user-content-fn-2"><p>Noot <em>A<\/em> met <a href="https:\/\/example.org">link<\/a>/);
    expect(result).toContain('<h2 class="sr-only" id="footnote-label">Noten</h2>');
  });

  test("tables keep their header row in <thead>", () => {
    const result = roundTrip("<table><thead><tr><th>Wie</th><th>Wat</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>");
    expect(result).toBe(
      "<table><thead><tr><th><p>Wie</p></th><th><p>Wat</p></th></tr></thead><tbody><tr><td><p>1</p></td><td><p>2</p></td></tr></tbody></table>",
    );
  });

  test("images keep src and alt; headings outside 2–4 and unsafe content do not survive", () => {
    const result = roundTrip(
      '<h1>Titel</h1><h5>Klein</h5><p>Tekst<script>alert(1)</script></p><img src="/uploads/abc.png" alt="Een kaart" onerror="x()"><p><a href="javascript:alert(1)">kwaad</a></p>',
    );
    expect(result).toContain('<img src="/uploads/abc.png" alt="Een kaart" />');
    expect(result).not.toMatch(/<h1|<h5|script|onerror|javascript:/);
    expect(result).toContain("Titel");
  });

  test("an empty document gives empty HTML and text", () => {
    const doc = new Y.Doc();
    expect(yDocToHtml(doc)).toBe("");
    expect(yDocToText(doc)).toBe("");
  });

  test("plain text has one block per paragraph and the notes at the end", async () => {
    const html = await markdownToChapterHtml("## Kop\n\nTekst met noot.[^1]\n\n- punt\n\n[^1]: De *noot*.");
    expect(yDocToText(docFrom(htmlToYUpdate(html)))).toBe("Kop\n\nTekst met noot.\n\npunt\n\nDe noot.");
  });
});

/** Text content with whitespace normalised (the serializer drops Markdown's newlines between blocks). */
function normalisedText(html: string): string {
  return html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim();
}
