import { db } from "#app/utils/db.server.ts";
import { lockRow } from "#app/utils/row-lock.server.ts";
import { slugify } from "./organisations.server.ts";

/**
 * The arrangement of a book: its parts in order, each with its chapters in order. The reader's
 * contents page, the previous/next links and the exports all read `Part.position` and
 * `Chapter.position`, so changing them here is all it takes for the book to follow.
 */

/** A book's parts with their chapters, in order, as the arrangement page shows them; or null. */
export async function getBookStructure(slug: string) {
  const book = await db.book.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      title: true,
      parts: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          slug: true,
          title: true,
          chapters: {
            orderBy: { position: "asc" },
            select: {
              id: true,
              slug: true,
              title: true,
              status: true,
              organisations: { orderBy: { position: "asc" }, select: { organisation: { select: { name: true } } } },
            },
          },
        },
      },
    },
  });
  if (!book) return null;
  return {
    ...book,
    parts: book.parts.map((part) => ({
      ...part,
      chapters: part.chapters.map(({ organisations, ...chapter }) => ({
        ...chapter,
        organisations: organisations.map((o) => o.organisation.name),
      })),
    })),
  };
}

/** The new order: every part of the book once, each with the ids of its chapters in order. */
export type BookOrder = { partId: string; chapterIds: string[] }[];

/** Why an order was refused; the values are message keys. */
export type OrderProblem =
  | "bookSettings.order.missingChapter"
  | "bookSettings.order.repeatedChapter"
  | "bookSettings.order.unknownChapter"
  | "bookSettings.order.missingPart"
  | "bookSettings.order.repeatedPart"
  | "bookSettings.order.unknownPart";

/**
 * Puts the book's parts and chapters in the given order, in one transaction, or refuses the
 * whole order: it must name every part of this book and every chapter of this book exactly once
 * and nothing else. The check runs inside the transaction, so a chapter added by someone else
 * meanwhile makes the order incomplete instead of leaving that chapter without a place.
 */
export async function saveBookOrder(bookId: string, order: BookOrder, userId: string): Promise<{ status: "saved" } | { status: "refused"; problem: OrderProblem }> {
  return db.$transaction(async (tx) => {
    const [parts, chapters] = await Promise.all([
      tx.part.findMany({ where: { bookId }, select: { id: true } }),
      tx.chapter.findMany({ where: { bookId }, select: { id: true } }),
    ]);
    const problem = checkOrder(order, new Set(parts.map((p) => p.id)), new Set(chapters.map((c) => c.id)));
    if (problem) return { status: "refused", problem } as const;
    for (const [partIndex, part] of order.entries()) {
      await tx.part.update({ where: { id: part.partId }, data: { position: partIndex + 1 } });
      for (const [chapterIndex, chapterId] of part.chapterIds.entries()) {
        await tx.chapter.update({ where: { id: chapterId }, data: { partId: part.partId, position: chapterIndex + 1 } });
      }
    }
    console.info(JSON.stringify({ event: "book.reordered", bookId, userId, parts: order.length, chapters: chapters.length }));
    return { status: "saved" } as const;
  });
}

/** The first thing wrong with an order against the book's actual parts and chapters, or null. */
export function checkOrder(order: BookOrder, partIds: ReadonlySet<string>, chapterIds: ReadonlySet<string>): OrderProblem | null {
  const seenParts = new Set<string>();
  const seenChapters = new Set<string>();
  for (const part of order) {
    if (!partIds.has(part.partId)) return "bookSettings.order.unknownPart";
    if (seenParts.has(part.partId)) return "bookSettings.order.repeatedPart";
    seenParts.add(part.partId);
    for (const chapterId of part.chapterIds) {
      if (!chapterIds.has(chapterId)) return "bookSettings.order.unknownChapter";
      if (seenChapters.has(chapterId)) return "bookSettings.order.repeatedChapter";
      seenChapters.add(chapterId);
    }
  }
  if (seenParts.size !== partIds.size) return "bookSettings.order.missingPart";
  if (seenChapters.size !== chapterIds.size) return "bookSettings.order.missingChapter";
  return null;
}

/**
 * Adds a part at the end of the book, with a slug no other part of the book has. The book's row is
 * locked first, so two parts added at the same moment get different slugs and positions.
 */
export async function addPart(bookId: string, title: string, userId: string): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    await lockRow(tx, "Book", bookId);
    const existing = await tx.part.findMany({ where: { bookId }, select: { slug: true, position: true } });
    const base = slugify(title).replace(/^organisatie$/, "deel");
    const taken = new Set(existing.map((part) => part.slug));
    let slug = base;
    for (let suffix = 2; taken.has(slug); suffix += 1) slug = `${base}-${suffix}`;
    const position = Math.max(0, ...existing.map((part) => part.position)) + 1;
    const part = await tx.part.create({ data: { bookId, title, slug, position }, select: { id: true } });
    console.info(JSON.stringify({ event: "book.part-added", bookId, partId: part.id, userId }));
    return part;
  });
}

