import { createBook, createChapter, createOrganisation, createUser } from "#tests/factories.ts";
import type { TestClient } from "#tests/helpers/http-client.ts";
import { logInAs } from "#tests/helpers/login.ts";
import { db } from "#app/utils/db.server.ts";

/** A real 1×1 PNG (the smallest image every browser and checker accepts). */
export const PNG_1X1 = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);

/** What a script injection looks like in every text field; it must only ever come back escaped. */
export const SCRIPT = `<script>alert("kapittel-xss")</script>`;

export type Role = "reader" | "author" | "editor" | "admin";

/**
 * A book with two parts (two chapters, one chapter) by one partner, another book with a part
 * and a chapter, and a user per role (the author a member of the partner).
 */
export async function createArrangedBook() {
  const partner = await createOrganisation({ name: "Gemeente Voorbeeld" });
  const { book, part } = await createBook({ title: "Het testboek" });
  const second = await db.part.create({ data: { bookId: book.id, slug: "deel-2", title: "Deel twee", position: 2 } });
  const first = await createChapter({ bookId: book.id, partId: part.id, status: "published", organisationIds: [partner.id], title: "Eerste hoofdstuk" });
  const middle = await createChapter({ bookId: book.id, partId: part.id, status: "published", organisationIds: [partner.id], title: "Tweede hoofdstuk" });
  const last = await createChapter({ bookId: book.id, partId: second.id, status: "published", organisationIds: [partner.id], title: "Derde hoofdstuk" });
  const other = await createBook({ title: "Een ander boek" });
  const otherChapter = await createChapter({ bookId: other.book.id, partId: other.part.id, status: "published", title: "Hoofdstuk elders" });
  const users: Record<Role, string> = {
    reader: (await createUser({ role: "reader" })).id,
    author: (await createUser({ role: "author", organisationIds: [partner.id] })).id,
    editor: (await createUser({ role: "editor" })).id,
    admin: (await createUser({ role: "admin" })).id,
  };
  return { partner, book, parts: [part, second], chapters: [first, middle, last], other: { ...other, chapter: otherChapter }, users };
}

/** Logs the client in (as the given user id) and loads a page so it knows a CSRF token. */
export async function loggedIn(client: TestClient, userId: string): Promise<TestClient> {
  await logInAs(client, userId);
  await client.page("/");
  return client;
}

/**
 * POSTs a multipart form (fields plus files) as the browser would, with our Origin and the
 * client's CSRF token unless `csrf` is given.
 */
export async function postMultipart(
  client: TestClient,
  path: string,
  fields: Record<string, string>,
  files: Record<string, { bytes: Uint8Array; name: string; type: string }>,
): Promise<Response> {
  const body = new FormData();
  if (!("csrf" in fields) && client.csrfToken) body.append("csrf", client.csrfToken);
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  for (const [name, file] of Object.entries(files)) body.append(name, new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
  return client.request(path, { method: "POST", body, headers: { Origin: client.origin } });
}

/** The full order of a book as the reorder action takes it, read from the database. */
export async function currentOrder(bookId: string) {
  const parts = await db.part.findMany({
    where: { bookId },
    orderBy: { position: "asc" },
    select: { id: true, chapters: { orderBy: { position: "asc" }, select: { id: true } } },
  });
  return parts.map((part) => ({ partId: part.id, chapterIds: part.chapters.map((chapter) => chapter.id) }));
}
