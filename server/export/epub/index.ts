import { readImage } from "#app/models/images.server.ts";
import type { Manuscript } from "../manuscript.ts";
import type { ExportProgress } from "../progress.ts";
import { chapterBody, imageSources, type ChapterBodyStats } from "./chapter-xhtml.ts";
import type { ChapterAstContext } from "./chapter-ast.ts";
import { zipEpub, type EpubFile } from "./container.ts";
import { generatedCoverSvg } from "./cover-image.ts";
import { forewordXhtml } from "./foreword.ts";
import { colophonBody, coverBody, FONT_LICENCE_FILE, forewordBody, partBody, titlePageBody } from "./front-matter.ts";
import { fontLicenceBody, partnersBody, toolsBody } from "./back-matter.ts";
import { epubLabels } from "./labels.ts";
import { navBody, type Landmark, type TocEntry } from "./nav.ts";
import { CONTAINER_XML, packageDocument, type ManifestItem, type SpineItem } from "./package-document.ts";
import { assertNoActiveContent } from "./safety.ts";
import { bookFonts, stylesheet } from "./typography.ts";
import { EPUB_ROOT, STYLESHEET, xhtmlDocument } from "./xhtml.ts";

/**
 * The book as an EPUB 3 that passes epubcheck and DAISY Ace: cover, title page, colophon,
 * contents, foreword, parts and one file per chapter, back matter, EB Garamond embedded.
 *
 * Chapters are converted separately (pandoc-wasm writes each chapter's XHTML from a Pandoc AST
 * built from its document, on two worker threads, reusing chapters that did not change) and the
 * container is assembled here, because one pandoc call for the whole book redoes everything on
 * every export (docs/decisions/014-epub-export.md).
 */
