import { describe, expect, test } from "vitest";
import { htmlToProseMirror } from "#app/models/chapter-content.server.ts";
import { diffChapterDocuments } from "#app/models/revision-diff.server.ts";

/** A paragraph with one footnote, in the reader HTML form (numbered reference, notes at the end). */
const withNote = (text: string, note: string, rest = "") =>
  `<p>${text}<sup><a href="#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref>1</a></sup>${rest}</p>` +
  `<section data-footnotes class="footnotes"><ol><li id="user-content-fn-1"><p>${note}</p></li></ol></section>`;

const diff = (before: string, after: string) => diffChapterDocuments(htmlToProseMirror(before), htmlToProseMirror(after));

/** The texts inside every <ins> or <del>, in order. */
const marked = (html: string, tag: "ins" | "del") => [...html.matchAll(new RegExp(`<${tag}>(.*?)</${tag}>`, "g"))].map((m) => m[1]!.trim());

describe("revision diff: words within blocks", () => {
  test("identical documents have no marks", () => {
    const html = `<h2>Kop</h2>${withNote("Een <strong>vette</strong> zin met een noot", "De noot.", ".")}<ul><li><p>punt</p></li></ul>`;
    const result = diff(html, html);
    expect(result.html).not.toMatch(/<ins|<del|diff-added|diff-removed/);
    expect(result.insertedWords).toBe(0);
    expect(result.deletedWords).toBe(0);
    expect(result.html).toContain("<strong>vette</strong>");
    expect(result.html).toContain("<h2>Kop</h2>");
  });

  test("an inserted word is marked as inserted, the rest of the paragraph is left alone", () => {
    const result = diff("<p>De kat zit op de mat.</p>", "<p>De zwarte kat zit op de mat.</p>");
    expect(marked(result.html, "ins")).toEqual(["zwarte"]);
    expect(marked(result.html, "del")).toEqual([]);
    expect(result.html).toMatch(/^<p>De <ins>zwarte ?<\/ins> ?kat zit op de mat\.<\/p>$/);
    expect(result.insertedWords).toBe(1);
  });

  test("a deleted word is marked as deleted", () => {
    const result = diff("<p>Dit is een heel lange zin.</p>", "<p>Dit is een lange zin.</p>");
    expect(marked(result.html, "del")).toEqual(["heel"]);
    expect(marked(result.html, "ins")).toEqual([]);
    expect(result.deletedWords).toBe(1);
  });

  test("a changed word inside a list item is shown as deleted and inserted within that item", () => {
    const before = "<ul><li><p>eerste punt</p></li><li><p>tweede punt over fietsen</p></li></ul>";
    const after = "<ul><li><p>eerste punt</p></li><li><p>tweede punt over wandelen</p></li></ul>";
    const result = diff(before, after);
    expect(result.html).toMatch(/^<ul><li><p>eerste punt<\/p><\/li><li><p>tweede punt over <del>fietsen<\/del><ins>wandelen<\/ins><\/p><\/li><\/ul>$/);
  });

  test("a changed word inside a table cell stays in its cell", () => {
    const before = "<table><tbody><tr><th>Gemeente</th><th>Inwoners</th></tr><tr><td>Utrecht</td><td>ruim 300.000</td></tr></tbody></table>";
    const after = "<table><tbody><tr><th>Gemeente</th><th>Inwoners</th></tr><tr><td>Utrecht</td><td>bijna 370.000</td></tr></tbody></table>";
    const result = diff(before, after);
    const cells = [...result.html.matchAll(/<td>(.*?)<\/td>/g)].map((m) => m[1]);
    expect(cells[0]).toBe("<p>Utrecht</p>");
    expect(cells[1]).toContain("<del>ruim</del>");
    expect(cells[1]).toContain("<ins>bijna</ins>");
    expect(marked(result.html, "del").join(" ")).toContain("300");
    expect(marked(result.html, "ins").join(" ")).toContain("370");
    expect(result.html.match(/<table/g)).toHaveLength(1);
  });

  test("an added paragraph is shown whole as added, its neighbours unmarked", () => {
    const before = "<p>Eerste alinea blijft.</p><p>Laatste alinea blijft.</p>";
    const after = "<p>Eerste alinea blijft.</p><p>Een geheel nieuwe alinea hier.</p><p>Laatste alinea blijft.</p>";
    const result = diff(before, after);
    expect(result.html).toBe(
      '<p>Eerste alinea blijft.</p><p class="diff-added"><ins>Een geheel nieuwe alinea hier.</ins></p><p>Laatste alinea blijft.</p>',
    );
    expect(result.insertedWords).toBe(5);
  });

  test("a removed heading is shown whole as removed", () => {
    const result = diff("<h2>Weg ermee</h2><p>Tekst.</p>", "<p>Tekst.</p>");
    expect(result.html).toBe('<h2 class="diff-removed"><del>Weg ermee</del></h2><p>Tekst.</p>');
  });

  test("a rewritten paragraph pairs with the old one rather than the one next to it", () => {
    const before = "<p>Over de Maas ligt een brug.</p><p>De brug is oud en smal.</p>";
    const after = "<p>Over de Maas ligt een nieuwe brug.</p><p>De brug is oud en smal.</p>";
    const result = diff(before, after);
    expect(marked(result.html, "ins")).toEqual(["nieuwe"]);
    expect(result.html).not.toContain("diff-");
  });

  test("footnotes are compared in their own list at the end", () => {
    const before = withNote("Een zin", "Bron: het archief.", " en meer.");
    const after = withNote("Een zin", "Bron: het gemeentearchief.", " en meer.");
    const result = diff(before, after);
    expect(result.html).toContain('<sup><a href="#diff-fn-1" id="diff-fnref-1">1</a></sup>');
    expect(result.html).toMatch(/<section class="footnotes"><h2>Noten<\/h2><ol><li id="diff-fn-1">Bron: het <del>archief<\/del><ins>gemeentearchief<\/ins>\.<\/li><\/ol><\/section>$/);
    expect(marked(result.html.split("<section")[0]!, "ins")).toEqual([]);
  });

  test("an added footnote shows as an added reference and an added note", () => {
    const result = diff("<p>Een zin en meer.</p>", withNote("Een zin", "Nieuwe bron.", " en meer."));
    expect(result.html).toContain('<ins><sup><a href="#diff-fn-1" id="diff-fnref-1">1</a></sup></ins>');
    expect(result.html).toContain('<li id="diff-fn-1" class="diff-added"><ins>Nieuwe bron.</ins></li>');
  });

  test("a table cell rewritten completely stays one cell, compared word by word", () => {
    const table = (cell: string) => `<table><tbody><tr><td>Utrecht</td><td>${cell}</td></tr></tbody></table>`;
    const result = diff(table("ruim driehonderdduizend"), table("bijna vierhonderdduizend"));
    expect(result.html.match(/<td/g)).toHaveLength(2);
    expect(result.html).not.toContain("diff-");
  });

  test("HTML in the text is escaped, not interpreted", () => {
    const before = "<p>Veilige tekst.</p>";
    const after = "<p>Veilige tekst &lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(2)&gt;.</p>";
    const result = diff(before, after);
    expect(result.html).not.toMatch(/<script|<img|onerror=alert\(2\)"/i);
    expect(result.html).toContain("&lt;script&gt;");
    expect(result.html).toContain("&lt;img");
  });

  test("a link with a script URL does not survive into the diff", () => {
    const doc = htmlToProseMirror('<p>Zie <a href="https://example.org">hier</a>.</p>');
    const link = doc.type.schema.marks.link!.create({ href: "javascript:alert(1)" });
    const paragraph = doc.type.schema.nodes.paragraph!.create(null, [doc.type.schema.text("klik", [link])]);
    const evil = doc.type.schema.nodes.doc!.create(null, [paragraph]);
    const result = diffChapterDocuments(doc, evil);
    expect(result.html).not.toContain("javascript:");
    expect(result.html).toContain("klik");
  });

  test("whitespace-only changes are not marked", () => {
    const result = diff("<p>een  twee drie</p>", "<p>een twee drie</p>");
    expect(result.html).not.toMatch(/<ins|<del/);
  });

  test("screen readers hear what was added and removed", () => {
    const result = diffChapterDocuments(htmlToProseMirror("<p>oud woord</p>"), htmlToProseMirror("<p>nieuw woord</p>"), {
      notesHeading: "Noten",
      inserted: "Toegevoegd:",
      deleted: "Verwijderd:",
    });
    expect(result.html).toBe('<p><del><span class="sr-only">Verwijderd: </span>oud</del><ins><span class="sr-only">Toegevoegd: </span>nieuw</ins> woord</p>');
  });
});
