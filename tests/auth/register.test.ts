import { randomUUID } from "node:crypto";
import { describe, expect, test } from "vitest";
import { db } from "#app/utils/db.server.ts";
import { createUser } from "#tests/factories.ts";
import { TestClient } from "#tests/helpers/http-client.ts";
import { logInAs } from "#tests/helpers/login.ts";
import { useTestServer } from "#tests/helpers/server.ts";
import { countTags, isLoggedIn, SESSION_COOKIE, setCookieFor } from "./helpers.ts";

const app = useTestServer();

const PASSWORD = "lezen is leuk 2026";
const freshEmail = () => `nieuw-${randomUUID().slice(0, 8)}@kapittel.test`;

async function register(client: TestClient, fields: Record<string, string>): Promise<Response> {
  await client.page("/registreren");
  return client.post("/registreren", fields);
}

describe("the register page", () => {
  test("is a Dutch page with one heading and autocompleting fields", async () => {
    const { response, html } = await new TestClient(app.url).page("/registreren");
    expect(response.status).toBe(200);
    expect(html).toContain("<title>Registreren — Kapittel</title>");
    expect(countTags(html, "h1")).toBe(1);
    for (const autocomplete of ["name", "email", "new-password"]) {
      expect(html).toMatch(new RegExp(`autocomplete="${autocomplete}"`, "i"));
    }
    expect(html).toContain("Minstens 10 tekens.");
  });

  test("sends someone who is logged in home", async () => {
    const client = new TestClient(app.url);
    await logInAs(client, (await createUser()).id);
    const response = await client.get("/registreren");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/");
  });
});

describe("registering", () => {
  test("creates a reader and logs them in right away", async () => {
    const email = freshEmail();
    const client = new TestClient(app.url);
    const response = await register(client, { name: "Lotte Bakker", email: email.toUpperCase(), password: PASSWORD, confirmPassword: PASSWORD });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/");
    expect(setCookieFor(response, SESSION_COOKIE)).toMatch(/HttpOnly/i);

    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user).toMatchObject({ name: "Lotte Bakker", role: "reader" });
    expect(await isLoggedIn(client)).toBe(true);
    const { html } = await client.page("/account");
    expect(html).toContain("Lotte Bakker");
    expect(html).toContain("Lezer");
  });

  test("shows a field error for an e-mail address that already has an account", async () => {
    const existing = await createUser();
    const client = new TestClient(app.url);
    const response = await register(client, { name: "Dubbel", email: existing.email, password: PASSWORD, confirmPassword: PASSWORD });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Er is al een account met dit e-mailadres.");
    expect(html).toMatch(/<input[^>]*aria-invalid="true"[^>]*aria-describedby="register-email-error"/);
    // The typed name and address stay; the password is not sent back.
    expect(html).toContain('value="Dubbel"');
    expect(html).not.toContain(PASSWORD);
    expect(await db.user.count({ where: { email: existing.email } })).toBe(1);
    expect(await isLoggedIn(client)).toBe(false);
  });

  test("refuses a short password and two passwords that differ", async () => {
    const email = freshEmail();
    const short = await register(new TestClient(app.url), { name: "Kort", email, password: "kort", confirmPassword: "kort" });
    expect(short.status).toBe(400);
    expect(await short.text()).toContain("Een wachtwoord heeft minstens 10 tekens.");

    const differ = await register(new TestClient(app.url), { name: "Anders", email, password: PASSWORD, confirmPassword: `${PASSWORD}!` });
    expect(differ.status).toBe(400);
    expect(await differ.text()).toContain("De twee wachtwoorden zijn niet gelijk.");
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  test("refuses a form without its CSRF token", async () => {
    const email = freshEmail();
    const client = new TestClient(app.url);
    await client.page("/registreren");
    const response = await client.post("/registreren", { name: "X", email, password: PASSWORD, confirmPassword: PASSWORD, csrf: null });
    expect(response.status).toBe(403);
    expect(await db.user.count({ where: { email } })).toBe(0);
  });
});
