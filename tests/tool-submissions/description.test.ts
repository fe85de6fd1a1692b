import { describe, expect, test } from "vitest";
import { descriptionToHtml, descriptionToMarkdown } from "#app/models/tool-submissions/description.server.ts";

describe("a submitted description", () => {
  test("plain text keeps its paragraphs and line breaks", () => {
    expect(descriptionToHtml("Eerste regel.\nTweede regel.\n\nNieuwe alinea.")).toBe("<p>Eerste regel.<br />\nTweede regel.</p>\n<p>Nieuwe alinea.</p>");
  });

  test("the Markdown subset becomes HTML; anything else becomes text or goes", () => {
    expect(descriptionToHtml("# Kop\n\n**vet**, *cursief*, [link](https://example.org)\n\n1. een\n2. twee")).toBe(
      '<p><strong>Kop</strong></p>\n<p><strong>vet</strong>, <em>cursief</em>, <a href="https://example.org">link</a></p>\n<ol>\n<li>een</li>\n<li>twee</li>\n</ol>',
    );
    expect(descriptionToHtml("[klik](javascript:alert(1)) ![x](https://example.org/x.png) <b onclick=x>b</b>")).toBe(
      "<p><a>klik</a> x &lt;b onclick=x&gt;b&lt;/b&gt;</p>",
    );
  });

  test("turns back into the same Markdown for editing", () => {
    for (const text of ["Eerste regel.\nTweede regel.\n\nAlinea met **vet** en [link](https://example.org).", "- een\n- twee\n\n1. a\n2. b", "Tekst met <script>alert(1)</script> & meer"]) {
      const html = descriptionToHtml(text);
      expect(descriptionToHtml(descriptionToMarkdown(html))).toBe(html);
    }
    expect(descriptionToMarkdown(descriptionToHtml("- een\n- twee"))).toBe("- een\n- twee");
  });
});