/** Renames a part of this book (its slug stays, so links and chapter files keep working). */
export async function renamePart(bookId: string, partId: string, title: string): Promise<"renamed" | "not-found"> {
  const updated = await db.part.updateMany({ where: { id: partId, bookId }, data: { title } });
  return updated.count === 0 ? "not-found" : "renamed";
}

/** Deletes an empty part of this book and closes the gap; a part with chapters is refused. */
export async function deletePart(bookId: string, partId: string, userId: string): Promise<"deleted" | "not-found" | "has-chapters"> {
  return db.$transaction(async (tx) => {
    const part = await tx.part.findFirst({ where: { id: partId, bookId }, select: { id: true, _count: { select: { chapters: true } } } });
    if (!part) return "not-found" as const;
    if (part._count.chapters > 0) return "has-chapters" as const;
    await tx.part.delete({ where: { id: partId } });
    const rest = await tx.part.findMany({ where: { bookId }, orderBy: { position: "asc" }, select: { id: true } });
    for (const [index, remaining] of rest.entries()) await tx.part.update({ where: { id: remaining.id }, data: { position: index + 1 } });
    console.info(JSON.stringify({ event: "book.part-deleted", bookId, partId, userId }));
    return "deleted" as const;
  });
}

/**
 * What the exports put before and after the chapters, as far as it is known now: the settings
 * the title page and colophon print, whether there is a foreword, the partners credited (in order
 * of first appearance, as server/export/manuscript.ts lists them) and the toolbox entries the
 * chapters cite. For an outline on the arrangement page; the export itself reads the manuscript.
 */
export async function getBookOutline(bookId: string) {
  const book = await db.book.findUniqueOrThrow({
    where: { id: bookId },
    select: { title: true, subtitle: true, editors: true, isbn: true, publisher: true, year: true, licence: true, colophon: true, forewordHtml: true, coverImage: true },
  });
  const chapters = await db.chapter.findMany({
    where: { bookId },
    orderBy: [{ part: { position: "asc" } }, { position: "asc" }],
    select: {
      status: true,
      bodyHtml: true,
      organisations: { orderBy: { position: "asc" }, select: { organisation: { select: { id: true, name: true, slug: true, description: true, logo: true } } } },
    },
  });
  const partners = new Map<string, { id: string; name: string; slug: string; hasDescription: boolean; hasLogo: boolean; inPublished: boolean }>();
  for (const chapter of chapters) {
    for (const { organisation } of chapter.organisations) {
      const known = partners.get(organisation.id);
      const inPublished = chapter.status === "published" || Boolean(known?.inPublished);
      partners.set(organisation.id, {
        id: organisation.id,
        name: organisation.name,
        slug: organisation.slug,
        hasDescription: organisation.description.trim() !== "",
        hasLogo: organisation.logo !== null,
        inPublished,
      });
    }
  }
  const toolSlugs = [...new Set(chapters.flatMap((chapter) => citedToolSlugsInHtml(chapter.bodyHtml)))];
  const tools = toolSlugs.length === 0 ? [] : await db.tool.findMany({ where: { slug: { in: toolSlugs }, published: true }, select: { slug: true, name: true } });
  const toolsBySlug = new Map(tools.map((tool) => [tool.slug, tool]));
  return {
    titlePage: { title: book.title, subtitle: book.subtitle, editors: book.editors },
    colophon: { isbn: book.isbn, publisher: book.publisher, year: book.year, licence: book.licence, hasText: book.colophon.trim() !== "" },
    hasCover: book.coverImage !== null,
    hasForeword: book.forewordHtml.trim() !== "",
    partners: [...partners.values()],
    // In citation order; a slug whose tool is gone or unpublished is not printed, so not listed.
    citedTools: toolSlugs.flatMap((slug) => toolsBySlug.get(slug) ?? []),
  };
}

/**
 * The toolbox entries a chapter's rendered HTML cites: tool cards render as
 * `<aside class="tool-card" data-tool="slug">`. The rendered HTML follows the live document once
 * edits settle; reading it avoids loading every chapter's document just to draw an outline.
 */
export function citedToolSlugsInHtml(html: string): string[] {
  return [...html.matchAll(/<aside\b[^>]*\bdata-tool="([a-z0-9-]+)"/g)].map((match) => match[1] ?? "").filter(Boolean);
}
