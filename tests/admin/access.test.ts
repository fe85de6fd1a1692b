import { beforeAll, describe, expect, test } from "vitest";
import { db } from "#app/utils/db.server.ts";
import { createOrganisation, createUser } from "#tests/factories.ts";
import { TestClient } from "#tests/helpers/http-client.ts";
import { useTestServer } from "#tests/helpers/server.ts";
import { countTags, loggedInClient, textOf } from "./helpers.ts";

const app = useTestServer();

const ADMIN_PAGES = ["/admin", "/admin/organisaties", "/admin/organisaties/nieuw", "/admin/leden", "/admin/uitnodigingen", "/admin/outbox"];

let organisationId: string;
beforeAll(async () => {
  organisationId = (await createOrganisation({ name: "Gemeente Toegang", feePaid: false })).id;
});

/** Every admin action, posted directly as a crafted form would be, with a valid CSRF token. */
function adminPosts(): [string, Record<string, string>][] {
  return [
    ["/admin/organisaties/nieuw", { name: "Gemeente Inbraak", kind: "municipality", tier: "partner", feeEuros: "9000" }],
    [`/admin/organisaties/${organisationId}`, { intent: "update", name: "Overgenomen", kind: "company", tier: "partner", feePaid: "on" }],
    [`/admin/organisaties/${organisationId}`, { intent: "add-member", email: "iemand@kapittel.test" }],
    [`/admin/organisaties/${organisationId}`, { intent: "remove-member", userId: "iemand" }],
    ["/admin/leden", { userId: "iemand", role: "admin" }],
    ["/admin/uitnodigingen", { intent: "invite", email: "binnendringer@kapittel.test", role: "editor" }],
    ["/admin/uitnodigingen", { intent: "revoke", invitationId: "iets" }],
  ];
}

describe("readers and authors", () => {
  test.each(["reader", "author"] as const)("a %s gets 403 on every admin page", async (role) => {
    const { client } = await loggedInClient(app.url, role, { organisationIds: [organisationId] });
    for (const path of [...ADMIN_PAGES, `/admin/organisaties/${organisationId}`]) {
      const { response, html } = await client.page(path);
      expect(response.status, path).toBe(403);
      expect(html, path).toContain("Geen toegang");
      // No admin navigation for someone who may not use it.
      expect(html, path).not.toContain('aria-label="Onderdelen van beheer"');
    }
  });

  test.each(["reader", "author"] as const)("a %s gets 403 on a direct POST to every admin action, and nothing changes", async (role) => {
    const { client } = await loggedInClient(app.url, role);
    await client.page("/");
    const before = { organisations: await db.organisation.count(), invitations: await db.invitation.count() };
    for (const [path, fields] of adminPosts()) {
      const response = await client.post(path, fields);
      expect(response.status, `${path} ${fields.intent ?? ""}`).toBe(403);
      await response.body?.cancel();
    }
    expect(await db.organisation.count()).toBe(before.organisations);
    expect(await db.invitation.count()).toBe(before.invitations);
    expect((await db.organisation.findUniqueOrThrow({ where: { id: organisationId } })).name).toBe("Gemeente Toegang");
  });

  test("a visitor is sent to the login page and brought back afterwards", async () => {
    const response = await new TestClient(app.url).get("/admin/organisaties");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/inloggen?redirectTo=%2Fadmin%2Forganisaties");
  });
});

