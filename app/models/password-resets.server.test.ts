import { describe, expect, test } from "vitest";
import {
  findUsableReset,
  requestPasswordReset,
  RESET_LINK_LIFETIME_MS,
  RESET_LINKS_PER_HOUR,
  resetPassword,
} from "#app/models/password-resets.server.ts";
import { db } from "#app/utils/db.server.ts";
import { appUrl } from "#app/utils/env.server.ts";
import { verifyPassword } from "#app/utils/password.server.ts";
import { startSession } from "#app/utils/session.server.ts";
import { hashToken } from "#app/utils/tokens.server.ts";
import { createUser, TEST_PASSWORD } from "#tests/factories.ts";

const NEW_PASSWORD = "een gloednieuw wachtwoord";

/** Requests a reset for a new user and returns the user and the token from the queued e-mail. */
async function userWithResetLink() {
  const user = await createUser({ name: "Bram Jansen" });
  await requestPasswordReset(user.email, "nl");
  const email = await db.outboxEmail.findFirstOrThrow({ where: { to: user.email, kind: "password-reset" } });
  const token = /\/wachtwoord-herstellen\/([\w-]+)/.exec(email.text)?.[1];
  if (!token) throw new Error(`no reset link in: ${email.text}`);
  return { user, email, token };
}

describe("requestPasswordReset", () => {
  test("queues a Dutch e-mail with a link whose secret is stored only as a hash", async () => {
    const before = Date.now();
    const { user, email, token } = await userWithResetLink();
    expect(email.subject).toBe("Nieuw wachtwoord instellen voor Kapittel");
    expect(email.text).toContain("Beste Bram Jansen");
    expect(email.text).toContain(`${appUrl()}/wachtwoord-herstellen/${token}`);
    expect(email.text).toContain("één uur");

    const reset = await db.passwordReset.findFirstOrThrow({ where: { userId: user.id } });
    expect(reset.tokenHash).toBe(hashToken(token));
    expect(reset.tokenHash).not.toContain(token);
    expect(reset.usedAt).toBeNull();
    expect(reset.expiresAt.getTime()).toBeGreaterThanOrEqual(before + RESET_LINK_LIFETIME_MS);
    expect(reset.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + RESET_LINK_LIFETIME_MS);
  });

  test("writes nothing for an address without an account", async () => {
    const [resets, emails] = [await db.passwordReset.count(), await db.outboxEmail.count()];
    await requestPasswordReset("niemand@kapittel.test", "nl");
    expect(await db.passwordReset.count()).toBe(resets);
    expect(await db.outboxEmail.count()).toBe(emails);
  });

  test("writes the e-mail in the language the request was made in", async () => {
    const user = await createUser();
    await requestPasswordReset(user.email, "en");
    const email = await db.outboxEmail.findFirstOrThrow({ where: { to: user.email } });
    expect(email.subject).toBe("Set a new password for Kapittel");
  });

  test(`sends at most ${RESET_LINKS_PER_HOUR} links per account per hour`, async () => {
    const user = await createUser();
    for (let request = 0; request < RESET_LINKS_PER_HOUR + 2; request++) await requestPasswordReset(user.email, "nl");
    expect(await db.outboxEmail.count({ where: { to: user.email } })).toBe(RESET_LINKS_PER_HOUR);
    expect(await db.passwordReset.count({ where: { userId: user.id } })).toBe(RESET_LINKS_PER_HOUR);
  });

  test("requests at the same moment do not get past the limit either", async () => {
    const user = await createUser();
    await Promise.all(Array.from({ length: RESET_LINKS_PER_HOUR + 3 }, () => requestPasswordReset(user.email, "nl")));
    expect(await db.outboxEmail.count({ where: { to: user.email } })).toBe(RESET_LINKS_PER_HOUR);
    expect(await db.passwordReset.count({ where: { userId: user.id } })).toBe(RESET_LINKS_PER_HOUR);
  });
});

describe("resetPassword", () => {
  test("sets the password, uses up the link and ends every session of the user", async () => {
    const { user, token } = await userWithResetLink();
    await startSession(new Request("http://kapittel.test/"), user.id);
    await expect(findUsableReset(token)).resolves.toEqual({ email: user.email });

    await expect(resetPassword(token, NEW_PASSWORD)).resolves.toBe(user.id);

    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    await expect(verifyPassword(after.passwordHash, NEW_PASSWORD)).resolves.toBe(true);
    await expect(verifyPassword(after.passwordHash, TEST_PASSWORD)).resolves.toBe(false);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect((await db.passwordReset.findFirstOrThrow({ where: { userId: user.id } })).usedAt).not.toBeNull();
  });

  test("works once: a second use is refused and changes nothing", async () => {
    const { user, token } = await userWithResetLink();
    await resetPassword(token, NEW_PASSWORD);
    const hashAfterFirstUse = (await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash;

    await expect(findUsableReset(token)).resolves.toBeNull();
    await expect(resetPassword(token, "nog een ander wachtwoord")).resolves.toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(hashAfterFirstUse);
  });

  test("two submissions racing with one link: exactly one wins", async () => {
    const { token } = await userWithResetLink();
    const results = await Promise.all([resetPassword(token, NEW_PASSWORD), resetPassword(token, "nog een ander wachtwoord")]);
    expect(results.filter((result) => result !== null)).toHaveLength(1);
  });

  test("refuses an expired link", async () => {
    const { user, token } = await userWithResetLink();
    await db.passwordReset.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(findUsableReset(token)).resolves.toBeNull();
    await expect(resetPassword(token, NEW_PASSWORD)).resolves.toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(user.passwordHash);
  });

  test("refuses an unknown link", async () => {
    await expect(findUsableReset("bestaat-niet")).resolves.toBeNull();
    await expect(resetPassword("bestaat-niet", NEW_PASSWORD)).resolves.toBeNull();
  });

  test("a new password voids the user's other outstanding links", async () => {
    const { user, token } = await userWithResetLink();
    await requestPasswordReset(user.email, "nl");
    const emails = await db.outboxEmail.findMany({ where: { to: user.email } });
    const second = emails.find((email) => !email.text.includes(token));
    const secondToken = /\/wachtwoord-herstellen\/([\w-]+)/.exec(second?.text ?? "")?.[1] ?? "";
    await expect(findUsableReset(secondToken)).resolves.not.toBeNull();
    await resetPassword(token, NEW_PASSWORD);
    await expect(findUsableReset(secondToken)).resolves.toBeNull();
  });
});
