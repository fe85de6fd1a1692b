import { z } from "zod";
import { translate, type MessageKey } from "#app/common/i18n/catalogue.ts";
import { DEFAULT_LOCALE, type Locale } from "#app/common/i18n/locales.ts";
import { db, type Db } from "#app/utils/db.server.ts";
import { appUrl } from "#app/utils/env.server.ts";
import { queueEmail } from "./outbox.server.ts";

/*
 * How a notification's e-mail is settled (Notification.emailedAt):
 * - "immediate": e-mailed when it is created, emailedAt set at once.
 * - "daily": emailedAt stays null until the daily digest takes it (sendDigest below).
 * - "off": emailedAt is set at once although nothing is sent. emailedAt means "no e-mail is
 *   owed for this any more"; without that, someone who switches from "off" to "daily" would
 *   receive everything that happened while e-mail was off in one flood.
 * Changing the setting settles what the digest was still holding (updateEmailSetting).
 */

/** What a person is told about. */
export const NOTIFICATION_KINDS = ["submitted", "changes_requested", "approved", "published", "comment_reply", "mention"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** How review notifications reach someone by e-mail (User.notificationEmail). */
export const EMAIL_SETTINGS = ["immediate", "daily", "off"] as const;
export type EmailSetting = (typeof EMAIL_SETTINGS)[number];

/** The e-mail setting as submitted by the account form. */
export const emailSettingSchema = z.enum(EMAIL_SETTINGS, { error: "notifications.setting.invalid" });

export function isNotificationKind(value: unknown): value is NotificationKind {
  return typeof value === "string" && (NOTIFICATION_KINDS as readonly string[]).includes(value);
}

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
/** A daily digest goes out at most once in this period. */
export const DIGEST_PERIOD_MS = 24 * 60 * 60 * 1000;
/** Notifications per page of the list. */
export const NOTIFICATIONS_PAGE_SIZE = 20;

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
    // Only "daily" leaves the e-mail owed; see the note at the top of this file.
    const settled = user.notificationEmail !== "daily";
    await client.notification.create({
      data: {
        userId: user.id,
        kind: input.kind,
        chapterId: input.chapterId,
        actorId: input.actorId,
        excerpt,
        link: input.link,
        emailedAt: settled ? now : null,
      },
    });
    if (immediate) {
      const summary = notificationSummary(input.kind, { actor: actor?.name ?? someone(DEFAULT_LOCALE), chapter: chapter.title });
      await queueEmail(
        { to: user.email, subject: summary, text: notificationEmailText([{ summary, excerpt, link: input.link }]), kind: `notification.${input.kind}` },
        client,
      );
    }
  }
  return users.length;
}

/** The one-line description of a notification; Dutch (the platform's first language) unless told. */
export function notificationSummary(kind: NotificationKind, params: { actor: string; chapter: string }, locale: Locale = DEFAULT_LOCALE): string {
  return translate(locale, `notifications.kind.${kind}` as MessageKey, params);
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

/** Who did it, when the actor's account is gone (or it was the system). */
function someone(locale: Locale): string {
  return translate(locale, "notifications.someone");
}

const withNames = {
  actor: { select: { name: true } },
  chapter: { select: { title: true } },
} as const;

type NotificationWithNames = {
  kind: string;
  excerpt: string;
  link: string;
  actor: { name: string } | null;
  chapter: { title: string } | null;
};

/** A stored notification described in the given language; a kind this code does not know gets a neutral line. */
function describe(notification: NotificationWithNames, locale: Locale): string {
  const params = { actor: notification.actor?.name ?? someone(locale), chapter: notification.chapter?.title ?? "" };
  return isNotificationKind(notification.kind)
    ? notificationSummary(notification.kind, params, locale)
    : translate(locale, "notifications.kind.unknown", params);
}

/** How many notifications the user has not opened yet (the bell). Uses the (userId, readAt) index. */
export function countUnreadNotifications(userId: string): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null } });
}

export type NotificationListItem = {
  id: string;
  summary: string;
  excerpt: string;
  createdAt: Date;
  read: boolean;
};

/** One page of the user's notifications, newest first, described in their language. */
export async function listNotifications(
  userId: string,
  { page = 1, locale = DEFAULT_LOCALE }: { page?: number; locale?: Locale } = {},
): Promise<{ items: NotificationListItem[]; hasMore: boolean }> {
  const rows = await db.notification.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * NOTIFICATIONS_PAGE_SIZE,
    // One more than a page tells whether there is a next one.
    take: NOTIFICATIONS_PAGE_SIZE + 1,
    include: withNames,
  });
  return {
    items: rows.slice(0, NOTIFICATIONS_PAGE_SIZE).map((row) => ({
      id: row.id,
      summary: describe(row, locale),
      excerpt: row.excerpt,
      createdAt: row.createdAt,
      read: row.readAt !== null,
    })),
    hasMore: rows.length > NOTIFICATIONS_PAGE_SIZE,
  };
}

