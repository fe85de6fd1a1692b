import { Window } from "happy-dom";
import type { BlockContent, ListItem, Nodes, PhrasingContent, Root, RootContent } from "mdast";
import rehypeStringify from "rehype-stringify";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import remarkStringify from "remark-stringify";
import sanitize from "sanitize-html";
import { unified } from "unified";

/**
 * The foreword is written as a small Markdown subset (paragraphs, *emphasis*, **strong**,
 * [links](https://…), lists, quotes, hard line breaks) and stored as sanitized HTML in
 * Book.forewordHtml, which both exports print. Markdown, not a rich-text editor: a foreword is a
 * page of prose, a textarea is accessible as it is, and the chapters' Markdown files use the same
 * syntax. To edit it again the stored HTML is turned back into the same Markdown.
 */

/** What a foreword may contain in HTML: prose only. Links: web and e-mail addresses only. */
const FOREWORD_HTML: sanitize.IOptions = {
  allowedTags: ["p", "em", "strong", "a", "ul", "ol", "li", "blockquote", "br"],
  allowedAttributes: { a: ["href"], ol: ["start"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
};

/** The Markdown constructs a foreword may use; anything else is refused with a message, not dropped. */
const ALLOWED_MARKDOWN = new Set([
  "root", "paragraph", "text", "emphasis", "strong", "link", "break", "list", "listItem", "blockquote",
]);

/** Longest foreword accepted, in characters of Markdown (about ten printed pages). */
export const FOREWORD_MAX_LENGTH = 30_000;

export type ForewordResult = { ok: true; html: string } | { ok: false; problem: "bookSettings.foreword.unsupported" | "bookSettings.foreword.tooLong" };

/** Foreword Markdown → sanitized HTML, or why it cannot be stored (raw HTML, headings, images …). */
export function forewordMarkdownToHtml(markdown: string): ForewordResult {
  if (markdown.length > FOREWORD_MAX_LENGTH) return { ok: false, problem: "bookSettings.foreword.tooLong" };
  const tree = unified().use(remarkParse).parse(markdown);
  if (!onlyAllowed(tree)) return { ok: false, problem: "bookSettings.foreword.unsupported" };
  // remark-rehype leaves raw HTML out by default; the check above has refused it already anyway.
  const toHtml = unified().use(remarkRehype).use(rehypeStringify);
  const html = toHtml.stringify(toHtml.runSync(tree));
  return { ok: true, html: sanitizeForewordHtml(html) };
}

/** Foreword HTML reduced to prose; applied on every save, whatever produced the HTML. */
export function sanitizeForewordHtml(html: string): string {
  return sanitize(html, FOREWORD_HTML).trim();
}

function onlyAllowed(node: Nodes): boolean {
  if (!ALLOWED_MARKDOWN.has(node.type)) return false;
  return "children" in node ? node.children.every((child) => onlyAllowed(child as Nodes)) : true;
}

const WRITER = unified().use(remarkStringify, { bullet: "-", emphasis: "*", strong: "*", listItemIndent: "one", resourceLink: true });

/** Stored foreword HTML → the Markdown the settings form shows (inverse of forewordMarkdownToHtml). */
export function forewordHtmlToMarkdown(html: string): string {
  const clean = sanitizeForewordHtml(html);
  if (!clean) return "";
  const window = new Window();
  try {
    const body = window.document.createElement("div");
    body.innerHTML = clean;
    const root: Root = { type: "root", children: blocks(body.childNodes as unknown as Iterable<DomNode>) };
    return WRITER.stringify(root).trimEnd();
  } finally {
    void window.happyDOM.close();
  }
}

/** The part of a DOM node the conversion reads (happy-dom's and the browser's nodes both fit). */
type DomNode = { nodeType: number; nodeName: string; textContent: string | null; childNodes: Iterable<DomNode>; getAttribute?: (name: string) => string | null };

const TEXT_NODE = 3;

function blocks(nodes: Iterable<DomNode>): RootContent[] {
  const result: RootContent[] = [];
  let loose: PhrasingContent[] = [];
  const flush = () => {
    if (loose.some((node) => node.type !== "text" || node.value.trim())) result.push({ type: "paragraph", children: loose });
    loose = [];
  };
  for (const node of nodes) {
    const block = blockOf(node);
    if (block) {
      flush();
      result.push(block);
    } else {
      loose.push(...inline(node));
    }
  }
  flush();
  return result;
}

function blockOf(node: DomNode): BlockContent | null {
  switch (node.nodeName) {
    case "P":
      return { type: "paragraph", children: inlines(node.childNodes) };
    case "BLOCKQUOTE":
      return { type: "blockquote", children: blocks(node.childNodes) as BlockContent[] };
    case "UL":
    case "OL": {
      const items: ListItem[] = [...node.childNodes]
        .filter((child) => child.nodeName === "LI")
        .map((li) => ({ type: "listItem", spread: false, children: blocks(li.childNodes) as BlockContent[] }));
      const start = Number(node.getAttribute?.("start") ?? 1);
      return { type: "list", ordered: node.nodeName === "OL", start: Number.isInteger(start) ? start : 1, spread: false, children: items };
    }
    default:
      return null;
  }
}

function inlines(nodes: Iterable<DomNode>): PhrasingContent[] {
  return [...nodes].flatMap(inline);
}

function inline(node: DomNode): PhrasingContent[] {
  if (node.nodeType === TEXT_NODE) return [{ type: "text", value: (node.textContent ?? "").replace(/\s+/g, " ") }];
  switch (node.nodeName) {
    case "EM":
      return [{ type: "emphasis", children: inlines(node.childNodes) }];
    case "STRONG":
      return [{ type: "strong", children: inlines(node.childNodes) }];
    case "BR":
      return [{ type: "break" }];
    case "A":
      return [{ type: "link", url: node.getAttribute?.("href") ?? "", children: inlines(node.childNodes) }];
    default:
      return inlines(node.childNodes);
  }
}
