import { canAccessChapter, type UserAccessFacts } from "#app/common/permissions.ts";
import { db } from "#app/utils/db.server.ts";

/** Every book, newest first, for the home page. */
export function listBooks() {
  return db.book.findMany({
    orderBy: { createdAt: "desc" },
    select: { id: true, slug: true, title: true, subtitle: true, blurb: true },
  });
}

/**
 * A book with its parts and the chapters this user may read (visitors and readers: published
 * ones; partner authors: also their organisation's; editors and admins: all), or null.
 */
export async function getBookContents(slug: string, user: UserAccessFacts) {
  const book = await db.book.findUnique({
    where: { slug },
    include: {
      parts: {
        orderBy: { position: "asc" },
        include: {
          chapters: {
            orderBy: { position: "asc" },
            select: {
              id: true,
              slug: true,
              title: true,
              summary: true,
              status: true,
              organisations: { orderBy: { position: "asc" }, select: { organisation: { select: { id: true, name: true, slug: true } } } },
            },
          },
        },
      },
    },
  });
  if (!book) return null;
  const parts = book.parts.map((part) => ({
    id: part.id,
    slug: part.slug,
    title: part.title,
    chapters: part.chapters
      .map(({ organisations, ...chapter }) => ({ ...chapter, organisations: organisations.map((o) => o.organisation) }))
      .filter((chapter) =>
        canAccessChapter(user, { status: chapter.status, organisationIds: chapter.organisations.map((o) => o.id) }, "read"),
      ),
  }));
  return { id: book.id, slug: book.slug, title: book.title, subtitle: book.subtitle, blurb: book.blurb, language: book.language, parts };
}
