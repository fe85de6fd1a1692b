import { randomUUID } from "node:crypto";
import { describe, expect, test } from "vitest";
import { authenticate, changePassword, registerReader, updateName } from "#app/models/users.server.ts";
import { db } from "#app/utils/db.server.ts";
import { verifyPassword } from "#app/utils/password.server.ts";
import { LOGIN_FAILURES_PER_ACCOUNT, LOGIN_FAILURES_PER_IP } from "#app/utils/rate-limit.server.ts";
import { startSession } from "#app/utils/session.server.ts";
import { createUser, TEST_PASSWORD } from "#tests/factories.ts";

// The login limiter lives in memory for the whole file, so each test uses its own address.
const freshIp = () => `client-${randomUUID()}`;
const freshEmail = () => `lezer-${randomUUID().slice(0, 8)}@kapittel.test`;

describe("registerReader", () => {
  test("creates a reader with a hashed password", async () => {
    const email = freshEmail();
    const result = await registerReader({ name: "Anna de Vries", email, password: "een lang wachtwoord" });
    expect(result.status).toBe("created");
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user).toMatchObject({ name: "Anna de Vries", role: "reader" });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    await expect(verifyPassword(user.passwordHash, "een lang wachtwoord")).resolves.toBe(true);
  });

  test("reports a taken e-mail address instead of failing", async () => {
    const existing = await createUser();
    const result = await registerReader({ name: "Iemand Anders", email: existing.email, password: "een lang wachtwoord" });
    expect(result).toEqual({ status: "email-taken" });
    expect(await db.user.count({ where: { email: existing.email } })).toBe(1);
  });

  test("two registrations racing for one address: one account, one 'taken'", async () => {
    const email = freshEmail();
    const results = await Promise.all([
      registerReader({ name: "Eerste", email, password: "een lang wachtwoord" }),
      registerReader({ name: "Tweede", email, password: "een lang wachtwoord" }),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual(["created", "email-taken"]);
    expect(await db.user.count({ where: { email } })).toBe(1);
  });
});

describe("authenticate", () => {
  test("accepts the right password and refuses a wrong one or an unknown address alike", async () => {
    const user = await createUser();
    const ip = freshIp();
    await expect(authenticate(user.email, TEST_PASSWORD, ip)).resolves.toEqual({ status: "ok", userId: user.id });
    await expect(authenticate(user.email, "niet het wachtwoord", ip)).resolves.toEqual({ status: "invalid" });
    await expect(authenticate(freshEmail(), TEST_PASSWORD, ip)).resolves.toEqual({ status: "invalid" });
  });

  test(`blocks an account after ${LOGIN_FAILURES_PER_ACCOUNT} wrong passwords, even for the right one`, async () => {
    const user = await createUser();
    const ip = freshIp();
    for (let attempt = 0; attempt < LOGIN_FAILURES_PER_ACCOUNT; attempt++) {
      await expect(authenticate(user.email, `fout ${attempt}`, ip)).resolves.toEqual({ status: "invalid" });
    }
    const blocked = await authenticate(user.email, TEST_PASSWORD, ip);
    expect(blocked.status).toBe("blocked");
    expect(blocked.status === "blocked" && blocked.retryAfterSeconds).toBeGreaterThan(0);
    expect(blocked.status === "blocked" && blocked.retryAfterSeconds).toBeLessThanOrEqual(60);
    // The block is per account: someone else on another address is not affected.
    const other = await createUser();
    await expect(authenticate(other.email, TEST_PASSWORD, freshIp())).resolves.toMatchObject({ status: "ok" });
  });

  test("a successful login clears the account's earlier failures", async () => {
    const user = await createUser();
    const ip = freshIp();
    for (let attempt = 0; attempt < LOGIN_FAILURES_PER_ACCOUNT - 1; attempt++) await authenticate(user.email, "fout", ip);
    await expect(authenticate(user.email, TEST_PASSWORD, ip)).resolves.toMatchObject({ status: "ok" });
    for (let attempt = 0; attempt < LOGIN_FAILURES_PER_ACCOUNT - 1; attempt++) await authenticate(user.email, "fout", ip);
    await expect(authenticate(user.email, TEST_PASSWORD, ip)).resolves.toMatchObject({ status: "ok" });
  });

  test(`blocks an address after ${LOGIN_FAILURES_PER_IP} wrong passwords spread over many accounts`, async () => {
    const ip = freshIp();
    for (let attempt = 0; attempt < LOGIN_FAILURES_PER_IP; attempt++) await authenticate(freshEmail(), "fout", ip);
    const user = await createUser();
    await expect(authenticate(user.email, TEST_PASSWORD, ip)).resolves.toMatchObject({ status: "blocked" });
  });
});

describe("updateName", () => {
  test("changes the name", async () => {
    const user = await createUser();
    await updateName(user.id, "Nieuwe Naam");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe("Nieuwe Naam");
  });
});

describe("changePassword", () => {
  const change = (user: { id: string; email: string }, currentPassword: string) =>
    changePassword({ userId: user.id, email: user.email, currentPassword, newPassword: "een nieuw wachtwoord", clientIp: freshIp() });

  test("refuses a wrong current password and changes nothing", async () => {
    const user = await createUser();
    await startSession(new Request("http://kapittel.test/"), user.id);
    await expect(change(user, "niet het wachtwoord")).resolves.toEqual({ status: "wrong-password" });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.passwordHash).toBe(user.passwordHash);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
  });

  test("with the right current password: new hash, every session ended, reset links voided", async () => {
    const user = await createUser();
    const other = await createUser();
    for (const device of ["laptop", "telefoon"]) await startSession(new Request(`http://${device}.test/`), user.id);
    await startSession(new Request("http://kapittel.test/"), other.id);
    await db.passwordReset.create({
      data: { userId: user.id, tokenHash: randomUUID(), expiresAt: new Date(Date.now() + 60_000) },
    });

    await expect(change(user, TEST_PASSWORD)).resolves.toEqual({ status: "changed" });

    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    await expect(verifyPassword(after.passwordHash, "een nieuw wachtwoord")).resolves.toBe(true);
    await expect(verifyPassword(after.passwordHash, TEST_PASSWORD)).resolves.toBe(false);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.session.count({ where: { userId: other.id } })).toBe(1);
    expect(await db.passwordReset.count({ where: { userId: user.id, usedAt: null } })).toBe(0);
  });
});
