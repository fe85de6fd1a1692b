// @vitest-environment happy-dom
import { DOMParser as ProseMirrorParser } from "@tiptap/pm/model";
import { describe, expect, test } from "vitest";
import { chapterSchema } from "#app/common/chapter-schema.ts";
import { cleanPastedHtml } from "./paste.ts";

/** What the editor would insert for pasted HTML: cleaned, then parsed by the chapter schema. */
function pasted(html: string) {
  const container = document.createElement("div");
  container.innerHTML = cleanPastedHtml(html);
  return ProseMirrorParser.fromSchema(chapterSchema).parse(container).toJSON() as { content: { type: string; content?: unknown[] }[] };
}

const GOOGLE_DOCS =
  '<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1234"><h2 dir="ltr" style="line-height:1.38;margin-top:18pt"><span style="font-size:16pt;font-family:Arial;color:#000000;font-weight:400">Kop uit Docs</span></h2><p dir="ltr"><span style="font-size:11pt;font-family:Arial;font-weight:400">Gewoon en </span><span style="font-size:11pt;font-family:Arial;font-weight:700">vet</span><span style="font-weight:400;font-style:italic"> en schuin</span></p></b>';

const WORD =
  '<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{margin:0}</style></head><body>' +
  '<p class="MsoNormal" style="mso-margin-top-alt:auto">Een alinea<o:p></o:p></p>' +
  '<p class="MsoListParagraphCxSpFirst" style="text-indent:-18.0pt;mso-list:l0 level1 lfo1"><![if !supportLists]><span style="font-family:Symbol;mso-list:Ignore">·<span>&nbsp;&nbsp;</span></span><![endif]>Eerste punt<o:p></o:p></p>' +
  '<p class="MsoListParagraphCxSpLast" style="text-indent:-18.0pt;mso-list:l0 level1 lfo1"><![if !supportLists]><span style="mso-list:Ignore">·<span>&nbsp;&nbsp;</span></span><![endif]>Tweede <b>punt</b><o:p></o:p></p>' +
  '<p class="MsoListParagraph" style="mso-list:l1 level1 lfo2"><span style="mso-list:Ignore">1.<span> </span></span>Genummerd</p>' +
  "</body></html>";

describe("pasting from word processors", () => {
  test("Google Docs: the bold wrapper does not make everything bold; real bold and italics stay", () => {
    const doc = pasted(GOOGLE_DOCS);
    expect(doc.content.map((node) => node.type)).toEqual(["heading", "paragraph"]);
    const paragraph = JSON.stringify(doc.content[1]);
    expect(paragraph).toContain('{"type":"text","text":"Gewoon en "}');
    expect(paragraph).toContain('{"type":"text","marks":[{"type":"bold"}],"text":"vet"}');
    expect(paragraph).toContain('"marks":[{"type":"italic"}],"text":" en schuin"');
    expect(JSON.stringify(doc.content[0])).not.toContain("bold");
  });

  test("Word: list paragraphs become lists, bullets and mso styling disappear", () => {
    const html = cleanPastedHtml(WORD);
    expect(html).not.toMatch(/mso-|Mso|o:p|<style/i);
    const doc = pasted(WORD);
    expect(doc.content.map((node) => node.type)).toEqual(["paragraph", "bulletList", "orderedList"]);
    expect(JSON.stringify(doc.content[1])).not.toContain("·");
    expect(JSON.stringify(doc.content[1])).toContain('"marks":[{"type":"bold"}],"text":"punt"');
    expect(JSON.stringify(doc.content[2])).toContain('"text":"Genummerd"');
  });

  test("ordinary HTML passes untouched", () => {
    const html = "<p>Hallo <em>wereld</em></p>";
    expect(cleanPastedHtml(html)).toBe(html);
  });
});
