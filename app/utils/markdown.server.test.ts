import { describe, expect, test } from "vitest";
import { markdownToChapterHtml } from "./markdown.server.ts";
import { sanitizeChapterHtml } from "./sanitize-html.server.ts";

describe("chapter HTML", () => {
  test("keeps book structure: headings, lists, quotes, tables, footnotes", async () => {
    const html = await markdownToChapterHtml(
      [
        "## Kop", "", "Tekst met *nadruk* en **kracht** en een [link](https://example.org).[^1]", "",
        "- een", "- twee", "", "> citaat", "", "| a | b |", "|---|---|", "| 1 | 2 |", "", "---", "", "[^1]: De noot.",
      ].join("\n"),
    );
    expect(html).toContain("<h2>Kop</h2>");
    expect(html).toContain("<em>nadruk</em>");
    expect(html).toContain('<a href="https://example.org">link</a>');
    expect(html).toContain("<blockquote>");
    expect(html).toContain("<table>");
    expect(html).toContain("<hr />");
    expect(html).toMatch(/<section[^>]*class="footnotes"/);
    expect(html).toContain("Noten");
    expect(html).toContain("De noot.");
  });

  test("removes scripts, event handlers and dangerous links", () => {
    const html = sanitizeChapterHtml(
      '<p onclick="steal()">Hallo<script>alert(1)</script></p><a href="javascript:alert(1)">x</a><img src="x" onerror="alert(1)"><iframe src="https://evil.example"></iframe>',
    );
    expect(html).not.toMatch(/script|onclick|onerror|javascript:|iframe/i);
    expect(html).toContain("<p>Hallo</p>");
  });

  test("raw HTML in Markdown does not survive", async () => {
    const html = await markdownToChapterHtml('Tekst <script>alert(1)</script> <img src=x onerror="alert(1)">');
    expect(html).not.toMatch(/<script|onerror/i);
  });
});
