import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { createUser } from "#tests/factories.ts";
import { TestClient } from "#tests/helpers/http-client.ts";
import { logInAs } from "#tests/helpers/login.ts";
import { useTestServer } from "#tests/helpers/server.ts";

const app = useTestServer();
const ROUTES = path.resolve("app/routes");

/** The URL a flat-routes file answers, with every dynamic segment filled in. */
function urlOf(file: string): string {
  const segments = file
    .replace(/\.tsx?$/, "")
    .split(".")
    .filter((segment) => segment !== "_index" && !segment.startsWith("_"))
    .map((segment) => (segment.startsWith("$") ? "onbekend" : segment.replace(/_$/, "")));
  return `/${segments.join("/")}`;
}

// Every route that accepts a POST, found from the source, so a new one is covered without
// anyone remembering to add it here.
const actionRoutes = readdirSync(ROUTES)
  .filter((file) => /\.tsx?$/.test(file) && !file.includes(".test."))
  .filter((file) => /export\s+(async\s+)?function\s+action\b|export\s+const\s+action\b/.test(readFileSync(path.join(ROUTES, file), "utf8")))
  .map((file) => [file, urlOf(file)] as const);

describe("CSRF protection on every action", () => {
  let client: TestClient;
  beforeAll(async () => {
    client = new TestClient(app.url);
    await logInAs(client, (await createUser({ role: "admin" })).id);
    await client.page("/");
  });

  test("there are actions to check", () => {
    expect(actionRoutes.length).toBeGreaterThan(3);
  });

  test.each(actionRoutes)("%s (%s) refuses a form without a token", async (_file, url) => {
    const response = await client.post(url, { intent: "x", csrf: null });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain("Het formulier is verlopen of komt niet van Kapittel");
  });

  test.each(actionRoutes)("%s (%s) refuses a form with a forged token", async (_file, url) => {
    const response = await client.post(url, { intent: "x", csrf: "vervalst" });
    expect(response.status).toBe(403);
  });
});
