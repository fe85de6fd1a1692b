import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { isChapterStatus } from "#app/common/chapter-status.ts";
import type { ChapterJson } from "#app/common/chapter-schema.ts";
import { readImage } from "#app/models/images.server.ts";
import { db } from "#app/utils/db.server.ts";
import type { BookFile } from "./book-files.ts";
import { documentToMarkdown } from "./document-to-markdown.ts";
import { formatBookFile, formatChapterFile } from "./format-book-files.ts";
import { readStoredDocument } from "./stored-document.ts";

/** Images of a part are written next to its chapters, in this folder. */
export const IMAGES_FOLDER = "images";

/** A chapter file's name without `.md`: its position and slug, `03-de-gereedschapskist`. */
export const chapterStem = (position: number, slug: string) => `${String(position).padStart(2, "0")}-${slug}`;

export type ExportResult = { bookSlug: string; files: string[] };

/**
 * Writes a book's current content to `outDir` in the chapters/ layout: book.yaml, one Markdown
 * file per chapter under its part's folder, and the images chapters use under `<part>/images/`
 * (named by their content hash, as Kapittel stores them). Files of chapters that no longer exist
 * are left alone: export writes, it never deletes.
 */
export async function exportBook({ outDir, bookSlug }: { outDir: string; bookSlug?: string }): Promise<ExportResult> {
  const book = await db.book.findFirst({
    where: bookSlug ? { slug: bookSlug } : {},
    orderBy: { createdAt: "asc" },
    include: {
      parts: {
        orderBy: { position: "asc" },
        include: {
          chapters: {
            orderBy: [{ position: "asc" }, { slug: "asc" }],
            include: {
              organisations: { orderBy: { position: "asc" }, include: { organisation: { select: { slug: true } } } },
              authors: { orderBy: { position: "asc" }, include: { user: { select: { email: true } } } },
            },
          },
        },
      },
    },
  });
  if (!book) throw new Error(bookSlug ? `There is no book with slug "${bookSlug}"` : "There is no book to export");

  const files: string[] = [];
  const write = async (relative: string, content: string | Uint8Array) => {
    const target = path.join(outDir, relative);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, content);
    files.push(relative);
  };

  const bookFile: BookFile = {
    slug: book.slug,
    title: book.title,
    subtitle: book.subtitle,
    language: book.language,
    publisher: book.publisher || undefined,
    year: book.year ?? undefined,
    blurb: book.blurb,
    parts: book.parts.map((part) => ({
      slug: part.slug,
      title: part.title,
      chapters: part.chapters.map((chapter, index) => chapterStem(index + 1, chapter.slug)),
    })),
  };
  await write("book.yaml", formatBookFile(bookFile));

  for (const part of book.parts) {
    for (const [index, chapter] of part.chapters.entries()) {
      const images = new Map<string, Uint8Array>();
      const document = (await readStoredDocument(chapter.id)).toJSON() as ChapterJson;
      const body = documentToMarkdown(document, {
        imageReference: (src) => {
          const name = /^\/uploads\/([^/?#]+)$/.exec(src)?.[1];
          if (!name) return src; // an image elsewhere on the web stays a link to it
          images.set(name, new Uint8Array());
          return `${IMAGES_FOLDER}/${name}`;
        },
      });
      for (const name of images.keys()) {
        const image = await readImage(name);
        if (!image) throw new Error(`Chapter "${chapter.slug}" uses image ${name}, which is missing from the uploads folder`);
        await write(path.join(part.slug, IMAGES_FOLDER, name), image.bytes);
      }
      const state = isChapterStatus(chapter.status) ? chapter.status : "draft";
      const meta = {
        title: chapter.title,
        slug: chapter.slug,
        summary: chapter.summary,
        organisations: chapter.organisations.map((link) => link.organisation.slug),
        authors: chapter.authors.map((link) => link.user.email),
        state,
      };
      await write(path.join(part.slug, `${chapterStem(index + 1, chapter.slug)}.md`), formatChapterFile(meta, body));
    }
  }
  return { bookSlug: book.slug, files };
}
