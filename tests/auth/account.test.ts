import { describe, expect, test } from "vitest";
import { db } from "#app/utils/db.server.ts";
import { verifyPassword } from "#app/utils/password.server.ts";
import { LOGIN_FAILURES_PER_ACCOUNT } from "#app/utils/rate-limit.server.ts";
import { createOrganisation, createUser, TEST_PASSWORD } from "#tests/factories.ts";
import { TestClient } from "#tests/helpers/http-client.ts";
import { logInAs } from "#tests/helpers/login.ts";
import { useTestServer } from "#tests/helpers/server.ts";
import { countTags, isLoggedIn, SESSION_COOKIE, setCookieFor } from "./helpers.ts";

const app = useTestServer();

const NEW_PASSWORD = "een heel ander wachtwoord";

async function clientFor(userId: string): Promise<TestClient> {
  const client = new TestClient(app.url);
  await logInAs(client, userId);
  await client.page("/account");
  return client;
}

describe("the account page", () => {
  test("sends a visitor to log in, and back here afterwards", async () => {
    const response = await new TestClient(app.url).get("/account");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/inloggen?redirectTo=%2Faccount");
  });

  test("shows name, e-mail address, role and organisations", async () => {
    const organisation = await createOrganisation({ name: "Gemeente Zwolle" });
    const user = await createUser({ role: "author", name: "Sanne Visser", organisationIds: [organisation.id] });
    const client = new TestClient(app.url);
    await logInAs(client, user.id);
    const { response, html } = await client.page("/account");
    expect(response.status).toBe(200);
    expect(html).toContain("<title>Mijn account — Kapittel</title>");
    expect(countTags(html, "h1")).toBe(1);
    for (const text of ["Sanne Visser", user.email, "Auteur", "Gemeente Zwolle"]) expect(html).toContain(text);
    expect(html).toMatch(/autocomplete="current-password"/i);
  });

  test("says so when the user belongs to no organisation", async () => {
    const client = new TestClient(app.url);
    await logInAs(client, (await createUser()).id);
    expect((await client.page("/account")).html).toContain("U bent geen lid van een organisatie.");
  });
});

describe("changing the name", () => {
  test("saves a new name", async () => {
    const user = await createUser({ name: "Oude Naam" });
    const client = await clientFor(user.id);
    const response = await client.post("/account", { intent: "change-name", name: "  Nieuwe Naam " });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/account?opgeslagen=naam");
    const { html } = await client.page("/account?opgeslagen=naam");
    expect(html).toContain("Uw naam is opgeslagen.");
    expect(html).toContain("Nieuwe Naam");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe("Nieuwe Naam");
  });

  test("refuses an empty name", async () => {
    const user = await createUser({ name: "Blijft Staan" });
    const client = await clientFor(user.id);
    const response = await client.post("/account", { intent: "change-name", name: "   " });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Dit veld is verplicht.");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe("Blijft Staan");
  });
});

describe("changing the password", () => {
  const change = (client: TestClient, currentPassword: string) =>
    client.post("/account", { intent: "change-password", currentPassword, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });

  test("needs the current password", async () => {
    const user = await createUser();
    const client = await clientFor(user.id);
    const response = await change(client, "niet mijn wachtwoord");
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Het huidige wachtwoord klopt niet.");
    expect(html).not.toContain(NEW_PASSWORD);
    await expect(verifyPassword((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash, TEST_PASSWORD)).resolves.toBe(true);
  });

  test("ends the other sessions and keeps this device logged in with a new session", async () => {
    const user = await createUser();
    const otherDevice = new TestClient(app.url);
    await logInAs(otherDevice, user.id);
    const client = await clientFor(user.id);
    const before = client.cookies.get(SESSION_COOKIE);

    const response = await change(client, TEST_PASSWORD);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/account?opgeslagen=wachtwoord");
    expect(setCookieFor(response, SESSION_COOKIE)).toMatch(/HttpOnly/i);
    expect(client.cookies.get(SESSION_COOKIE)).not.toBe(before);
    const { response: page, html } = await client.page("/account?opgeslagen=wachtwoord");
    expect(page.status).toBe(200);
    expect(html).toContain("Uw wachtwoord is gewijzigd.");

    expect(await isLoggedIn(client)).toBe(true);
    expect(await isLoggedIn(otherDevice)).toBe(false);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
    await expect(verifyPassword((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash, NEW_PASSWORD)).resolves.toBe(true);
  });

  test("guessing the current password meets the login rate limit", async () => {
    const user = await createUser();
    const client = await clientFor(user.id);
    for (let attempt = 1; attempt <= LOGIN_FAILURES_PER_ACCOUNT; attempt++) {
      const response = await change(client, `fout-${attempt}`);
      expect(response.status).toBe(400);
      await response.body?.cancel();
    }
    const blocked = await change(client, TEST_PASSWORD);
    expect(blocked.status).toBe(429);
    expect(await blocked.text()).toMatch(/Te veel mislukte inlogpogingen\. Probeer het over \d+ seconden opnieuw\./);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(user.passwordHash);
  });

  test("refuses a form without its CSRF token", async () => {
    const user = await createUser();
    const client = await clientFor(user.id);
    const response = await client.post("/account", {
      intent: "change-password",
      currentPassword: TEST_PASSWORD,
      newPassword: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
      csrf: null,
    });
    expect(response.status).toBe(403);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(user.passwordHash);
  });
});