/**
 * Marks one of the user's notifications read and returns where it leads; null when the user has
 * no notification with that id (someone else's is treated exactly like one that does not exist).
 */
export async function openNotification(userId: string, notificationId: string, now = new Date()): Promise<string | null> {
  const notification = await db.notification.findFirst({ where: { id: notificationId, userId }, select: { link: true, readAt: true } });
  if (!notification) return null;
  if (!notification.readAt) {
    await db.notification.updateMany({ where: { id: notificationId, userId, readAt: null }, data: { readAt: now } });
  }
  return notification.link;
}

/** Marks every unread notification of the user read; returns how many. */
export async function markAllNotificationsRead(userId: string, now = new Date()): Promise<number> {
  const { count } = await db.notification.updateMany({ where: { userId, readAt: null }, data: { readAt: now } });
  return count;
}

/** The user's e-mail setting (an unknown stored value counts as "immediate", the default). */
export async function getEmailSetting(userId: string): Promise<EmailSetting> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { notificationEmail: true } });
  const parsed = emailSettingSchema.safeParse(user.notificationEmail);
  return parsed.success ? parsed.data : "immediate";
}

/**
 * Changes how notifications reach the user by e-mail. What the digest was still holding is
 * settled with the change: switching to "immediate" sends it now (as one digest), switching to
 * "off" drops it — so no later setting sends old news.
 */
export async function updateEmailSetting(userId: string, setting: EmailSetting, now = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { notificationEmail: setting } });
    if (setting === "immediate") await queueDigest(tx, userId, now);
    if (setting === "off") await tx.notification.updateMany({ where: { userId, emailedAt: null }, data: { emailedAt: now } });
  });
}

/** Users on the daily digest who have something waiting and got no digest in the last period. */
export async function usersDueForDigest(now: Date): Promise<string[]> {
  const cutoff = new Date(now.getTime() - DIGEST_PERIOD_MS);
  const users = await db.user.findMany({
    where: {
      notificationEmail: "daily",
      OR: [{ digestSentAt: null }, { digestSentAt: { lte: cutoff } }],
      notifications: { some: { emailedAt: null } },
    },
    select: { id: true },
  });
  return users.map((user) => user.id);
}

/**
 * Sends one user's daily digest if it is due: one e-mail with everything not yet e-mailed. The
 * claim (digestSentAt), the e-mail in the outbox and the marks on the notifications are one
 * transaction, so a crash leaves either all of it or none — never a second copy, never a lost item.
 * Returns how many notifications it covered (0: not due, or nothing waiting).
 */
export async function sendDailyDigest(userId: string, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - DIGEST_PERIOD_MS);
  try {
    return await db.$transaction(async (tx) => {
      // Claim first: this write takes the database's write lock, so two runs (two processes)
      // cannot both find the same user due and the same items waiting.
      const claimed = await tx.user.updateMany({
        where: { id: userId, notificationEmail: "daily", OR: [{ digestSentAt: null }, { digestSentAt: { lte: cutoff } }] },
        data: { digestSentAt: now },
      });
      if (claimed.count === 0) return 0;
      const count = await queueDigest(tx, userId, now);
      // Nothing waiting after all: undo the claim, so the next item is not held back a day.
      if (count === 0) throw new NothingToSend();
      return count;
    });
  } catch (error) {
    if (error instanceof NothingToSend) return 0;
    throw error;
  }
}

class NothingToSend extends Error {}

type DigestClient = Pick<Db, "notification" | "outboxEmail" | "user">;

/** Queues one e-mail with every notification of the user not yet e-mailed, and marks them. */
async function queueDigest(tx: DigestClient, userId: string, now: Date): Promise<number> {
  const pending = await tx.notification.findMany({
    where: { userId, emailedAt: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: withNames,
  });
  if (pending.length === 0) return 0;
  const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } });
  const items = pending.map((notification) => ({
    summary: describe(notification, DEFAULT_LOCALE),
    excerpt: notification.excerpt,
    link: notification.link,
  }));
  await queueEmail(
    {
      to: user.email,
      subject: translate(DEFAULT_LOCALE, "notifications.digest.subject", { count: items.length }),
      text: notificationEmailText(items),
      kind: "notification.digest",
    },
    tx,
  );
  // Exactly the items in the e-mail: one created meanwhile waits for the next digest.
  await tx.notification.updateMany({ where: { id: { in: pending.map((item) => item.id) } }, data: { emailedAt: now } });
  return pending.length;
}
