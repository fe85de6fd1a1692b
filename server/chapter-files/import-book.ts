import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { prosemirrorJSONToYXmlFragment } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { chapterSchema, type ChapterJson } from "#app/common/chapter-schema.ts";
import { CHAPTER_FRAGMENT } from "#app/common/collab.ts";
import { replaceDocumentContent } from "#app/models/chapter-document-edit.server.ts";
import { proseMirrorToHtml } from "#app/models/chapter-content.server.ts";
import { detectImageType, imageUrl, MAX_IMAGE_BYTES, storeImage, type ImageType } from "#app/models/images.server.ts";
import { chapterPlainText } from "#app/common/chapter-text.ts";
import { db, type Db, type DbTransaction } from "#app/utils/db.server.ts";
import { BookFileError, frontMatterLine, readBookFiles, type BookFiles, type ChapterFile } from "./book-files.ts";
import { documentToMarkdown } from "./document-to-markdown.ts";
import { MarkdownContentError, markdownToDocument } from "./markdown-to-document.ts";
import { readStoredDocument } from "./stored-document.ts";

/** Runs a change on a chapter's live document (the collaboration service's withDocument). */
export type DocumentEditor = { withDocument: <T>(chapterId: string, fn: (doc: Y.Doc) => T) => Promise<T | null> };

/** What an import did, or would do in a dry run. */
export type ImportReport = {
  bookSlug: string;
  bookCreated: boolean;
  /** Chapter files that became new chapters. */
  created: string[];
  /** Chapter files whose chapter changed, with what changed. */
  updated: { file: string; changes: string[] }[];
  unchanged: number;
  /** Chapters of the book that have no file: kept (import never deletes), listed so nobody is surprised. */
  notInFiles: string[];
  /** Differences import reports but does not apply (a chapter's state changes only through the review workflow). */
  notes: string[];
};

type ChapterPlan = {
  file: ChapterFile;
  document: ProseMirrorNode;
  /** The body as export would write it, to tell whether the content changed. */
  canonicalBody: string;
  partSlug: string;
  organisationIds: string[];
  authorIds: string[];
  existing: { id: string; changes: string[]; contentChanged: boolean } | null;
};

type ImagePlan = { bytes: Uint8Array; type: ImageType };

/**
 * Reads the chapters/ folder and brings Kapittel in line with it: creates missing chapters and
 * parts, updates changed ones. Everything is read and checked first; a single problem (broken
 * front matter, an unknown organisation, a missing image, a path out of the folder…) throws a
 * BookFileError naming the file and line, before anything is written. The database changes are
 * one transaction. Changed content is then applied to each chapter's live document as an edit
 * (`editor`), so people writing at that moment keep their cursors and their typing.
 */
export async function importBook(options: { directory: string; dryRun?: boolean; editor?: DocumentEditor }): Promise<ImportReport> {
  const files = await readBookFiles(options.directory);
  const images = new Map<string, ImagePlan>();
  const plan = await planImport(files, options.directory, images);
  if (options.dryRun) return plan.report;
  if (plan.report.updated.some((update) => update.changes.includes("content")) && !options.editor) {
    throw new Error("Changing existing chapters needs the collaboration service (run the import through the server)");
  }
  for (const image of images.values()) await storeImage(image.bytes, image.type);
  await db.$transaction((tx) => applyToDatabase(tx, files, plan.chapters), { timeout: 60_000 });
  for (const chapter of plan.chapters) {
    if (!chapter.existing?.contentChanged) continue;
    await options.editor!.withDocument(chapter.existing.id, (doc) => replaceDocumentContent(doc, chapter.document));
  }
  return plan.report;
}

/** Creates a book from files in an empty database (the demo seed), inside the caller's transaction. */
export async function createBookFromFiles(tx: DbTransaction, directory: string): Promise<void> {
  const files = await readBookFiles(directory);
  const images = new Map<string, ImagePlan>();
  const plan = await planImport(files, directory, images, tx);
  for (const image of images.values()) await storeImage(image.bytes, image.type);
  await applyToDatabase(tx, files, plan.chapters);
}

