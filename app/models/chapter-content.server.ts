import { DOMParser as ProseMirrorParser, DOMSerializer, type Node as ProseMirrorNode } from "@tiptap/pm/model";
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
// A peer dependency of @tiptap/html (its server entry renders with it): a DOM without a browser.
import { Window } from "happy-dom";
import * as Y from "yjs";
import { chapterSchema, FOOTNOTE_ATTRIBUTE } from "#app/common/chapter-schema.ts";
import { chapterPlainText } from "#app/common/chapter-text.ts";
import { CHAPTER_FRAGMENT } from "#app/common/collab.ts";
import { sanitizeChapterHtml } from "#app/utils/sanitize-html.server.ts";

/**
 * A chapter's text in its three forms: the live Yjs document (what the editor and collaboration
 * server hold), the sanitized HTML that reader pages and export show, and plain text for search
 * and word counts. Footnotes are the one structural difference: inline nodes in the document,
 * numbered references plus a notes section in HTML (the shape remark gives Markdown footnotes).
 */

/** Labels of the notes section, in the book's language (Dutch like the Markdown import). */
export type NoteLabels = { heading: string; backLink: (n: number) => string };
const DUTCH_NOTE_LABELS: NoteLabels = { heading: "Noten", backLink: (n) => `Terug naar noot ${n}` };

/** Chapter HTML (any source; it is sanitized first) as a Yjs update holding the document. */
export function htmlToYUpdate(html: string): Uint8Array {
  const doc = htmlToYDoc(html);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

/** Chapter HTML as a fresh Y.Doc with the text in CHAPTER_FRAGMENT. */
export function htmlToYDoc(html: string): Y.Doc {
  const node = htmlToProseMirror(html);
  const doc = new Y.Doc();
  prosemirrorJSONToYXmlFragment(chapterSchema, node.toJSON(), doc.getXmlFragment(CHAPTER_FRAGMENT));
  return doc;
}

/** Chapter HTML as a ProseMirror document of the chapter schema. */
export function htmlToProseMirror(html: string): ProseMirrorNode {
  return withDocument((document) => {
    const body = document.createElement("div");
    body.innerHTML = sanitizeChapterHtml(html);
    inlineFootnotes(body);
    return ProseMirrorParser.fromSchema(chapterSchema).parse(body as unknown as globalThis.Node);
  });
}

/** The document of a Y.Doc as sanitized chapter HTML, footnotes numbered in reading order. */
export function yDocToHtml(doc: Y.Doc, labels: NoteLabels = DUTCH_NOTE_LABELS): string {
  return proseMirrorToHtml(yDocToProseMirror(doc), labels);
}

/** The document of a Y.Doc as a ProseMirror node (content the schema cannot hold is dropped). */
export function yDocToProseMirror(doc: Y.Doc): ProseMirrorNode {
  return yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(CHAPTER_FRAGMENT), chapterSchema);
}

/** A ProseMirror chapter document as sanitized chapter HTML. */
export function proseMirrorToHtml(node: ProseMirrorNode, labels: NoteLabels = DUTCH_NOTE_LABELS): string {
  const html = withDocument((document) => {
    const body = document.createElement("div");
    DOMSerializer.fromSchema(chapterSchema).serializeFragment(
      node.content,
      { document: document as unknown as globalThis.Document },
      body as unknown as HTMLElement,
    );
    separateFootnotes(body, labels);
    tidyTables(body);
    return body.innerHTML;
  });
  return sanitizeChapterHtml(html);
}

/**
 * The plain text of a Y.Doc: one paragraph per block, then the notes in order (as a reader sees
 * them). For search and word counts.
 */
export function yDocToText(doc: Y.Doc): string {
  return chapterPlainText(yDocToProseMirror(doc));
}

type HappyElement = ReturnType<InstanceType<typeof Window>["document"]["createElement"]>;

let sharedWindow: InstanceType<typeof Window> | null = null;

/**
 * Runs `work` with a DOM document that runs no scripts and loads nothing. One window serves every
 * call: making one costs about as much as the rendering itself, on the collaboration server's event
 * loop. `work` is synchronous and builds in a detached element, so calls cannot see each other.
 */
function withDocument<T>(work: (document: InstanceType<typeof Window>["document"]) => T): T {
  sharedWindow ??= new Window({
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
    },
  });
  return work(sharedWindow.document);
}