export async function renderEpub(m: Manuscript, progress: ExportProgress = () => {}, stats?: ChapterBodyStats): Promise<Uint8Array> {
  progress(0, "exports.step.preparing");
  const { book } = m;
  const labels = epubLabels(book.language);
  const now = new Date();
  const modified = m.edition?.frozenAt ?? now;

  const files: EpubFile[] = [];
  const manifest: ManifestItem[] = [];
  const spine: SpineItem[] = [];
  const addResource = (item: ManifestItem, bytes: Uint8Array | string) => {
    manifest.push(item);
    files.push({ path: `${EPUB_ROOT}/${item.href}`, data: bytes });
  };
  const addDocument = (id: string, title: string, body: string, options: { bodyType?: string; linear?: boolean; properties?: string } = {}) => {
    const href = `text/${id}.xhtml`;
    addResource({ id, href, mediaType: "application/xhtml+xml", properties: options.properties }, xhtmlDocument({ language: book.language, title, body, bodyType: options.bodyType }));
    spine.push({ id, linear: options.linear ?? true });
    return `${id}.xhtml`;
  };

  // Images: each uploaded image once, whatever number of chapters show it.
  const images = await chapterImages(m);
  const chapterContext: ChapterAstContext = {
    labels,
    tools: m.tools,
    imagePath: (src) => {
      const image = images.get(src);
      return image ? `../${image.href}` : null;
    },
  };
  const forewordPromise = book.forewordHtml.trim() ? forewordXhtml(book.forewordHtml) : Promise.resolve("");

  // Chapters go to the pandoc pool all at once; the pool runs as many as it has threads.
  const chapters = m.parts.flatMap((part) => part.chapters);
  let done = 0;
  progress(5, "exports.step.chapters");
  const bodies = await Promise.all(
    chapters.map(async (chapter) => {
      const body = await chapterBody(chapter, book.language, chapterContext, stats);
      done += 1;
      progress(5 + Math.round((done / Math.max(1, chapters.length)) * 80), "exports.step.chapters");
      return body;
    }),
  );
  const foreword = await forewordPromise;

  progress(87, "exports.step.assembling");
  const { fonts, licence } = bookFonts();
  addResource({ id: "css", href: STYLESHEET, mediaType: "text/css" }, stylesheet(fonts));
  fonts.forEach((font, i) => addResource({ id: `font-${i + 1}`, href: font.file, mediaType: "font/ttf" }, font.bytes));
  let imageNumber = 0;
  for (const image of new Set(images.values())) addResource({ id: `image-${++imageNumber}`, href: image.href, mediaType: image.contentType }, image.bytes);

  const cover = await coverImage(m);
  addResource({ id: "cover-image", href: cover.href, mediaType: cover.contentType, properties: "cover-image" }, cover.bytes);
  const coverAlt = labels.coverAlt([book.title, book.subtitle].filter(Boolean).join(": "));
  const coverFile = addDocument("cover", labels.cover, coverBody(`../${cover.href}`, coverAlt), { bodyType: "frontmatter" });
  const titleFile = addDocument("title-page", labels.titlePage, titlePageBody(m, labels), { bodyType: "frontmatter" });
  addDocument("colophon", labels.colophon, colophonBody(m, labels, now), { bodyType: "frontmatter" });
  const navIndex = spine.length;
  const toc: TocEntry[] = [];
  if (foreword) toc.push({ title: labels.foreword, href: addDocument("foreword", labels.foreword, forewordBody(foreword, labels), { bodyType: "frontmatter" }) });

  let firstBodyFile = "";
  let chapterNumber = 0;
  m.parts.forEach((part, p) => {
    const partFile = addDocument(`part-${p + 1}`, part.title, partBody(part.title, p + 1, labels), { bodyType: "bodymatter" });
    firstBodyFile ||= partFile;
    const children = part.chapters.map((chapter) => {
      const id = `chapter-${String(++chapterNumber).padStart(3, "0")}`;
      return { title: chapter.title, href: addDocument(id, chapter.title, bodies[chapterNumber - 1]!, { bodyType: "bodymatter" }) };
    });
    toc.push({ title: `${labels.part(p + 1)}. ${part.title}`, href: partFile, children });
  });

  if (m.partners.length > 0) toc.push({ title: labels.partners, href: addDocument("partners", labels.partners, partnersBody(m, labels), { bodyType: "backmatter" }) });
  const tools = Object.values(m.tools).sort((a, b) => a.name.localeCompare(b.name, book.language));
  if (tools.length > 0) toc.push({ title: labels.tools, href: addDocument("tools", labels.tools, toolsBody(tools, labels), { bodyType: "backmatter" }) });
  // Reached from the colophon's link, outside the reading order.
  addDocument(FONT_LICENCE_FILE.replace(/\.xhtml$/, ""), labels.fontLicence, fontLicenceBody(licence, labels), { bodyType: "backmatter", linear: false });

  // The nav is both the reading systems' table of contents and a page in the book, after the colophon.
  const landmarks: Landmark[] = [
    { type: "cover", title: labels.cover, href: coverFile },
    { type: "titlepage", title: labels.titlePage, href: titleFile },
    { type: "toc", title: labels.contents, href: "nav.xhtml#toc" },
    ...(firstBodyFile ? [{ type: "bodymatter", title: labels.startOfBook, href: firstBodyFile }] : []),
  ];
  addResource({ id: "nav", href: "text/nav.xhtml", mediaType: "application/xhtml+xml", properties: "nav" }, xhtmlDocument({ language: book.language, title: labels.contents, body: navBody(toc, landmarks, labels), bodyType: "frontmatter" }));
  spine.splice(navIndex, 0, { id: "nav", linear: true });

  const opf = packageDocument({ m, labels, modified, hasImages: images.size > 0, manifest, spine });
  files.push({ path: `${EPUB_ROOT}/content.opf`, data: opf }, { path: "META-INF/container.xml", data: CONTAINER_XML });

  progress(95, "exports.step.checking");
  assertNoActiveContent(files);
  const epub = zipEpub(files, modified);
  progress(100, "exports.step.checking");
  return epub;
}

type EpubImage = { href: string; contentType: string; bytes: Uint8Array };

/** Every uploaded image the chapters show, by its `src`; images that cannot be read are left out. */
async function chapterImages(m: Manuscript): Promise<Map<string, EpubImage>> {
  const sources = new Set(m.parts.flatMap((part) => part.chapters.flatMap((chapter) => imageSources(chapter.doc))));
  const images = new Map<string, EpubImage>();
  for (const src of sources) {
    const name = /^\/uploads\/([^/?#]+)$/.exec(src)?.[1];
    const image = name ? await readImage(name) : null;
    if (image && name) images.set(src, { href: `images/${name}`, contentType: image.contentType, bytes: new Uint8Array(image.bytes) });
  }
  return images;
}

/** The uploaded cover image, or a generated one with the title. */
async function coverImage(m: Manuscript): Promise<EpubImage> {
  const stored = m.book.coverImage ? await readImage(m.book.coverImage) : null;
  if (stored) {
    const extension = m.book.coverImage!.split(".").pop();
    return { href: `images/cover.${extension}`, contentType: stored.contentType, bytes: new Uint8Array(stored.bytes) };
  }
  return { href: "images/cover.svg", contentType: "image/svg+xml", bytes: new TextEncoder().encode(generatedCoverSvg(m.book)) };
}