async function planImport(files: BookFiles, directory: string, images: Map<string, ImagePlan>, client: Pick<Db, "book" | "organisation" | "user" | "tool"> = db) {
  const [organisations, users, book, tools] = await Promise.all([
    client.organisation.findMany({ select: { id: true, slug: true } }),
    client.user.findMany({ select: { id: true, email: true } }),
    client.book.findUnique({
      where: { slug: files.book.slug },
      include: {
        parts: { select: { id: true, slug: true } },
        chapters: {
          include: {
            organisations: { orderBy: { position: "asc" }, select: { organisationId: true } },
            authors: { orderBy: { position: "asc" }, select: { userId: true } },
          },
        },
      },
    }),
    client.tool.findMany({ select: { slug: true } }),
  ]);
  const toolSlugs = new Set(tools.map((tool) => tool.slug));
  const organisationIds = new Map(organisations.map((o) => [o.slug, o.id]));
  const userIds = new Map(users.map((u) => [u.email.toLowerCase(), u.id]));
  const partSlugById = new Map(book?.parts.map((p) => [p.id, p.slug]));
  const existingBySlug = new Map(book?.chapters.map((c) => [c.slug, c]));

  const report: ImportReport = {
    bookSlug: files.book.slug,
    bookCreated: !book,
    created: [],
    updated: [],
    unchanged: 0,
    notInFiles: [],
    notes: [],
  };
  const chapters: ChapterPlan[] = [];
  for (const file of files.chapters) {
    const document = readChapterDocument(file, directory, images, toolSlugs);
    const canonicalBody = documentToMarkdown(document.toJSON() as ChapterJson, { imageReference: (src) => src });
    const ids = (values: string[], known: Map<string, string>, what: string) =>
      values.map((value) => {
        const id = known.get(value.toLowerCase()) ?? known.get(value);
        if (!id) throw new BookFileError(file.file, `unknown ${what} "${value}"`, frontMatterLine(file, value));
        return id;
      });
    const organisationIdsOfFile = ids(file.organisations, organisationIds, "organisation");
    const authorIds = ids(file.authors, userIds, "author (no account with that e-mail address)");
    const current = existingBySlug.get(file.slug);
    let existing: ChapterPlan["existing"] = null;
    if (current) {
      const changes: string[] = [];
      if (current.title !== file.title) changes.push("title");
      if (current.summary !== file.summary) changes.push("summary");
      if (partSlugById.get(current.partId) !== file.partSlug) changes.push("part");
      if (current.position !== file.position) changes.push("position");
      if (current.organisations.map((o) => o.organisationId).join() !== organisationIdsOfFile.join()) changes.push("organisations");
      if (current.authors.map((a) => a.userId).join() !== authorIds.join()) changes.push("authors");
      const stored = (await readStoredDocument(current.id)).toJSON() as ChapterJson;
      const contentChanged = documentToMarkdown(stored, { imageReference: (src) => src }) !== canonicalBody;
      if (contentChanged) changes.push("content");
      if (current.status !== file.state) {
        report.notes.push(`${file.file}: state is "${current.status}" in Kapittel and "${file.state}" in the file; import leaves it (states change through review)`);
      }
      if (changes.length > 0) report.updated.push({ file: file.file, changes });
      else report.unchanged += 1;
      existing = { id: current.id, changes, contentChanged };
    } else {
      report.created.push(file.file);
    }
    chapters.push({ file, document, canonicalBody, partSlug: file.partSlug, organisationIds: organisationIdsOfFile, authorIds, existing });
  }
  const inFiles = new Set(files.chapters.map((c) => c.slug));
  report.notInFiles = [...existingBySlug.keys()].filter((slug) => !inFiles.has(slug));
  return { report, chapters };
}

