import { translate } from "#app/common/i18n/catalogue.ts";
import type { Locale } from "#app/common/i18n/locales.ts";
import { queueEmail } from "#app/models/outbox.server.ts";
import { replacePasswordHash } from "#app/models/users.server.ts";
import { db } from "#app/utils/db.server.ts";
import { appUrl } from "#app/utils/env.server.ts";
import { hashPassword } from "#app/utils/password.server.ts";
import { lockRow } from "#app/utils/row-lock.server.ts";
import { hashToken, newSecretToken } from "#app/utils/tokens.server.ts";

const HOUR_MS = 60 * 60 * 1000;

/** How long a reset link works. */
export const RESET_LINK_LIFETIME_MS = HOUR_MS;

/** Reset e-mails per account per hour: enough for a lost message, too few to flood an inbox. */
export const RESET_LINKS_PER_HOUR = 3;

/** The path of the page a reset link opens. */
export function resetLinkPath(token: string): string {
  return `/wachtwoord-herstellen/${token}`;
}

/**
 * For an existing account: creates a single-use reset link and queues the e-mail that carries
 * it, in the language the request was made in. For an unknown address it does nothing; callers
 * answer the same either way, so the form does not reveal who has an account.
 */
export async function requestPasswordReset(email: string, locale: Locale): Promise<void> {
  const user = await db.user.findUnique({ where: { email }, select: { id: true, name: true, email: true } });
  if (!user) return;
  const token = newSecretToken();
  const link = `${appUrl()}${resetLinkPath(token)}`;
  // A link without its e-mail (or the reverse) would be useless: both or neither. The account's
  // row is locked before counting, so requests at the same moment cannot all pass the limit.
  await db.$transaction(async (tx) => {
    await lockRow(tx, "User", user.id);
    const recent = await tx.passwordReset.count({
      where: { userId: user.id, createdAt: { gt: new Date(Date.now() - HOUR_MS) } },
    });
    if (recent >= RESET_LINKS_PER_HOUR) return;
    await tx.passwordReset.create({
      data: { userId: user.id, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + RESET_LINK_LIFETIME_MS) },
    });
    await queueEmail(
      {
        to: user.email,
        subject: translate(locale, "auth.resetEmail.subject"),
        text: translate(locale, "auth.resetEmail.text", { name: user.name, link }),
        kind: "password-reset",
      },
      tx,
    );
  });
}

/** The account a reset link is for, or null when the link is unknown, expired or used. */
export async function findUsableReset(token: string): Promise<{ email: string } | null> {
  const reset = await db.passwordReset.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { usedAt: true, expiresAt: true, user: { select: { email: true } } },
  });
  if (!reset || reset.usedAt || reset.expiresAt.getTime() <= Date.now()) return null;
  return { email: reset.user.email };
}

/**
 * Sets a new password through a reset link: in one transaction the link is used up, the hash
 * replaced and every session of the user ended. Returns the user's id, or null when the link
 * is unknown, expired or already used.
 */
export async function resetPassword(token: string, newPassword: string): Promise<string | null> {
  // A cheap look first, so a dead link costs no password hashing.
  if (!(await findUsableReset(token))) return null;
  const passwordHash = await hashPassword(newPassword);
  return db.$transaction(async (tx) => {
    const reset = await tx.passwordReset.findUnique({ where: { tokenHash: hashToken(token) }, select: { id: true, userId: true } });
    if (!reset) return null;
    // Claiming with a conditional update keeps the link single-use when two submissions race.
    const claimed = await tx.passwordReset.updateMany({
      where: { id: reset.id, usedAt: null, expiresAt: { gt: new Date() } },
      data: { usedAt: new Date() },
    });
    if (claimed.count === 0) return null;
    await replacePasswordHash(tx, reset.userId, passwordHash);
    return reset.userId;
  });
}
