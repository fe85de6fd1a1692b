import type { ChapterJson } from "#app/common/chapter-schema.ts";
import { htmlToProseMirror } from "#app/models/chapter-content.server.ts";
import { readImage } from "#app/models/images.server.ts";
import type { Manuscript } from "#server/export/manuscript.ts";
import type { ExportProgress } from "#server/export/progress.ts";
import { bookSource, chapterSource, documentTitle } from "./book-source.ts";
import { compileTypst, TypstError } from "./typst-compiler.ts";

/**
 * The print-ready PDF of a book: the manuscript as Typst source (book-source.ts), compiled by a
 * warm Typst compiler in a worker thread (typst-compiler.ts), tagged and declared PDF/UA-1, set in
 * EB Garamond only. See docs/decisions/015-pdf-with-typst.md.
 */
export async function renderPdf(m: Manuscript, progress?: ExportProgress): Promise<Uint8Array> {
  progress?.(0, "exports.step.preparing");
  const foreword = m.book.forewordHtml.trim() ? (htmlToProseMirror(m.book.forewordHtml).toJSON() as ChapterJson) : null;
  const images = await loadImages(m, foreword);
  const imagePath = (src: string) => {
    const name = uploadName(src);
    return name && images.has(imagePathOf(name)) ? imagePathOf(name) : null;
  };

  const total = m.parts.reduce((sum, part) => sum + part.chapters.length, 0);
  let done = 0;
  progress?.(10, "exports.step.chapters");
  const chapters: string[][] = [];
  for (const part of m.parts) {
    const sources: string[] = [];
    for (const chapter of part.chapters) {
      done++;
      sources.push(chapterSource(chapter, done, m, imagePath));
      progress?.(10 + Math.round((30 * done) / Math.max(total, 1)), "exports.step.chapters");
    }
    chapters.push(sources);
  }

  progress?.(40, "exports.step.assembling");
  const date = m.edition?.frozenAt ?? new Date();
  const source = bookSource({ manuscript: m, chapters, foreword, imagePath, date });
  const result = await compileTypst({ source, files: images, pdfStandard: "ua-1" });

  progress?.(90, "exports.step.checking");
  const header = new TextDecoder().decode(result.pdf.subarray(0, 5));
  if (header !== "%PDF-" || result.pages < 1 || result.title !== documentTitle(m)) {
    throw new TypstError([`unexpected output (${result.pages} pages, title ${JSON.stringify(result.title)})`]);
  }
  progress?.(100, "exports.step.checking");
  return result.pdf;
}

const UPLOAD = /^\/uploads\/([0-9a-f]{64}\.(?:png|jpg|gif|webp))$/;

function uploadName(src: string): string | null {
  return UPLOAD.exec(src)?.[1] ?? null;
}

// Images live under /images/ in the compiler's virtual file system; the name is a content hash
// checked by UPLOAD, so a path can never point anywhere else.
function imagePathOf(name: string): string {
  return `/images/${name}`;
}

/** The bytes of every stored image the book shows (cover, chapters, foreword), by Typst path. */
async function loadImages(m: Manuscript, foreword: ChapterJson | null): Promise<Map<string, Uint8Array>> {
  const names = new Set<string>();
  if (m.book.coverImage) names.add(m.book.coverImage);
  const visit = (node: ChapterJson) => {
    if (node.type === "image") {
      const name = uploadName(String(node.attrs?.src ?? ""));
      if (name) names.add(name);
    }
    node.content?.forEach(visit);
  };
  for (const part of m.parts) for (const chapter of part.chapters) visit(chapter.doc);
  if (foreword) visit(foreword);
  const files = new Map<string, Uint8Array>();
  for (const name of names) {
    const image = UPLOAD.test(`/uploads/${name}`) ? await readImage(name) : null;
    if (image) files.set(imagePathOf(name), new Uint8Array(image.bytes));
  }
  return files;
}