/** The chapter's Markdown as a checked document; images are read, checked and queued for storing. */
function readChapterDocument(file: ChapterFile, directory: string, images: Map<string, ImagePlan>, toolSlugs: ReadonlySet<string>): ProseMirrorNode {
  const fileLine = (line: number | undefined) => (line === undefined ? undefined : file.bodyLine + line - 1);
  try {
    const json = markdownToDocument(file.markdown, {
      imageSource: (reference, line) => {
        const fail = (message: string): never => {
          throw new BookFileError(file.file, message, fileLine(line));
        };
        if (/^[a-z][a-z0-9+.-]*:/i.test(reference) || reference.startsWith("/")) {
          fail(`image "${reference}": use a file next to the chapter (images/…), not an address or an absolute path`);
        }
        const target = path.resolve(path.dirname(file.file), decodeURIComponent(reference));
        const relative = path.relative(path.resolve(directory), target);
        if (relative.startsWith("..") || path.isAbsolute(relative)) fail(`image "${reference}" is outside the book folder`);
        let bytes: Uint8Array;
        try {
          if (statSync(target).size > MAX_IMAGE_BYTES) fail(`image "${reference}" is larger than ${MAX_IMAGE_BYTES / 1024 / 1024} MB`);
          bytes = readFileSync(target);
        } catch (error) {
          if (error instanceof BookFileError) throw error;
          return fail(`image "${reference}" does not exist`);
        }
        const type = detectImageType(bytes);
        if (!type) fail(`image "${reference}" is not a PNG, JPEG, GIF or WebP image`);
        const name = `${createHash("sha256").update(bytes).digest("hex")}.${type!.extension}`;
        images.set(name, { bytes, type: type! });
        return imageUrl(name);
      },
      toolReference: (slug, line) => {
        if (!toolSlugs.has(slug)) throw new BookFileError(file.file, `tool reference [[tool:${slug}]]: there is no tool "${slug}" in the toolbox`, fileLine(line));
      },
    });
    const node = chapterSchema.nodeFromJSON(json);
    node.check();
    return node;
  } catch (error) {
    if (error instanceof BookFileError) throw error;
    if (error instanceof MarkdownContentError) throw new BookFileError(file.file, error.message, fileLine(error.line));
    throw new BookFileError(file.file, `the content does not fit a chapter: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function applyToDatabase(tx: DbTransaction, files: BookFiles, chapters: ChapterPlan[]): Promise<void> {
  const { book } = files;
  const bookData = {
    title: book.title,
    subtitle: book.subtitle,
    blurb: book.blurb.trim(),
    language: book.language,
    publisher: book.publisher ?? "",
    year: book.year ?? null,
  };
  const { id: bookId } = await tx.book.upsert({ where: { slug: book.slug }, create: { slug: book.slug, ...bookData }, update: bookData });
  const partIds = new Map<string, string>();
  for (const [index, part] of book.parts.entries()) {
    const { id } = await tx.part.upsert({
      where: { bookId_slug: { bookId, slug: part.slug } },
      create: { bookId, slug: part.slug, title: part.title, position: index + 1 },
      update: { title: part.title, position: index + 1 },
    });
    partIds.set(part.slug, id);
  }
  for (const chapter of chapters) {
    const { file } = chapter;
    const partId = partIds.get(chapter.partSlug)!;
    const credits = {
      organisations: { create: chapter.organisationIds.map((organisationId, position) => ({ organisationId, position })) },
      authors: { create: chapter.authorIds.map((userId, position) => ({ userId, position })) },
    };
    const fields = { title: file.title, summary: file.summary, partId, position: file.position };
    if (!chapter.existing) {
      const { docState, html, text } = renderNewDocument(chapter.document);
      await tx.chapter.create({
        data: { bookId, slug: file.slug, status: file.state, ...fields, docState, bodyHtml: html, bodyText: text, ...credits },
      });
    } else if (chapter.existing.changes.some((change) => change !== "content")) {
      const { id } = chapter.existing;
      await tx.chapterOrganisation.deleteMany({ where: { chapterId: id } });
      await tx.chapterAuthor.deleteMany({ where: { chapterId: id } });
      await tx.chapter.update({ where: { id }, data: { ...fields, ...credits } });
    }
  }
}

/** A new chapter's first Yjs state, with the HTML and text reader pages and search use. */
function renderNewDocument(node: ProseMirrorNode): { docState: Uint8Array<ArrayBuffer>; html: string; text: string } {
  const doc = new Y.Doc();
  try {
    prosemirrorJSONToYXmlFragment(chapterSchema, node.toJSON(), doc.getXmlFragment(CHAPTER_FRAGMENT));
    return { docState: new Uint8Array(Y.encodeStateAsUpdate(doc)), html: proseMirrorToHtml(node), text: chapterPlainText(node) };
  } finally {
    doc.destroy();
  }
}
