import path from "node:path";
import type { Db } from "#app/utils/db.server.ts";
import { markdownToChapterHtml } from "#app/utils/markdown.server.ts";
import { hashPassword } from "#app/utils/password.server.ts";
import { readBookFiles } from "../chapters/book-files.ts";
import { DEMO_ORGANISATIONS } from "./seed-data/organisations.ts";
import { DEMO_PASSWORD, DEMO_USERS } from "./seed-data/users.ts";

/** The folder holding the demo book as files. */
export const DEMO_BOOK_DIRECTORY = path.resolve(import.meta.dirname, "../chapters");

/** Whether the database has no content yet (then, and only then, the demo is loaded). */
export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const [users, books, organisations] = await Promise.all([db.user.count(), db.book.count(), db.organisation.count()]);
  return users + books + organisations === 0;
}

/**
 * Loads the demo: the ten partner organisations, the demo accounts and the book from chapters/.
 * Everything is prepared first (files read, Markdown converted, passwords hashed) and then
 * written in one transaction, so a failure leaves the database as empty as it was.
 */
export async function loadDemoData(db: Db, bookDirectory = DEMO_BOOK_DIRECTORY): Promise<void> {
  const { book, chapters } = await readBookFiles(bookDirectory);
  const bodies = await Promise.all(chapters.map((chapter) => markdownToChapterHtml(chapter.markdown)));
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  await db.$transaction(async (tx) => {
    const organisationIds = new Map<string, string>();
    for (const organisation of DEMO_ORGANISATIONS) {
      const created = await tx.organisation.create({ data: organisation });
      organisationIds.set(created.slug, created.id);
    }
    const userIds = new Map<string, string>();
    for (const user of DEMO_USERS) {
      const created = await tx.user.create({
        data: {
          email: user.email,
          name: user.name,
          role: user.role,
          passwordHash,
          memberships: { create: user.organisations.map((slug) => ({ organisationId: requireId(organisationIds, slug, "organisation") })) },
        },
      });
      userIds.set(created.email, created.id);
    }
    const createdBook = await tx.book.create({
      data: { slug: book.slug, title: book.title, subtitle: book.subtitle, blurb: book.blurb.trim(), language: book.language },
    });
    const partIds = new Map<string, string>();
    for (const [index, part] of book.parts.entries()) {
      const created = await tx.part.create({ data: { bookId: createdBook.id, slug: part.slug, title: part.title, position: index + 1 } });
      partIds.set(part.slug, created.id);
    }
    for (const [index, chapter] of chapters.entries()) {
      await tx.chapter.create({
        data: {
          bookId: createdBook.id,
          partId: requireId(partIds, chapter.partSlug, "part"),
          title: chapter.title,
          slug: chapter.slug,
          summary: chapter.summary,
          position: chapter.position,
          status: chapter.state,
          bodyHtml: bodies[index] ?? "",
          organisations: { create: chapter.organisations.map((slug) => ({ organisationId: requireId(organisationIds, slug, `organisation (in ${chapter.file})`) })) },
          authors: { create: chapter.authors.map((email) => ({ userId: requireId(userIds, email, `author (in ${chapter.file})`) })) },
        },
      });
    }
  }, { timeout: 60_000 });
}

function requireId(ids: Map<string, string>, key: string, what: string): string {
  const id = ids.get(key);
  if (!id) throw new Error(`Unknown ${what}: ${key}`);
  return id;
}
