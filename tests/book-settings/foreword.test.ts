import { describe, expect, test } from "vitest";
import { forewordHtmlToMarkdown, forewordMarkdownToHtml, sanitizeForewordHtml } from "#app/models/book-settings-foreword.server.ts";

describe("the foreword's Markdown subset", () => {
  test("paragraphs, emphasis, strong, links, lists, quotes and line breaks become HTML", () => {
    const markdown = "Een *korte* en **sterke** tekst met [een link](https://example.org).\n\n- een\n- twee\n\n1. eerst\n2. dan\n\n> Een citaat\n\nRegel één  \nregel twee";
    const result = forewordMarkdownToHtml(markdown);
    expect(result).toEqual({
      ok: true,
      html:
        '<p>Een <em>korte</em> en <strong>sterke</strong> tekst met <a href="https://example.org">een link</a>.</p>\n' +
        "<ul>\n<li>een</li>\n<li>twee</li>\n</ul>\n<ol>\n<li>eerst</li>\n<li>dan</li>\n</ol>\n" +
        "<blockquote>\n<p>Een citaat</p>\n</blockquote>\n<p>Regel één<br />\nregel twee</p>",
    });
  });

  test("what was written comes back as the same Markdown for editing", () => {
    const markdown = "Een *korte* en **sterke** tekst met [een link](https://example.org).\n\n- een\n- twee\n\n> Een citaat";
    const result = forewordMarkdownToHtml(markdown);
    expect(result.ok && forewordHtmlToMarkdown(result.html)).toBe(markdown);
  });

  test.each([
    ["raw HTML", `Hallo <script>alert(1)</script>`],
    ["an image", "![x](https://example.org/x.png)"],
    ["a heading", "## Kop"],
    ["code", "```\ncode\n```"],
  ])("%s is refused, not silently dropped", (_what, markdown) => {
    expect(forewordMarkdownToHtml(markdown)).toEqual({ ok: false, problem: "bookSettings.foreword.unsupported" });
  });

  test("links other than web and e-mail addresses lose their address", () => {
    expect(forewordMarkdownToHtml("[a](javascript:alert(1)) [b](mailto:info@example.org) [c](data:text/html,x)")).toEqual({
      ok: true,
      html: '<p><a>a</a> <a href="mailto:info@example.org">b</a> <a>c</a></p>',
    });
  });

  test("too long a foreword is refused", () => {
    expect(forewordMarkdownToHtml("a".repeat(30_001))).toEqual({ ok: false, problem: "bookSettings.foreword.tooLong" });
  });

  test("stored HTML from anywhere is reduced to prose before it is shown or edited", () => {
    expect(sanitizeForewordHtml(`<p onclick="x()">Hoi<img src=x onerror=alert(1)><script>alert(1)</script></p>`)).toBe("<p>Hoi</p>");
    expect(forewordHtmlToMarkdown(`<div><h1>Titel</h1><p>Tekst</p></div>`)).toBe("Titel\n\nTekst");
  });
});
