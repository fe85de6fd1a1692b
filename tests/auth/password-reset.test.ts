import { describe, expect, test } from "vitest";
import { db } from "#app/utils/db.server.ts";
import { createUser, TEST_PASSWORD } from "#tests/factories.ts";
import { TestClient } from "#tests/helpers/http-client.ts";
import { logInAs } from "#tests/helpers/login.ts";
import { useTestServer } from "#tests/helpers/server.ts";
import { countTags, isLoggedIn, logInWithForm, resetLinkPathFromOutbox, SESSION_COOKIE, setCookieFor } from "./helpers.ts";

const app = useTestServer();

const NEW_PASSWORD = "mijn nieuwe wachtwoordzin";
const SAME_ANSWER = "Als er een account bij dit adres hoort, hebben we een e-mail gestuurd";
const INVALID_LINK = "Deze link werkt niet meer";

async function requestReset(client: TestClient, email: string): Promise<Response> {
  await client.page("/wachtwoord-vergeten");
  return client.post("/wachtwoord-vergeten", { email });
}

describe("asking for a reset link", () => {
  test("answers the same for an address with and without an account", async () => {
    const user = await createUser();
    const known = await requestReset(new TestClient(app.url), user.email);
    const unknown = await requestReset(new TestClient(app.url), "niemand@kapittel.test");
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    const [knownHtml, unknownHtml] = [await known.text(), await unknown.text()];
    expect(knownHtml).toContain(SAME_ANSWER);
    expect(unknownHtml).toContain(SAME_ANSWER);
    // Apart from the per-page CSRF token and nonce, the two pages are identical.
    const strip = (html: string) => html.replace(/nonce="[^"]*"/g, "").replace(/"csrf"[^>]*value="[^"]*"/g, "").replace(/csrfToken":"[^"]*"/g, "");
    expect(strip(knownHtml).length).toBe(strip(unknownHtml).length);

    expect(await db.outboxEmail.count({ where: { to: user.email, kind: "password-reset" } })).toBe(1);
    expect(await db.outboxEmail.count({ where: { to: "niemand@kapittel.test" } })).toBe(0);
  });

  test("refuses an invalid address with a field error", async () => {
    const response = await requestReset(new TestClient(app.url), "geen-adres");
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Vul een geldig e-mailadres in.");
  });
});

describe("setting a new password from the link", () => {
  test("works end to end: e-mail, new password, logged in, other sessions ended", async () => {
    const user = await createUser();
    const otherDevice = new TestClient(app.url);
    await logInAs(otherDevice, user.id);

    const client = new TestClient(app.url);
    await requestReset(client, user.email);
    const path = await resetLinkPathFromOutbox(user.email);

    const { response: page, html } = await client.page(path);
    expect(page.status).toBe(200);
    expect(html).toContain("<title>Nieuw wachtwoord instellen — Kapittel</title>");
    expect(countTags(html, "h1")).toBe(1);
    expect(html).toContain(user.email);
    expect(html).toMatch(/autocomplete="new-password"/i);

    const response = await client.post(path, { password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/");
    expect(setCookieFor(response, SESSION_COOKIE)).toBeDefined();

    expect(await isLoggedIn(client)).toBe(true);
    expect(await isLoggedIn(otherDevice)).toBe(false);
    expect((await logInWithForm(new TestClient(app.url), user.email, NEW_PASSWORD)).status).toBe(302);
    expect((await logInWithForm(new TestClient(app.url), user.email, TEST_PASSWORD)).status).toBe(400);
  });

  test("a used link shows a clear page with a way to ask for a new one", async () => {
    const user = await createUser();
    const client = new TestClient(app.url);
    await requestReset(client, user.email);
    const path = await resetLinkPathFromOutbox(user.email);
    await client.page(path);
    expect((await client.post(path, { password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })).status).toBe(302);

    const again = new TestClient(app.url);
    const { response, html } = await again.page(path);
    expect(response.status).toBe(410);
    expect(html).toContain(INVALID_LINK);
    expect(html).toContain("al gebruikt");
    expect(html).toContain('href="/wachtwoord-vergeten"');
    expect(html).not.toContain("Er ging iets mis");
    expect(countTags(html, "h1")).toBe(1);

    const reused = await again.post(path, { password: "weer een ander wachtwoord", confirmPassword: "weer een ander wachtwoord" });
    expect(reused.status).toBe(410);
    expect(await reused.text()).toContain(INVALID_LINK);
    expect(setCookieFor(reused, SESSION_COOKIE)).toBeUndefined();
  });

  test("an expired link shows the same clear page and changes nothing", async () => {
    const user = await createUser();
    const client = new TestClient(app.url);
    await requestReset(client, user.email);
    const path = await resetLinkPathFromOutbox(user.email);
    await db.passwordReset.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });

    const { response, html } = await client.page(path);
    expect(response.status).toBe(410);
    expect(html).toContain(INVALID_LINK);
    expect(html).toContain("<title>Deze link werkt niet meer — Kapittel</title>");
    const post = await client.post(path, { password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect(post.status).toBe(410);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(user.passwordHash);
  });

  test("an unknown link shows the same clear page", async () => {
    const { response, html } = await new TestClient(app.url).page("/wachtwoord-herstellen/bestaat-niet");
    expect(response.status).toBe(410);
    expect(html).toContain(INVALID_LINK);
  });

  test("a too short new password is refused and the link stays usable", async () => {
    const user = await createUser();
    const client = new TestClient(app.url);
    await requestReset(client, user.email);
    const path = await resetLinkPathFromOutbox(user.email);
    await client.page(path);
    const response = await client.post(path, { password: "kort", confirmPassword: "kort" });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Een wachtwoord heeft minstens 10 tekens.");
    expect((await client.page(path)).response.status).toBe(200);
  });
});
