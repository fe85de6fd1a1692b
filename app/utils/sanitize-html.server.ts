import sanitize from "sanitize-html";

/**
 * The HTML a chapter may contain when it is shown or exported: book structure only. Anything
 * else (scripts, styles, event handlers, iframes, unknown attributes) is removed, whatever its source.
 */
const SUGGESTION_ATTRIBUTES = ["class", "data-suggestion", "data-author-id", "data-author-name", "data-created-at"];

const CHAPTER_HTML: sanitize.IOptions = {
  allowedTags: [
    "p", "h2", "h3", "h4", "em", "strong", "s", "code", "a", "ul", "ol", "li", "blockquote", "hr", "br",
    "table", "thead", "tbody", "tr", "th", "td", "caption", "sup", "sub", "section", "figure", "figcaption", "img", "aside",
    // Open suggestions (suggestion mode, docs/decisions/010): shown in the read view until decided.
    "ins", "del",
  ],
  allowedAttributes: {
    a: ["href", "id", "title", "aria-describedby", "aria-label", "data-footnote-ref", "data-footnote-backref", "class"],
    li: ["id"],
    h2: ["id", "class"],
    section: ["class", "data-footnotes"],
    th: ["scope", "colspan", "rowspan", "align"],
    td: ["colspan", "rowspan", "align"],
    img: ["src", "alt", "width", "height"],
    ol: ["start"],
    aside: ["class", "data-tool"],
    ins: SUGGESTION_ATTRIBUTES,
    del: SUGGESTION_ATTRIBUTES,
  },
  allowedClasses: {
    section: ["footnotes"],
    h2: ["sr-only"],
    a: ["data-footnote-backref"],
    aside: ["tool-card"],
    ins: ["suggestion", "suggestion-insertion"],
    del: ["suggestion", "suggestion-deletion"],
  },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: { img: ["https", "http"] },
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
};

/** Chapter HTML reduced to the elements and attributes a book uses. */
export function sanitizeChapterHtml(html: string): string {
  return sanitize(html, CHAPTER_HTML);
}
