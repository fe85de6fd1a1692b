import { translate, type MessageKey } from "#app/common/i18n/catalogue.ts";
import { DEFAULT_LOCALE } from "#app/common/i18n/locales.ts";
import { db, type Db } from "#app/utils/db.server.ts";
import { appUrl } from "#app/utils/env.server.ts";
import { queueEmail } from "./outbox.server.ts";

/** What a person is told about. */
export const NOTIFICATION_KINDS = ["submitted", "changes_requested", "approved", "published", "comment_reply", "mention"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** How review notifications reach someone by e-mail (User.notificationEmail). */
export const EMAIL_SETTINGS = ["immediate", "daily", "off"] as const;
export type EmailSetting = (typeof EMAIL_SETTINGS)[number];

export type NotifyInput = {
  kind: NotificationKind;
  chapterId: string;
  actorId: string | null;
  /** Who to tell; the actor and duplicates are left out. */
  userIds: string[];
  /** A short text to show with it (an editor's message, the start of a comment). */
  excerpt?: string;
  /** Where it leads: a path in the app. */
  link: string;
};

const EXCERPT_LENGTH = 200;

/**
 * Tells people about something that happened to a chapter: a notification each (the bell), and for
 * those who chose "immediate" an e-mail in the outbox at once (the daily digest takes the rest).
 * Pass a transaction client when it belongs with other writes. Returns how many were told.
 */
export async function notify(input: NotifyInput, client: Pick<Db, "notification" | "outboxEmail" | "user" | "chapter"> = db): Promise<number> {
  const recipients = [...new Set(input.userIds)].filter((id) => id !== input.actorId);
  if (recipients.length === 0) return 0;
  const [users, chapter, actor] = await Promise.all([
    client.user.findMany({ where: { id: { in: recipients } }, select: { id: true, email: true, notificationEmail: true } }),
    client.chapter.findUniqueOrThrow({ where: { id: input.chapterId }, select: { title: true } }),
    input.actorId ? client.user.findUnique({ where: { id: input.actorId }, select: { name: true } }) : null,
  ]);
  const excerpt = (input.excerpt ?? "").trim().slice(0, EXCERPT_LENGTH);
  const now = new Date();
  for (const user of users) {
    const immediate = user.notificationEmail === "immediate";
    await client.notification.create({
      data: {
        userId: user.id,
        kind: input.kind,
        chapterId: input.chapterId,
        actorId: input.actorId,
        excerpt,
        link: input.link,
        emailedAt: immediate ? now : null,
      },
    });
    if (immediate) {
      const summary = notificationSummary(input.kind, { actor: actor?.name ?? "Kapittel", chapter: chapter.title });
      await queueEmail(
        { to: user.email, subject: summary, text: notificationEmailText([{ summary, excerpt, link: input.link }]), kind: `notification.${input.kind}` },
        client,
      );
    }
  }
  return users.length;
}

/** The one-line description of a notification, in Dutch (the platform's first language). */
export function notificationSummary(kind: NotificationKind, params: { actor: string; chapter: string }): string {
  return translate(DEFAULT_LOCALE, `notifications.kind.${kind}` as MessageKey, params);
}

/** The body of a notification e-mail (one item) or a digest (several), with links and the settings link. */
export function notificationEmailText(items: { summary: string; excerpt: string; link: string }[]): string {
  const base = appUrl();
  const blocks = items.map(({ summary, excerpt, link }) =>
    [summary, excerpt ? `“${excerpt}”` : null, translate(DEFAULT_LOCALE, "notifications.email.open", { url: base + link })]
      .filter(Boolean)
      .join("\n"),
  );
  return [...blocks, "—", translate(DEFAULT_LOCALE, "notifications.email.settings", { url: `${base}/account` })].join("\n\n");
}
