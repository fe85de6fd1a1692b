import { hasPermission, type Role } from "#app/common/permissions.ts";
import type { CurrentUser } from "#app/utils/auth.server.ts";
import { requireUser } from "#app/utils/auth.server.ts";
import { db } from "#app/utils/db.server.ts";
import { forbidden } from "#app/utils/http.server.ts";
import { invalidatePages } from "#app/utils/page-cache.server.ts";
import { forewordHtmlToMarkdown, forewordMarkdownToHtml } from "./book-settings-foreword.server.ts";
import { detectImageType, imageUrl, storeImage } from "./images.server.ts";

/**
 * A book's settings (title page, colophon, cover, foreword) and who may change them. The exports
 * read these fields through server/export/manuscript.ts; nothing here knows about formats.
 */

/**
 * Whether this role may change a book's settings and arrangement: editors and admins. They are
 * the roles that may change any chapter, so that permission stands for "works on the whole book".
 */
export function canEditBook(role: Role | null | undefined): boolean {
  return hasPermission(role, "update:chapter:any");
}

/** The logged-in editor or admin; anyone else gets a 403 (visitors the login page). */
export async function requireBookEditor(request: Request): Promise<CurrentUser> {
  const user = await requireUser(request);
  if (!canEditBook(user.role)) throw await forbidden(request, "bookSettings.forbidden");
  return user;
}

/** The settings of a book as the settings form shows them (foreword as Markdown), or null. */
export async function getBookSettings(slug: string) {
  const book = await db.book.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      title: true,
      subtitle: true,
      editors: true,
      isbn: true,
      language: true,
      publisher: true,
      year: true,
      licence: true,
      blurb: true,
      coverImage: true,
      colophon: true,
      forewordHtml: true,
    },
  });
  if (!book) return null;
  const { forewordHtml, coverImage, ...fields } = book;
  return { ...fields, foreword: forewordHtmlToMarkdown(forewordHtml), coverUrl: coverImage ? imageUrl(coverImage) : null };
}

/** Settings as the form delivers them after validation (the ISBN already reduced to its digits). */
export type BookSettingsInput = {
  title: string;
  subtitle?: string;
  editors?: string;
  isbn?: string;
  language: "nl" | "en";
  publisher?: string;
  year?: number;
  licence?: string;
  blurb?: string;
  colophon?: string;
  /** Markdown; stored as sanitized HTML. */
  foreword?: string;
};

export type SaveBookSettingsResult =
  | { status: "saved" }
  | { status: "not-found" }
  | { status: "foreword-invalid"; problem: "bookSettings.foreword.unsupported" | "bookSettings.foreword.tooLong" };

/** Stores a book's settings; the foreword is converted and sanitized here, whatever the caller checked. */
export async function saveBookSettings(bookId: string, input: BookSettingsInput, userId: string): Promise<SaveBookSettingsResult> {
  const foreword = forewordMarkdownToHtml(input.foreword ?? "");
  if (!foreword.ok) return { status: "foreword-invalid", problem: foreword.problem };
  const updated = await db.book.updateMany({
    where: { id: bookId },
    data: {
      title: input.title,
      subtitle: input.subtitle ?? "",
      editors: input.editors ?? "",
      isbn: input.isbn ?? null,
      language: input.language,
      publisher: input.publisher ?? "",
      year: input.year ?? null,
      licence: input.licence ?? "",
      blurb: input.blurb ?? "",
      colophon: input.colophon ?? "",
      forewordHtml: foreword.html,
    },
  });
  if (updated.count === 0) return { status: "not-found" };
  invalidatePages(); // the title and blurb readers see
  console.info(JSON.stringify({ event: "book.settings-saved", bookId, userId }));
  return { status: "saved" };
}

/** Stores an uploaded cover if its bytes are an accepted image; the caller checked the size. */
export async function setBookCover(bookId: string, bytes: Uint8Array, userId: string): Promise<"saved" | "wrong-type" | "not-found"> {
  const type = detectImageType(bytes);
  if (!type) return "wrong-type";
  const name = await storeImage(bytes, type);
  const updated = await db.book.updateMany({ where: { id: bookId }, data: { coverImage: name } });
  if (updated.count === 0) return "not-found";
  invalidatePages();
  console.info(JSON.stringify({ event: "book.cover-set", bookId, userId, name, bytes: bytes.length }));
  return "saved";
}

/** Takes the cover off the book (the stored image stays: other books or editions may use it). */
export async function removeBookCover(bookId: string, userId: string): Promise<void> {
  await db.book.updateMany({ where: { id: bookId }, data: { coverImage: null } });
  invalidatePages();
  console.info(JSON.stringify({ event: "book.cover-removed", bookId, userId }));
}
