import { randomUUID } from "node:crypto";
import type { ChapterStatus } from "#app/common/chapter-status.ts";
import type { UserAccessFacts } from "#app/common/permissions.ts";
import { search, type SearchOptions } from "#app/models/search.server.ts";
import { db, usesPostgresql } from "#app/utils/db.server.ts";
import { singleton } from "#app/utils/singleton.server.ts";
import { createBook } from "#tests/factories.ts";

const unique = () => randomUUID().slice(0, 8);

/**
 * A book with one part, made once per test file and shared by its chapters. Kept as a
 * singleton because test setup forgets those for every file: with module isolation off, this
 * module outlives the file (and database) it was first used for.
 */
const sharedBook = () => singleton("search-test-book", () => createBook());

/** A chapter with the given plain text (bodyText is what the index reads; the editor renders it). */
export async function chapterWithText(options: { title?: string; summary?: string; text?: string; status?: ChapterStatus; organisationIds?: string[] } = {}) {
  const { book, part } = await sharedBook();
  const id = unique();
  return db.chapter.create({
    data: {
      bookId: book.id,
      partId: part.id,
      title: options.title ?? `Hoofdstuk ${id}`,
      slug: `hoofdstuk-${id}`,
      position: (await db.chapter.count({ where: { partId: part.id } })) + 1,
      status: options.status ?? "published",
      summary: options.summary ?? "",
      bodyText: options.text ?? "",
      bodyHtml: `<p>${options.text ?? ""}</p>`,
      organisations: { create: (options.organisationIds ?? []).map((organisationId) => ({ organisationId })) },
    },
    include: { book: { select: { slug: true } } },
  });
}

/** A tool with a rich-text description. */
export function toolWithDescription(options: { name?: string; summary?: string; descriptionHtml?: string; published?: boolean } = {}) {
  const id = unique();
  return db.tool.create({
    data: {
      slug: `tool-${id}`,
      name: options.name ?? `Tool ${id}`,
      summary: options.summary ?? "Een samenvatting.",
      descriptionHtml: options.descriptionHtml ?? "",
      category: "substantive",
      form: "agreement",
      published: options.published ?? true,
    },
  });
}

/** An event next month. */
export function eventWithProgramme(options: { title?: string; summary?: string; programmeHtml?: string; location?: string; published?: boolean } = {}) {
  const id = unique();
  const startsAt = new Date(Date.now() + 30 * 24 * 3600_000);
  return db.event.create({
    data: {
      slug: `evenement-${id}`,
      title: options.title ?? `Evenement ${id}`,
      summary: options.summary ?? "",
      programmeHtml: options.programmeHtml ?? "",
      location: options.location ?? "",
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * 3600_000),
      published: options.published ?? true,
    },
  });
}

/** The titles search finds for this person (null: a visitor), best first. */
export async function titlesFound(query: string, user: UserAccessFacts = null, options: SearchOptions = {}) {
  const result = await search(query, user, { limit: 50, ...options });
  return result.hits.map((hit) => hit.title);
}

/** The ids of the index rows for a source row (0 or 1 expected). */
export async function indexRows(kind: string, refId: string) {
  // SQLite's FTS5 table, or its PostgreSQL twin (docs/decisions/019).
  const sql = usesPostgresql()
    ? `SELECT title, summary, body FROM search_entry WHERE kind = $1 AND ref_id = $2`
    : `SELECT title, summary, body FROM search_index WHERE kind = ? AND ref_id = ?`;
  return db.$queryRawUnsafe<{ title: string; summary: string; body: string }[]>(
    sql,
    kind,
    refId,
  );
}
