import * as Y from "yjs";
import { CHAPTER_FRAGMENT } from "#app/common/collab.ts";
import { bytesToBase64 } from "#app/editor/comments/anchors.ts";
import { createCollabToken } from "#app/utils/collab-token.server.ts";
import { connectProvider, synced, waitFor } from "#tests/collab/helpers.ts";
import { createBook, createChapter, createOrganisation, createUser } from "#tests/factories.ts";
import { TestClient } from "#tests/helpers/http-client.ts";
import { logInAs } from "#tests/helpers/login.ts";

export const SENTENCE = "De gemeente wil de kust beschermen.";

/** A chapter of one organisation with its author, an editor, an admin, a reader and an author of another organisation. */
export async function commentScene(options: { status?: "draft" | "in_review" | "changes_requested" | "approved" | "published" } = {}) {
  const organisation = await createOrganisation();
  const otherOrganisation = await createOrganisation();
  const { book, part } = await createBook();
  const chapter = await createChapter({
    bookId: book.id,
    partId: part.id,
    organisationIds: [organisation.id],
    status: options.status ?? "draft",
    bodyHtml: `<p>Inleiding van het hoofdstuk. ${SENTENCE} Daarna volgt meer.</p><p>Tweede alinea.</p>`,
  });
  const [author, coAuthor, editor, admin, reader, outsider] = await Promise.all([
    createUser({ role: "author", organisationIds: [organisation.id], name: "Anna Auteur" }),
    createUser({ role: "author", organisationIds: [organisation.id], name: "Cas Coauteur" }),
    createUser({ role: "editor", name: "Eva Redacteur" }),
    createUser({ role: "admin", name: "Bram Beheerder" }),
    createUser({ role: "reader", name: "Lies Lezer" }),
    createUser({ role: "author", organisationIds: [otherOrganisation.id], name: "Olaf Buitenstaander" }),
  ]);
  return { organisation, book, chapter, author, coAuthor, editor, admin, reader, outsider };
}

/** A logged-in HTTP client for the user. */
export async function clientFor(baseUrl: string, userId: string): Promise<TestClient> {
  const client = new TestClient(baseUrl);
  await logInAs(client, userId);
  return client;
}

/** A synced y-websocket client of the chapter, as the user. */
export async function liveClient(baseUrl: string, chapterId: string, userId: string) {
  const client = connectProvider(baseUrl, chapterId, { token: createCollabToken(userId, chapterId).token });
  await synced(client);
  await waitFor(() => client.fragment.length > 0, { message: "the chapter's text" });
  return client;
}

/** The XmlText that holds the phrase, and where the phrase starts in it. */
export function findText(doc: Y.Doc, phrase: string): { text: Y.XmlText; index: number } {
  const search = (node: Y.XmlFragment | Y.XmlElement): { text: Y.XmlText; index: number } | null => {
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText) {
        const plain = (child.toDelta() as { insert: unknown }[]).map((op) => (typeof op.insert === "string" ? op.insert : "\uFFFC")).join("");
        const index = plain.indexOf(phrase);
        if (index >= 0) return { text: child, index };
      } else if (child instanceof Y.XmlElement) {
        const found = search(child);
        if (found) return found;
      }
    }
    return null;
  };
  const found = search(doc.getXmlFragment(CHAPTER_FRAGMENT));
  if (!found) throw new Error(`"${phrase}" is not in the document`);
  return found;
}

/** Anchors on the phrase as the editor makes them: start on its first character, end on its last. */
export function anchorsOn(doc: Y.Doc, phrase: string): { anchorStart: string; anchorEnd: string } {
  const { text, index } = findText(doc, phrase);
  const start = Y.createRelativePositionFromTypeIndex(text, index, 0);
  const end = Y.createRelativePositionFromTypeIndex(text, index + phrase.length, -1);
  return { anchorStart: bytesToBase64(Y.encodeRelativePosition(start)), anchorEnd: bytesToBase64(Y.encodeRelativePosition(end)) };
}

/** POSTs a comment action as the client. */
export function postComment(client: TestClient, chapterId: string, fields: Record<string, string | string[]>) {
  const body: Record<string, string> = {};
  const extra: [string, string][] = [];
  for (const [name, value] of Object.entries(fields)) {
    if (Array.isArray(value)) value.forEach((v) => extra.push([name, v]));
    else body[name] = value;
  }
  // TestClient.post takes single values; repeat mentions by encoding them into the body ourselves.
  return extra.length === 0 ? client.post(`/api/chapters/${chapterId}/comments`, body) : postRepeated(client, chapterId, body, extra);
}

async function postRepeated(client: TestClient, chapterId: string, body: Record<string, string>, extra: [string, string][]) {
  if (!client.csrfToken) await client.page("/");
  const params = new URLSearchParams({ ...body, csrf: client.csrfToken ?? "" });
  for (const [name, value] of extra) params.append(name, value);
  return client.request(`/api/chapters/${chapterId}/comments`, {
    method: "POST",
    body: params,
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: client.origin },
  });
}
