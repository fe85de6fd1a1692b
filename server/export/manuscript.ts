import { createHash } from "node:crypto";
import type { ChapterJson } from "#app/common/chapter-schema.ts";
import { appUrl } from "#app/utils/env.server.ts";
import { db } from "#app/utils/db.server.ts";
import { readStoredDocument } from "#server/chapter-files/stored-document.ts";

/**
 * The book as the exports see it: settings, parts and chapters in order, each chapter as a
 * ProseMirror JSON document with its pending suggestions taken out, the partners credited, and the
 * toolbox entries the chapters cite. Both formats (EPUB and PDF) start here and share everything up
 * to this point; neither reads the database itself.
 */

export type ManuscriptScope = "draft" | "published" | "edition";

export type ManuscriptBook = {
  slug: string;
  title: string;
  subtitle: string;
  editors: string;
  /** ISBN-13 digits, or null before one is assigned. */
  isbn: string | null;
  language: string;
  publisher: string;
  year: number | null;
  licence: string;
  blurb: string;
  /** Plain text, paragraphs separated by blank lines. */
  colophon: string;
  /** Sanitized HTML, empty for none. */
  forewordHtml: string;
  /** Stored image name (app/models/images.server.ts) or null. */
  coverImage: string | null;
};

export type ManuscriptChapter = {
  /** The live chapter (null for an edition chapter whose chapter was deleted since). */
  id: string | null;
  slug: string;
  title: string;
  /** Organisation names, lead first. */
  organisations: string[];
  doc: ChapterJson;
  /** SHA-256 of the document JSON: lets a format reuse work for a chapter that did not change. */
  hash: string;
};

export type ManuscriptPart = { title: string; chapters: ManuscriptChapter[] };

export type ManuscriptPartner = { name: string; kind: string; description: string; website: string | null };

export type ManuscriptTool = { slug: string; name: string; summary: string; url: string };

export type Manuscript = {
  book: ManuscriptBook;
  scope: ManuscriptScope;
  /** The frozen edition this is, or null for a live export. */
  edition: { number: number; frozenAt: Date } | null;
  /** Parts in order, each with its chapters in order; parts without chapters are left out. */
  parts: ManuscriptPart[];
  /** Every organisation credited on an included chapter, in order of first appearance. */
  partners: ManuscriptPartner[];
  /** The published tools cited by tool cards (`{ type: "toolCard", attrs: { slug } }`), by slug. */
  tools: Record<string, ManuscriptTool>;
};

/** The book as it is now: every chapter (`draft`) or only the published ones. */
export async function loadManuscript(bookId: string, scope: "draft" | "published"): Promise<Manuscript> {
  const book = await db.book.findUniqueOrThrow({ where: { id: bookId } });
  const parts = await db.part.findMany({
    where: { bookId },
    orderBy: { position: "asc" },
    select: {
      title: true,
      chapters: {
        where: scope === "published" ? { status: "published" } : {},
        orderBy: { position: "asc" },
        select: { id: true, slug: true, title: true, organisations: { orderBy: { position: "asc" }, select: { organisation: { select: { name: true } } } } },
      },
    },
  });
  const manuscriptParts: ManuscriptPart[] = [];
  for (const part of parts) {
    if (part.chapters.length === 0) continue;
    const chapters: ManuscriptChapter[] = [];
    for (const chapter of part.chapters) {
      const doc = withoutSuggestions((await readStoredDocument(chapter.id)).toJSON() as ChapterJson);
      chapters.push({ id: chapter.id, slug: chapter.slug, title: chapter.title, organisations: chapter.organisations.map((o) => o.organisation.name), doc, hash: hashDocument(doc) });
    }
    manuscriptParts.push({ title: part.title, chapters });
  }
  return {
    book: bookSettings(book),
    scope,
    edition: null,
    parts: manuscriptParts,
    partners: await partnersOf(manuscriptParts),
    tools: await toolsCitedIn(manuscriptParts),
  };
}