/**
 * Reader HTML keeps a note's text at the end (`<section data-footnotes>`) and a numbered link
 * where it belongs; the document keeps the text where it belongs. Moves each note's text to its
 * reference and removes the notes section. A note of several paragraphs becomes one.
 */
function inlineFootnotes(body: HappyElement): void {
  const document = body.ownerDocument;
  for (const reference of Array.from(body.querySelectorAll("a[data-footnote-ref]"))) {
    const targetId = decodeURIComponent((reference.getAttribute("href") ?? "").replace(/^#/, ""));
    const item = Array.from(body.querySelectorAll("li[id]")).find((li) => li.getAttribute("id") === targetId);
    const note = document.createElement("span");
    note.setAttribute(FOOTNOTE_ATTRIBUTE, "");
    if (item) {
      const copy = item.cloneNode(true) as HappyElement;
      copy.querySelectorAll("a[data-footnote-backref]").forEach((back) => back.remove());
      const paragraphs = Array.from(copy.querySelectorAll("p"));
      note.innerHTML = (paragraphs.length > 0 ? paragraphs.map((p) => p.innerHTML) : [copy.innerHTML])
        .map((part) => part.trim())
        .join(" ");
    }
    const parent = reference.parentElement;
    const replaced = parent && parent.tagName === "SUP" && parent.childNodes.length === 1 ? parent : reference;
    replaced.replaceWith(note);
  }
  body.querySelectorAll("section[data-footnotes]").forEach((section) => section.remove());
}

/** The inverse of `inlineFootnotes`: numbered references in the text, the notes at the end. */
function separateFootnotes(body: HappyElement, labels: NoteLabels): void {
  const document = body.ownerDocument;
  const notes = Array.from(body.querySelectorAll(`span[${FOOTNOTE_ATTRIBUTE}]`));
  if (notes.length === 0) return;
  const list = document.createElement("ol");
  notes.forEach((note, index) => {
    const n = index + 1;
    const item = document.createElement("li");
    item.setAttribute("id", `user-content-fn-${n}`);
    const paragraph = document.createElement("p");
    paragraph.innerHTML = `${note.innerHTML} `;
    const back = document.createElement("a");
    back.setAttribute("href", `#user-content-fnref-${n}`);
    back.setAttribute("data-footnote-backref", "");
    back.setAttribute("aria-label", labels.backLink(n));
    back.setAttribute("class", "data-footnote-backref");
    back.textContent = "↩";
    paragraph.appendChild(back);
    item.appendChild(paragraph);
    list.appendChild(item);

    const sup = document.createElement("sup");
    const reference = document.createElement("a");
    reference.setAttribute("href", `#user-content-fn-${n}`);
    reference.setAttribute("id", `user-content-fnref-${n}`);
    reference.setAttribute("data-footnote-ref", "");
    reference.setAttribute("aria-describedby", "footnote-label");
    reference.textContent = String(n);
    sup.appendChild(reference);
    note.replaceWith(sup);
  });
  const section = document.createElement("section");
  section.setAttribute("data-footnotes", "");
  section.setAttribute("class", "footnotes");
  const heading = document.createElement("h2");
  heading.setAttribute("class", "sr-only");
  heading.setAttribute("id", "footnote-label");
  heading.textContent = labels.heading;
  section.appendChild(heading);
  section.appendChild(list);
  body.appendChild(section);
}

/**
 * Tiptap keeps every row in <tbody> and writes colspan/rowspan="1" on every cell; readers and
 * screen readers expect header rows in <thead>, and the defaults are noise.
 */
function tidyTables(body: HappyElement): void {
  const document = body.ownerDocument;
  for (const cell of Array.from(body.querySelectorAll("td, th"))) {
    for (const name of ["colspan", "rowspan"]) if (cell.getAttribute(name) === "1") cell.removeAttribute(name);
  }
  for (const table of Array.from(body.querySelectorAll("table"))) {
    const tbody = table.querySelector("tbody");
    if (!tbody || table.querySelector("thead")) continue;
    const headerRows: HappyElement[] = [];
    for (const row of Array.from(tbody.children)) {
      const cells = Array.from(row.children);
      if (cells.length === 0 || !cells.every((cell) => cell.tagName === "TH")) break;
      headerRows.push(row as HappyElement);
    }
    if (headerRows.length === 0) continue;
    const thead = document.createElement("thead");
    headerRows.forEach((row) => thead.appendChild(row));
    table.insertBefore(thead, tbody);
    if (tbody.children.length === 0) tbody.remove();
  }
}
