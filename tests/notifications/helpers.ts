import type { EmailSetting } from "#app/models/notifications.server.ts";
import { db } from "#app/utils/db.server.ts";
import { createBook, createChapter, createUser } from "#tests/factories.ts";

/** A chapter to be notified about, with its book. */
export async function createNotifiedChapter(title = "Water in de wijk") {
  const { book, part } = await createBook();
  const chapter = await createChapter({ bookId: book.id, partId: part.id, title });
  return { book, chapter, link: `/boek/${book.slug}/${chapter.slug}` };
}

/** A user with the given e-mail setting for notifications. */
export async function createUserWithSetting(notificationEmail: EmailSetting, options: Parameters<typeof createUser>[0] = {}) {
  const user = await createUser(options);
  return db.user.update({ where: { id: user.id }, data: { notificationEmail } });
}

/** The outbox messages addressed to one person, oldest first. */
export function outboxFor(email: string) {
  return db.outboxEmail.findMany({ where: { to: email }, orderBy: { createdAt: "asc" } });
}
