import { beforeAll, describe, expect, test } from "vitest";
import { db } from "#app/utils/db.server.ts";
import { TestClient } from "#tests/helpers/http-client.ts";
import { logInAs } from "#tests/helpers/login.ts";
import { useTestServer } from "#tests/helpers/server.ts";
import { loadDemoData } from "../../prisma/demo-data.ts";

const app = useTestServer();

beforeAll(async () => {
  await loadDemoData(db);
});

async function loggedIn(email: string): Promise<TestClient> {
  const client = new TestClient(app.url);
  await logInAs(client, (await db.user.findUniqueOrThrow({ where: { email } })).id);
  return client;
}

describe("partner pages", () => {
  test("the list shows every partner organisation with kind and tier", async () => {
    const { response, html } = await new TestClient(app.url).page("/partners");
    expect(response.status).toBe(200);
    for (const organisation of await db.organisation.findMany()) expect(html).toContain(`href="/partners/${organisation.slug}"`);
    expect(html).toContain("Premium partner");
  });

  test("a partner's page lists the chapters it co-wrote that the visitor may read, and the tools it owns", async () => {
    const amersfoort = await db.organisation.findUniqueOrThrow({ where: { slug: "gemeente-amersfoort" } });
    const chapters = await db.chapter.findMany({ where: { organisations: { some: { organisationId: amersfoort.id } } } });
    const published = chapters.filter((c) => c.status === "published");
    const drafts = chapters.filter((c) => c.status !== "published");
    expect(published.length).toBeGreaterThan(0);
    expect(drafts.length).toBeGreaterThan(0);

    const visitor = await new TestClient(app.url).page("/partners/gemeente-amersfoort");
    expect(visitor.response.status).toBe(200);
    for (const chapter of published) expect(visitor.html).toContain(chapter.title);
    // A draft is never shown to someone who may not read it.
    for (const chapter of drafts) expect(visitor.html).not.toContain(chapter.title);
    expect(visitor.html).toContain('href="/gereedschapskist/convenant-antennelocaties"');

    const author = await (await loggedIn("auteur.amersfoort@kapittel.example")).page("/partners/gemeente-amersfoort");
    for (const chapter of drafts) expect(author.html).toContain(chapter.title);
  });

  test("an unknown partner is a 404", async () => {
    expect((await new TestClient(app.url).get("/partners/bestaat-niet")).status).toBe(404);
  });
});
