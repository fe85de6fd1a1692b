import type { ChapterStatus } from "#app/common/chapter-status.ts";
import type { WorkflowAction } from "#app/common/chapter-workflow.ts";
import { db } from "#app/utils/db.server.ts";
import { createBook, createChapter, createOrganisation, createUser } from "#tests/factories.ts";
import { TestClient } from "#tests/helpers/http-client.ts";
import { logInAs } from "#tests/helpers/login.ts";

/** The people of the workflow tests, by the part they play. */
export const ROLE_NAMES = ["reader", "author of the chapter", "author of another organisation", "editor", "admin"] as const;
export type RoleName = (typeof ROLE_NAMES)[number];

/** A book, our organisation with an author, another organisation with one, a reader, an editor and an admin. */
export async function workflowCast() {
  const ours = await createOrganisation();
  const theirs = await createOrganisation();
  const { book, part } = await createBook();
  const people: Record<RoleName, Awaited<ReturnType<typeof createUser>>> = {
    reader: await createUser({ role: "reader", name: "Lia Lezer" }),
    "author of the chapter": await createUser({ role: "author", organisationIds: [ours.id], name: "Anna Auteur" }),
    "author of another organisation": await createUser({ role: "author", organisationIds: [theirs.id], name: "Olaf Ander" }),
    editor: await createUser({ role: "editor", name: "Eva Redacteur" }),
    admin: await createUser({ role: "admin", name: "Ad Beheerder" }),
  };
  return { ours, theirs, book, part, people };
}
export type WorkflowCast = Awaited<ReturnType<typeof workflowCast>>;

/** A chapter of our organisation in the given state. */
export function chapterIn(cast: WorkflowCast, status: ChapterStatus, bodyHtml = "<p>De eerste versie van de tekst.</p>") {
  return createChapter({ bookId: cast.book.id, partId: cast.part.id, organisationIds: [cast.ours.id], status, bodyHtml });
}

/** A logged-in HTTP client for the user. */
export async function clientFor(baseUrl: string, userId: string): Promise<TestClient> {
  const client = new TestClient(baseUrl);
  await logInAs(client, userId);
  await client.page("/"); // the CSRF token
  return client;
}

/** POSTs a workflow step to the status route as a browser without JavaScript would. */
export function postStep(
  client: TestClient,
  chapter: { slug: string },
  bookSlug: string,
  fields: { action: WorkflowAction | string; expectedStatus: string; message?: string },
): Promise<Response> {
  return client.post(`/boek/${bookSlug}/${chapter.slug}/status`, {
    action: fields.action,
    expectedStatus: fields.expectedStatus,
    message: fields.message ?? "",
    redirectTo: `/boek/${bookSlug}/${chapter.slug}`,
  });
}

/** Everything a step writes, to check that a refused one wrote nothing. */
export async function footprint(chapterId: string) {
  const [chapter, revisions, activities, notifications] = await Promise.all([
    db.chapter.findUniqueOrThrow({ where: { id: chapterId }, select: { status: true } }),
    db.chapterRevision.findMany({ where: { chapterId }, orderBy: { number: "asc" } }),
    db.activityEvent.findMany({ where: { chapterId } }),
    db.notification.findMany({ where: { chapterId } }),
  ]);
  return { status: chapter.status, revisions, activities, notifications };
}

/** The text of an HTML page, for looking for a message in it. */
export const textOf = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/\s+/g, " ");
