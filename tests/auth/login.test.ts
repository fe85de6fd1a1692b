import { describe, expect, test } from "vitest";
import { LOGIN_FAILURES_PER_ACCOUNT } from "#app/utils/rate-limit.server.ts";
import { createUser, TEST_PASSWORD } from "#tests/factories.ts";
import { TestClient } from "#tests/helpers/http-client.ts";
import { logInAs } from "#tests/helpers/login.ts";
import { useTestServer } from "#tests/helpers/server.ts";
import { countTags, isLoggedIn, logInWithForm, SESSION_COOKIE, setCookieFor } from "./helpers.ts";

// Every wrong password in this file counts against the one test client address (30 a minute).
const app = useTestServer();

describe("the login page", () => {
  test("is a Dutch page with one heading and labelled, autocompleting fields", async () => {
    const { response, html } = await new TestClient(app.url).page("/inloggen");
    expect(response.status).toBe(200);
    expect(html).toContain("<title>Inloggen — Kapittel</title>");
    expect(countTags(html, "h1")).toBe(1);
    expect(html).toMatch(/<label[^>]*for="login-email"[^>]*>E-mailadres<\/label>/);
    expect(html).toMatch(/<label[^>]*for="login-password"[^>]*>Wachtwoord<\/label>/);
    expect(html).toMatch(/<input[^>]*autoComplete="email"|<input[^>]*autocomplete="email"/i);
    expect(html).toMatch(/autocomplete="current-password"/i);
    expect(html).toContain('name="csrf"');
    expect(html).toContain('href="/wachtwoord-vergeten"');
  });

  test("speaks English when that language was chosen", async () => {
    const client = new TestClient(app.url);
    await client.page("/");
    await client.post("/taal", { lang: "en", redirectTo: "/inloggen" });
    const { html } = await client.page("/inloggen");
    expect(html).toContain("<title>Log in — Kapittel</title>");
    expect(html).toMatch(/<label[^>]*for="login-email"[^>]*>E-mail address<\/label>/);
    const response = await client.post("/inloggen", { email: "niemand@kapittel.test", password: "wrong password" });
    expect(await response.text()).toContain("E-mail address or password is incorrect.");
  });

  test("sends someone who is logged in home", async () => {
    const client = new TestClient(app.url);
    await logInAs(client, (await createUser()).id);
    const response = await client.get("/inloggen");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/");
  });
});

describe("logging in", () => {
  test("sets an httpOnly, SameSite=Lax session cookie and goes home", async () => {
    const user = await createUser();
    const client = new TestClient(app.url);
    const response = await logInWithForm(client, user.email, TEST_PASSWORD);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/");
    const cookie = setCookieFor(response, SESSION_COOKIE) ?? "";
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Lax/i);
    expect(cookie).toMatch(/;\s*Path=\//i);
    expect(await isLoggedIn(client)).toBe(true);
  });

  test("accepts the e-mail address in any case and with spaces around it", async () => {
    const user = await createUser();
    const response = await logInWithForm(new TestClient(app.url), `  ${user.email.toUpperCase()} `, TEST_PASSWORD);
    expect(response.status).toBe(302);
  });

  test("gives a new session id on every login and ends the one before", async () => {
    const user = await createUser();
    const client = new TestClient(app.url);
    await logInWithForm(client, user.email, TEST_PASSWORD);
    const first = client.cookies.get(SESSION_COOKIE);
    await logInWithForm(client, user.email, TEST_PASSWORD);
    const second = client.cookies.get(SESSION_COOKIE);
    expect(first).toBeTruthy();
    expect(second).toBeTruthy();
    expect(second).not.toBe(first);

    const withOldCookie = new TestClient(app.url);
    withOldCookie.cookies.set(SESSION_COOKIE, first!);
    expect(await isLoggedIn(withOldCookie)).toBe(false);
    expect(await isLoggedIn(client)).toBe(true);
  });

  test("refuses a wrong password with one Dutch message, and does not echo the password", async () => {
    const user = await createUser();
    const client = new TestClient(app.url);
    const response = await logInWithForm(client, user.email, "niet-het-wachtwoord");
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("E-mailadres of wachtwoord klopt niet.");
    expect(html).toContain('role="alert"');
    expect(html).not.toContain("niet-het-wachtwoord");
    expect(setCookieFor(response, SESSION_COOKIE)).toBeUndefined();
    expect(await isLoggedIn(client)).toBe(false);
  });

  test("answers an unknown address exactly like a wrong password", async () => {
    const response = await logInWithForm(new TestClient(app.url), "niemand@kapittel.test", TEST_PASSWORD);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("E-mailadres of wachtwoord klopt niet.");
  });

  test("shows field errors for an empty form, linked to the fields", async () => {
    const response = await logInWithForm(new TestClient(app.url), "", "");
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Dit veld is verplicht.");
    expect(html).toMatch(/<input[^>]*aria-invalid="true"[^>]*aria-describedby="login-email-error"/);
    expect(html).toContain('id="login-email-error"');
  });

  test(`refuses the ${LOGIN_FAILURES_PER_ACCOUNT + 1}th attempt after ${LOGIN_FAILURES_PER_ACCOUNT} wrong passwords in a minute, even the right one`, async () => {
    const user = await createUser();
    const client = new TestClient(app.url);
    await client.page("/inloggen");
    for (let attempt = 1; attempt <= LOGIN_FAILURES_PER_ACCOUNT; attempt++) {
      const response = await client.post("/inloggen", { email: user.email, password: `fout-${attempt}` });
      expect(response.status).toBe(400);
      await response.body?.cancel();
    }
    const blocked = await client.post("/inloggen", { email: user.email, password: TEST_PASSWORD });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await blocked.text()).toMatch(/Te veel mislukte inlogpogingen\. Probeer het over \d+ seconden opnieuw\./);
    expect(setCookieFor(blocked, SESSION_COOKIE)).toBeUndefined();
    expect(await isLoggedIn(client)).toBe(false);
  });

  test("refuses a form without its CSRF token with 403", async () => {
    const user = await createUser();
    const client = new TestClient(app.url);
    await client.page("/inloggen");
    const response = await client.post("/inloggen", { email: user.email, password: TEST_PASSWORD, csrf: null });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain("Het formulier is verlopen of komt niet van Kapittel");
    expect(await isLoggedIn(client)).toBe(false);
  });

  test("returns to a page of this site after logging in", async () => {
    const user = await createUser();
    const client = new TestClient(app.url);
    const { html } = await client.page("/inloggen?redirectTo=%2Faccount");
    expect(html).toContain('name="redirectTo" value="/account"');
    const response = await client.post("/inloggen", { email: user.email, password: TEST_PASSWORD, redirectTo: "/account" });
    expect(response.headers.get("location")).toBe("/account");
  });

  test.each(["//evil.example", "https://evil.example/", "/\\evil.example"])("does not follow redirectTo=%s", async (target) => {
    const user = await createUser();
    const client = new TestClient(app.url);
    await client.page(`/inloggen?redirectTo=${encodeURIComponent(target)}`);
    const response = await client.post("/inloggen", { email: user.email, password: TEST_PASSWORD, redirectTo: target });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/");
  });
});