/** A frozen edition exactly as it was frozen: its stored settings and chapter documents. */
export async function loadEditionManuscript(editionId: string): Promise<Manuscript> {
  const edition = await db.edition.findUniqueOrThrow({
    where: { id: editionId },
    include: { chapters: { orderBy: { position: "asc" } } },
  });
  const parts: ManuscriptPart[] = [];
  for (const chapter of edition.chapters) {
    const doc = JSON.parse(chapter.docJson) as ChapterJson;
    const entry: ManuscriptChapter = {
      id: chapter.chapterId,
      slug: chapter.slug,
      title: chapter.title,
      organisations: JSON.parse(chapter.organisationsJson) as string[],
      doc,
      hash: hashDocument(doc),
    };
    const last = parts.at(-1);
    if (last && last.title === chapter.partTitle) last.chapters.push(entry);
    else parts.push({ title: chapter.partTitle, chapters: [entry] });
  }
  const frozen = JSON.parse(edition.metadataJson) as FrozenMetadata;
  return {
    book: frozen.book,
    scope: "edition",
    edition: { number: edition.number, frozenAt: edition.frozenAt },
    parts,
    partners: frozen.partners,
    tools: frozen.tools,
  };
}

/** What an edition stores besides its chapters (Edition.metadataJson), so it never changes later. */
export type FrozenMetadata = Pick<Manuscript, "book" | "partners" | "tools">;

/** Exactly the settings an export uses, from a Book row (which has more). */
export function bookSettings(book: ManuscriptBook): ManuscriptBook {
  const { slug, title, subtitle, editors, isbn, language, publisher, year, licence, blurb, colophon, forewordHtml, coverImage } = book;
  return { slug, title, subtitle, editors, isbn, language, publisher, year, licence, blurb, colophon, forewordHtml, coverImage };
}

export function hashDocument(doc: ChapterJson): string {
  return createHash("sha256").update(JSON.stringify(doc)).digest("hex");
}

/**
 * The text as it stands without the suggestions nobody has accepted yet: suggested insertions are
 * left out, suggested deletions stay, and the suggestion marks themselves are dropped. A book is
 * never exported with track changes in it.
 */
export function withoutSuggestions(node: ChapterJson): ChapterJson {
  const { marks, content, ...rest } = node;
  const kept: ChapterJson = { ...rest };
  const otherMarks = marks?.filter((mark) => !SUGGESTION_MARKS.has(mark.type));
  if (otherMarks && otherMarks.length > 0) kept.marks = otherMarks;
  if (content) kept.content = content.filter((child) => !child.marks?.some((mark) => mark.type === "insertion")).map(withoutSuggestions);
  return kept;
}
const SUGGESTION_MARKS = new Set(["insertion", "deletion", "modification"]);

async function partnersOf(parts: ManuscriptPart[]): Promise<ManuscriptPartner[]> {
  const names = [...new Set(parts.flatMap((part) => part.chapters.flatMap((chapter) => chapter.organisations)))];
  const organisations = await db.organisation.findMany({ where: { name: { in: names } }, select: { name: true, kind: true, description: true, website: true } });
  const byName = new Map(organisations.map((organisation) => [organisation.name, organisation]));
  return names.flatMap((name) => {
    const organisation = byName.get(name);
    return organisation ? [organisation] : [];
  });
}

/** The slugs of the tool cards in a document, in order. */
export function citedToolSlugs(doc: ChapterJson): string[] {
  const slugs: string[] = [];
  const visit = (node: ChapterJson) => {
    if (node.type === "toolCard" && typeof node.attrs?.slug === "string") slugs.push(node.attrs.slug);
    node.content?.forEach(visit);
  };
  visit(doc);
  return slugs;
}

async function toolsCitedIn(parts: ManuscriptPart[]): Promise<Record<string, ManuscriptTool>> {
  const slugs = [...new Set(parts.flatMap((part) => part.chapters.flatMap((chapter) => citedToolSlugs(chapter.doc))))];
  if (slugs.length === 0) return {};
  const tools = await db.tool.findMany({ where: { slug: { in: slugs }, published: true }, select: { slug: true, name: true, summary: true } });
  const base = appUrl();
  return Object.fromEntries(tools.map((tool) => [tool.slug, { ...tool, url: `${base}/gereedschapskist/${tool.slug}` }]));
}
