import { randomUUID } from "node:crypto";
import { db } from "#app/utils/db.server.ts";
import { createBook, createChapter } from "#tests/factories.ts";
import type { TestClient } from "#tests/helpers/http-client.ts";

/** A chapter in a new book with the given status, and the path of its read page. */
export async function chapterTarget(status: "published" | "draft" = "published") {
  const { book, part } = await createBook();
  const chapter = await createChapter({ bookId: book.id, partId: part.id, status });
  return { type: "chapter", id: chapter.id, path: `/boek/${book.slug}/${chapter.slug}` };
}

/** A toolbox tool, published or not, and the path of its page. */
export async function toolTarget(published = true) {
  const slug = `tool-${randomUUID().slice(0, 8)}`;
  const tool = await db.tool.create({
    data: { slug, name: `Testtool ${slug}`, summary: "Een instrument om mee te testen.", category: "governance", form: "standard", published },
  });
  return { type: "tool", id: tool.id, path: `/gereedschapskist/${slug}` };
}

/** An event, published or not, a week from now, and the path of its page. */
export async function eventTarget(published = true) {
  const slug = `evenement-${randomUUID().slice(0, 8)}`;
  const startsAt = new Date(Date.now() + 7 * 24 * 3600_000);
  const event = await db.event.create({
    data: { slug, title: `Testbijeenkomst ${slug}`, startsAt, endsAt: new Date(startsAt.getTime() + 2 * 3600_000), location: "Stadhuis", published },
  });
  return { type: "event", id: event.id, path: `/evenementen/${slug}` };
}

export type Target = { type: string; id: string; path: string };

/** Posts a reaction as the reactions form does (opening the page first, for its CSRF token). */
export async function postReaction(client: TestClient, target: Target, fields: Record<string, string | null> = {}) {
  await client.page(target.path).catch(() => undefined);
  return client.post("/reacties", {
    targetType: target.type,
    targetId: target.id,
    authorName: "Anna Lezer",
    authorEmail: `anna-${randomUUID().slice(0, 6)}@lezer.test`,
    body: "Mooi hoofdstuk, dank!",
    ...fields,
  });
}

/** The HTML of a page as a visitor without an account sees it. */
export async function publicHtml(client: TestClient, path: string): Promise<string> {
  const { response, html } = await client.page(path);
  if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
  return html;
}
