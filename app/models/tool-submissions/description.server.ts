import { Window } from "happy-dom";
import type { Nodes as MdastNodes, PhrasingContent, Root, RootContent } from "mdast";
import rehypeStringify from "rehype-stringify";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import remarkStringify from "remark-stringify";
import sanitize from "sanitize-html";
import { unified } from "unified";
import { sanitizeChapterHtml } from "#app/utils/sanitize-html.server.ts";

/**
 * A submitted tool's description: people type plain text or a little Markdown (paragraphs, line
 * breaks, **bold**, *italic*, [links](https://…), lists); the tool stores sanitized HTML like the
 * demo tools. HTML typed into the text is kept as visible text, never as markup. The update-by-link
 * form needs the text back, so the HTML can be turned into the same Markdown again.
 */

const DESCRIPTION_HTML: sanitize.IOptions = {
  allowedTags: ["p", "br", "strong", "em", "a", "ul", "ol", "li"],
  allowedAttributes: { a: ["href"], ol: ["start"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
};

/** Rewrites the Markdown tree into the subset: raw HTML becomes text, headings bold paragraphs, line breaks stay. */
function toSubset() {
  return (tree: Root) => {
    const visit = (node: MdastNodes): MdastNodes[] => {
      switch (node.type) {
        case "html":
          return [{ type: "text", value: node.value }];
        case "heading":
          return [{ type: "paragraph", children: [{ type: "strong", children: node.children.flatMap(visit) as PhrasingContent[] }] }];
        case "code":
          return [{ type: "paragraph", children: [{ type: "text", value: node.value }] }];
        case "inlineCode":
          return [{ type: "text", value: node.value }];
        case "image":
          return node.alt ? [{ type: "text", value: node.alt }] : [];
        case "thematicBreak":
          return [];
        case "text":
          // People who type plain text mean their line breaks.
          return node.value.split("\n").flatMap((line, index) => (index === 0 ? [{ type: "text", value: line }] : [{ type: "break" }, { type: "text", value: line }])) as MdastNodes[];
        default:
          if ("children" in node) (node as { children: MdastNodes[] }).children = node.children.flatMap(visit);
          return [node];
      }
    };
    tree.children = tree.children.flatMap(visit) as RootContent[];
  };
}

const toHtml = unified().use(remarkParse).use(toSubset).use(remarkRehype).use(rehypeStringify);

/** Plain text or Markdown → the sanitized HTML a tool's description holds. */
export function descriptionToHtml(markdown: string): string {
  const html = String(toHtml.processSync(markdown.replace(/\r\n?/g, "\n")));
  // Twice over: our subset first, then the rules every piece of shown HTML passes.
  return sanitizeChapterHtml(sanitize(html, DESCRIPTION_HTML)).trim();
}

const toMarkdown = unified().use(remarkStringify, { bullet: "-", emphasis: "*", strong: "*", listItemIndent: "one", resourceLink: true });

/** A description's HTML as Markdown again, for editing (the inverse of descriptionToHtml, for its subset). */
export function descriptionToMarkdown(html: string): string {
  const window = new Window({ settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
  try {
    const container = window.document.createElement("div");
    container.innerHTML = sanitize(html, DESCRIPTION_HTML);
    const tree: Root = { type: "root", children: blocks(container.childNodes as unknown as ArrayLike<DomNode>) };
    return String(toMarkdown.stringify(tree)).trim();
  } finally {
    void window.happyDOM.close();
  }
}

type DomNode = { nodeType: number; nodeName: string; textContent: string | null; childNodes: ArrayLike<DomNode>; getAttribute?: (name: string) => string | null };

function blocks(nodes: ArrayLike<DomNode>): RootContent[] {
  const result: RootContent[] = [];
  let loose: PhrasingContent[] = [];
  const flush = () => {
    if (loose.some((node) => node.type !== "text" || node.value.trim())) result.push({ type: "paragraph", children: loose });
    loose = [];
  };
  for (const node of Array.from(nodes)) {
    const name = node.nodeName.toLowerCase();
    if (name === "p") {
      flush();
      result.push({ type: "paragraph", children: inline(node.childNodes) });
    } else if (name === "ul" || name === "ol") {
      flush();
      const items = Array.from(node.childNodes).filter((child) => child.nodeName.toLowerCase() === "li");
      result.push({
        type: "list",
        ordered: name === "ol",
        spread: false,
        children: items.map((item) => ({ type: "listItem", spread: false, children: blocks(item.childNodes) as never })),
      });
    } else {
      loose.push(...inline([node]));
    }
  }
  flush();
  return result;
}

function inline(nodes: ArrayLike<DomNode>): PhrasingContent[] {
  return Array.from(nodes).flatMap((node): PhrasingContent[] => {
    // The line break after a <br> is the serializer's, not the writer's.
    if (node.nodeType === 3) return [{ type: "text", value: (node.textContent ?? "").replace(/^\n+/, "").replace(/\n/g, " ") }];
    const name = node.nodeName.toLowerCase();
    if (name === "br") return [{ type: "break" }];
    if (name === "strong") return [{ type: "strong", children: inline(node.childNodes) }];
    if (name === "em") return [{ type: "emphasis", children: inline(node.childNodes) }];
    if (name === "a") {
      const href = node.getAttribute?.("href");
      return href ? [{ type: "link", url: href, children: inline(node.childNodes) }] : inline(node.childNodes);
    }
    return inline(node.childNodes);
  });
}
