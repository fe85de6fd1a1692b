import { describe, expect, test } from "vitest";
import { db } from "#app/utils/db.server.ts";
import { createUser, TEST_PASSWORD } from "#tests/factories.ts";
import { TestClient } from "#tests/helpers/http-client.ts";
import { useTestServer } from "#tests/helpers/server.ts";
import { isLoggedIn, logInWithForm, SESSION_COOKIE, setCookieFor } from "./helpers.ts";

const app = useTestServer();

async function loggedInClient(): Promise<{ client: TestClient; userId: string }> {
  const user = await createUser();
  const client = new TestClient(app.url);
  expect((await logInWithForm(client, user.email, TEST_PASSWORD)).status).toBe(302);
  return { client, userId: user.id };
}

describe("logging out", () => {
  test("ends the session: the old cookie no longer works", async () => {
    const { client, userId } = await loggedInClient();
    const oldCookie = client.cookies.get(SESSION_COOKIE)!;
    await client.page("/");

    const response = await client.post("/uitloggen", {});
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/");
    expect(setCookieFor(response, SESSION_COOKIE)).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/i);
    expect(await isLoggedIn(client)).toBe(false);

    const replay = new TestClient(app.url);
    replay.cookies.set(SESSION_COOKIE, oldCookie);
    expect(await isLoggedIn(replay)).toBe(false);
    expect(await db.session.count({ where: { userId } })).toBe(0);
  });

  test("only by a form: GET goes home and leaves the session alone", async () => {
    const { client } = await loggedInClient();
    const response = await client.get("/uitloggen");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/");
    expect(await isLoggedIn(client)).toBe(true);
  });

  test("refuses a form without its CSRF token", async () => {
    const { client } = await loggedInClient();
    await client.page("/");
    const response = await client.post("/uitloggen", { csrf: null });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain("Het formulier is verlopen of komt niet van Kapittel");
    expect(await isLoggedIn(client)).toBe(true);
  });

  test("the header offers it as a form with the CSRF token", async () => {
    const { client } = await loggedInClient();
    const { html } = await client.page("/");
    expect(html).toMatch(/<form[^>]*method="post"[^>]*action="\/uitloggen"[^>]*>\s*<input type="hidden" name="csrf" value="[^"]+"/);
  });
});
