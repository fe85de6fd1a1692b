import { Document, isMap, isSeq, type Scalar } from "yaml";
import type { BookFile, ChapterFrontMatter } from "./book-files.ts";

/**
 * Writes book.yaml and chapter files in the one layout readBookFiles reads, with keys in a fixed
 * order and lists of names on one line, so an export of an unchanged book is byte-identical.
 */

/** book.yaml for a book: metadata, then the parts with their chapter files in order. */
export function formatBookFile(book: BookFile): string {
  const fields: Record<string, unknown> = { slug: book.slug, title: book.title };
  if (book.subtitle) fields.subtitle = book.subtitle;
  fields.language = book.language;
  if (book.publisher) fields.publisher = book.publisher;
  if (book.year !== undefined) fields.year = book.year;
  if (book.blurb) fields.blurb = book.blurb.endsWith("\n") ? book.blurb : `${book.blurb}\n`;
  fields.parts = book.parts.map((part) => ({ slug: part.slug, title: part.title, chapters: part.chapters }));
  const document = new Document(fields);
  // Each part's list of chapter files on one line, as a reader would write it by hand.
  const parts = document.get("parts");
  if (isSeq(parts)) {
    for (const part of parts.items) {
      const chapters = isMap(part) ? part.get("chapters", true) : null;
      if (isSeq(chapters)) chapters.flow = true;
    }
  }
  return stringify(document);
}

/** A chapter file: YAML front matter between --- lines, a blank line, the Markdown body. */
export function formatChapterFile(meta: ChapterFrontMatter, body: string): string {
  const document = new Document({
    title: meta.title,
    slug: meta.slug,
    ...(meta.summary ? { summary: meta.summary } : {}),
    organisations: meta.organisations,
    authors: meta.authors,
    state: meta.state,
  });
  for (const key of ["organisations", "authors"]) {
    const list = document.get(key, true);
    if (isSeq(list)) list.flow = true;
  }
  return `---\n${stringify(document)}---\n${body ? `\n${body}` : ""}`;
}

function stringify(document: Document): string {
  // Long lines stay long: folding a title or summary over lines would be noise in a diff.
  return document.toString({ lineWidth: 0, flowCollectionPadding: false, defaultStringType: "PLAIN", defaultKeyType: "PLAIN" } as Parameters<Document["toString"]>[0]);
}

export type { Scalar };
