import { describe, expect, test } from "vitest";
import { chapterSchema, imagesWithoutAlt } from "./chapter-schema.ts";

describe("the chapter schema", () => {
  test("loads in Node without a DOM and holds exactly a book's structure", () => {
    expect(typeof document).toBe("undefined");
    expect(Object.keys(chapterSchema.nodes).sort()).toEqual(
      [
        "blockquote", "bulletList", "doc", "footnote", "hardBreak", "heading", "horizontalRule", "image", "listItem",
        "orderedList", "paragraph", "table", "tableCell", "tableHeader", "tableRow", "text", "toolCard",
      ].sort(),
    );
    // The suggestion marks (suggestion mode, docs/decisions/010) belong to the document too.
    expect(Object.keys(chapterSchema.marks).sort()).toEqual(["bold", "code", "deletion", "insertion", "italic", "link", "modification", "strike"]);
  });

  test("headings are levels 2 to 4 (the chapter title is the h1)", () => {
    const parseRules = chapterSchema.nodes.heading!.spec.parseDOM?.map((rule) => ("tag" in rule ? rule.tag : null));
    expect(parseRules).toEqual(["h2", "h3", "h4"]);
  });

  test("a footnote is inline text that may carry marks but not another footnote", () => {
    const footnote = chapterSchema.nodes.footnote!;
    expect(footnote.isInline).toBe(true);
    expect(footnote.spec.atom).toBe(true);
    expect(footnote.allowsMarkType(chapterSchema.marks.italic!)).toBe(true);
    expect(footnote.allowsMarkType(chapterSchema.marks.link!)).toBe(true);
    const withText = footnote.create(null, chapterSchema.text("Een noot met ", []));
    expect(withText.textContent).toBe("Een noot met ");
    expect(() => footnote.createChecked(null, footnote.create(null, chapterSchema.text("binnen")))).toThrow();
  });

  test("images without alt text are found (publishing needs them)", () => {
    const doc = {
      type: "doc",
      content: [
        { type: "image", attrs: { src: "/uploads/a.png", alt: "Een kaart" } },
        { type: "image", attrs: { src: "/uploads/b.png", alt: " " } },
        { type: "image", attrs: { src: "/uploads/c.png", alt: null } },
      ],
    };
    expect(imagesWithoutAlt(doc)).toEqual(["/uploads/b.png", "/uploads/c.png"]);
  });
});