describe("editors", () => {
  test("see the admin area, organisations and members read-only, without buttons they may not use", async () => {
    const { client } = await loggedInClient(app.url, "editor");
    const overview = await client.page("/admin");
    expect(overview.response.status).toBe(200);
    expect(overview.html).toContain("<title>Beheer — Kapittel</title>");
    expect(overview.html).not.toContain('href="/admin/outbox"');

    const list = await client.page("/admin/organisaties");
    expect(list.response.status).toBe(200);
    expect(list.html).toContain("<title>Organisaties — Beheer — Kapittel</title>");
    expect(list.html).toContain("Gemeente Toegang");
    expect(list.html).not.toContain('href="/admin/organisaties/nieuw"');

    const detail = await client.page(`/admin/organisaties/${organisationId}`);
    expect(detail.response.status).toBe(200);
    expect(countTags(detail.html, "h1")).toBe(1);
    expect(textOf(detail.html)).toContain("alleen een beheerder kan ze wijzigen");
    expect(detail.html).not.toContain('name="intent" value="update"');
    expect(detail.html).not.toContain('name="intent" value="add-member"');

    const members = await client.page("/admin/leden");
    expect(members.response.status).toBe(200);
    expect(members.html).not.toMatch(/<select[^>]*name="role"/);

    const invitations = await client.page("/admin/uitnodigingen");
    expect(invitations.response.status).toBe(200);
    expect(invitations.html).toContain('name="intent" value="invite"');
  });

  test("get 403 when posting an edit of an organisation directly, and the organisation stays as it was", async () => {
    const { client } = await loggedInClient(app.url, "editor");
    await client.page(`/admin/organisaties/${organisationId}`);
    const response = await client.post(`/admin/organisaties/${organisationId}`, {
      intent: "update",
      name: "Gemeente Toegang",
      kind: "municipality",
      tier: "premium",
      feeEuros: "9000",
      feePaid: "on",
    });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain("Geen toegang");
    expect((await db.organisation.findUniqueOrThrow({ where: { id: organisationId } })).feePaid).toBe(false);
  });

  test("get 403 for creating organisations, changing roles or memberships, revoking invitations and the outbox", async () => {
    const { client } = await loggedInClient(app.url, "editor");
    const reader = await createUser({ role: "reader" });
    await client.page("/admin");
    const refused: [string, Record<string, string>][] = [
      ["/admin/organisaties/nieuw", { name: "Nieuw", kind: "company", tier: "partner" }],
      ["/admin/leden", { userId: reader.id, role: "admin" }],
      [`/admin/organisaties/${organisationId}`, { intent: "add-member", email: reader.email }],
      ["/admin/uitnodigingen", { intent: "revoke", invitationId: "iets" }],
    ];
    for (const [path, fields] of refused) {
      const response = await client.post(path, fields);
      expect(response.status, path).toBe(403);
      await response.body?.cancel();
    }
    expect((await db.user.findUniqueOrThrow({ where: { id: reader.id } })).role).toBe("reader");
    expect(await db.membership.count({ where: { userId: reader.id } })).toBe(0);

    for (const path of ["/admin/organisaties/nieuw", "/admin/outbox"]) {
      const { response, html } = await client.page(path);
      expect(response.status, path).toBe(403);
      // The error stays inside the admin area, with its navigation as the way back.
      expect(html, path).toContain('aria-label="Onderdelen van beheer"');
    }
  });
});

describe("the admin pages", () => {
  test.each(ADMIN_PAGES)("%s opens for an admin with one h1 and the admin title", async (path) => {
    const { client } = await loggedInClient(app.url, "admin");
    const { response, html } = await client.page(path);
    expect(response.status).toBe(200);
    expect(countTags(html, "h1")).toBe(1);
    expect(html).toMatch(/<title>[^<]*Beheer — Kapittel<\/title>/);
    expect(html).toContain('<html lang="nl"');
  });

  test("an unknown organisation is a 404 inside the admin area", async () => {
    const { client } = await loggedInClient(app.url, "admin");
    const { response, html } = await client.page("/admin/organisaties/bestaat-niet");
    expect(response.status).toBe(404);
    expect(html).toContain("Pagina niet gevonden");
  });

  test("the overview counts organisations, people, open invitations and undelivered e-mail", async () => {
    const { client } = await loggedInClient(app.url, "admin");
    const { html } = await client.page("/admin");
    const text = textOf(html);
    expect(text).toContain(`Partnerorganisaties ${await db.organisation.count()}`);
    expect(text).toContain(`Beheerder ${await db.user.count({ where: { role: "admin" } })}`);
    expect(text).toContain("Open uitnodigingen");
    expect(text).toContain("Wacht op verzending");
  });

  test("speak English when the interface language is English", async () => {
    const { client } = await loggedInClient(app.url, "admin");
    await client.page("/");
    expect((await client.post("/taal", { lang: "en", redirectTo: "/admin/organisaties" })).status).toBe(302);
    const { html } = await client.page("/admin/organisaties");
    expect(html).toContain('<html lang="en"');
    expect(html).toContain("<title>Organisations — Admin — Kapittel</title>");
    expect(textOf(html)).toContain("Gemeente Toegang Municipality Premium partner € 9.000 Not paid");
  });
});
