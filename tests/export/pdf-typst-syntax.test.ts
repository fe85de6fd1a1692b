import { afterAll, describe, expect, test } from "vitest";
import { compileTypst, stopTypstWorker } from "#server/export/pdf/typst-compiler.ts";
import { markupText, safeLinkTarget, typstString } from "#server/export/pdf/typst-syntax.ts";
import { pdfFile, pdfText } from "./fixtures/pdf-poppler.ts";

// Text that would mean something to Typst if it were not escaped: code, math, markup, labels,
// references, comments, escapes, headings, lists, shorthands and automatic links.
const HOSTILE = [
  "#let x = 1",
  '#panic("boem")',
  "$a^2 + b^2$",
  "*vet* en _schuin_ en `rauw`",
  "haakjes ] sluiten [ en { accolades }",
  "backslash \\ en \\u{41} en \\#",
  "@label <anker> en <b>",
  "= geen kop",
  "- geen lijst",
  "+ geen genummerde lijst",
  "/ Term: geen definitie",
  "1. geen opsomming",
  "// geen commentaar /* ook niet */",
  "~ -- --- ... -? geen afkortingen",
  "https://voorbeeld.example/pad geen automatische link",
  '#import "/etc/passwd"',
  "#{ read(\"/etc/passwd\") }",
];

afterAll(stopTypstWorker);

describe("markupText", () => {
  test("escapes every ASCII punctuation character except quotes", () => {
    expect(markupText("#let x = 1")).toBe("\\#let x \\= 1");
    expect(markupText("a\\b")).toBe("a\\\\b");
    expect(markupText("[x]")).toBe("\\[x\\]");
    expect(markupText('"quote" it\'s')).toBe('"quote" it\'s');
    expect(markupText("ë é ï ĳ ‘ ’ “ ”")).toBe("ë é ï ĳ ‘ ’ “ ”");
  });

  test("keeps text on one line and drops control characters", () => {
    expect(markupText("een\n\n= kop\r\nverder\u0000")).toBe("een \\= kop verder");
  });

  test("writes the Dutch elisions with an apostrophe", () => {
    expect(markupText("'s ochtends en 't huis")).toBe("\u2019s ochtends en \u2019t huis");
  });

  test("replaces characters EB Garamond cannot draw, so PDF/UA export never fails on them", () => {
    expect(markupText("😀 中")).toBe("\ufffd \ufffd");
    expect(markupText("ﬁets")).toBe("ﬁets");
    expect(markupText("a\u200db")).toBe("a\u200db");
  });
});

describe("typstString", () => {
  test("escapes backslashes, quotes and line breaks", () => {
    expect(typstString('a"b\\c\nd')).toBe('"a\\"b\\\\c\\nd"');
  });
});

describe("safeLinkTarget", () => {
  test("keeps http, https and mailto only", () => {
    expect(safeLinkTarget("https://kapittel.example/a?b=c")).toBe("https://kapittel.example/a?b=c");
    expect(safeLinkTarget("mailto:redactie@kapittel.example")).toBe("mailto:redactie@kapittel.example");
    expect(safeLinkTarget("javascript:alert(1)")).toBeNull();
    expect(safeLinkTarget(" JavaScript:alert(1)")).toBeNull();
    expect(safeLinkTarget("data:text/html,<script>")).toBeNull();
    expect(safeLinkTarget("file:///etc/passwd")).toBeNull();
    expect(safeLinkTarget("/relatief")).toBeNull();
    expect(safeLinkTarget("https://a b")).toBeNull();
    expect(safeLinkTarget(undefined)).toBeNull();
  });
});

describe("escaped text through the real compiler", () => {
  test("every hostile string appears literally in the PDF and runs nothing", async () => {
    const body = HOSTILE.map((line) => markupText(line)).join("\n\n");
    const source = `#set document(title: ${typstString('Proef "#titel" \\ $x$')})\n#set text(font: "EB Garamond", lang: "nl", fallback: false, hyphenate: false)\n#set page(width: 170mm, height: 240mm)\n${body}`;
    const result = await compileTypst({ source, files: new Map(), pdfStandard: "ua-1" });
    expect(result.title).toBe('Proef "#titel" \\ $x$');
    // Straight quotes become typographic ones (markup smart quotes): compare without that difference.
    const text = (await pdfText(await pdfFile(result.pdf))).replace(/\s+/g, " ").replace(/[“”]/g, '"').replace(/[‘’]/g, "'");
    for (const line of HOSTILE) expect(text).toContain(line.replace(/\s+/g, " "));
    expect(text).not.toContain("root:");
  });
});
