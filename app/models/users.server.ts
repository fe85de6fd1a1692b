import type { Prisma } from "#app/generated/prisma/client.ts";
import { db } from "#app/utils/db.server.ts";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "#app/utils/password.server.ts";
import { clearLoginFailures, loginBlockedForSeconds, recordLoginFailure } from "#app/utils/rate-limit.server.ts";
import { endAllSessionsOf } from "#app/utils/session.server.ts";
import { isUniqueConstraintError } from "#app/utils/db-errors.server.ts";

/** The outcome of checking an e-mail address and password. */
export type AuthenticationResult =
  | { status: "ok"; userId: string }
  | { status: "invalid" }
  | { status: "blocked"; retryAfterSeconds: number };

/**
 * Checks a password for the account with this e-mail address (already normalised by emailSchema),
 * within the login rate limit. While an account or address is blocked the password is not even
 * checked, so the right password guessed during a block does not get in either.
 */
export async function authenticate(email: string, password: string, clientIp: string): Promise<AuthenticationResult> {
  const retryAfterSeconds = await loginBlockedForSeconds(email, clientIp);
  if (retryAfterSeconds > 0) return { status: "blocked", retryAfterSeconds };

  const user = await db.user.findUnique({ where: { email }, select: { id: true, passwordHash: true } });
  const valid = user ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDummy(password);
  if (!user || !valid) {
    // Unknown addresses count too: otherwise only real accounts could ever be blocked,
    // and the block itself would tell which addresses have an account.
    await recordLoginFailure(email, clientIp);
    return { status: "invalid" };
  }
  await clearLoginFailures(email);
  return { status: "ok", userId: user.id };
}

/** The outcome of a registration. */
export type RegistrationResult = { status: "created"; userId: string } | { status: "email-taken" };

/** Creates a reader account. A taken e-mail address is an expected outcome, not an error. */
export async function registerReader(input: { name: string; email: string; password: string }): Promise<RegistrationResult> {
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await db.user.create({
      data: { name: input.name, email: input.email, passwordHash, role: "reader" },
      select: { id: true },
    });
    return { status: "created", userId: user.id };
  } catch (error) {
    // The unique index is the one check: looking the address up first would still race with
    // a second registration for the same address between the look-up and the insert.
    if (isUniqueConstraintError(error)) return { status: "email-taken" };
    throw error;
  }
}

/** Changes the name people see for this user. */
export async function updateName(userId: string, name: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { name } });
}

/** The outcome of a password change from the account page. */
export type PasswordChangeResult =
  | { status: "changed" }
  | { status: "wrong-password" }
  | { status: "blocked"; retryAfterSeconds: number };

/**
 * Changes a password after checking the current one (within the login rate limit, so a
 * borrowed session cannot be used to guess it) and ends every session of the user. The caller
 * starts a fresh session for the device the change was made on.
 */
export async function changePassword(input: {
  userId: string;
  email: string;
  currentPassword: string;
  newPassword: string;
  clientIp: string;
}): Promise<PasswordChangeResult> {
  const check = await authenticate(input.email, input.currentPassword, input.clientIp);
  if (check.status === "blocked") return check;
  if (check.status === "invalid" || check.userId !== input.userId) return { status: "wrong-password" };
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction((tx) => replacePasswordHash(tx, input.userId, passwordHash));
  return { status: "changed" };
}

/**
 * Within a transaction: stores a new password hash, voids the user's outstanding reset links
 * (they were meant for the old password) and ends all their sessions.
 */
export async function replacePasswordHash(tx: Prisma.TransactionClient, userId: string, passwordHash: string): Promise<void> {
  await tx.user.update({ where: { id: userId }, data: { passwordHash } });
  await tx.passwordReset.updateMany({ where: { userId, usedAt: null }, data: { usedAt: new Date() } });
  await endAllSessionsOf(userId, tx);
}

