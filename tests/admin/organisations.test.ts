import { describe, expect, test } from "vitest";
import { db } from "#app/utils/db.server.ts";
import { createOrganisation, createUser } from "#tests/factories.ts";
import { useTestServer } from "#tests/helpers/server.ts";
import { fieldErrorText, loggedInClient, textOf } from "./helpers.ts";

const app = useTestServer();

const NEW_ORGANISATION = {
  name: "Gemeente Zwolle",
  slug: "",
  kind: "municipality",
  tier: "premium",
  description: "Hanzestad die met data werkt.",
  website: "https://www.zwolle.nl",
};

describe("an admin manages organisations", () => {
  test("creates one: a fee of 6000 is refused next to the field, 9000 is accepted", async () => {
    const { client } = await loggedInClient(app.url, "admin");
    const form = await client.page("/admin/organisaties/nieuw");
    expect(form.html).toContain("<title>Nieuwe organisatie — Beheer — Kapittel</title>");

    const refused = await client.post("/admin/organisaties/nieuw", { ...NEW_ORGANISATION, feeEuros: "6000" });
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(fieldErrorText(html, "feeEuros")).toBe("De partnerfee is een heel bedrag tussen € 7.500 en € 12.500, of leeg.");
    expect(fieldErrorText(html, "name")).toBe("");
    // What was typed stays in the form.
    expect(html).toMatch(/name="name"[^>]*value="Gemeente Zwolle"|value="Gemeente Zwolle"[^>]*name="name"/);
    expect(await db.organisation.count({ where: { name: "Gemeente Zwolle" } })).toBe(0);

    const accepted = await client.post("/admin/organisaties/nieuw", { ...NEW_ORGANISATION, feeEuros: "9000" });
    expect(accepted.status).toBe(302);
    const organisation = await db.organisation.findFirstOrThrow({ where: { name: "Gemeente Zwolle" } });
    expect(organisation).toMatchObject({ slug: "gemeente-zwolle", feeEuros: 9000, feePaid: false, kind: "municipality", tier: "premium" });
    expect(accepted.headers.get("location")).toBe(`/admin/organisaties/${organisation.id}?melding=aangemaakt`);

    const detail = await client.page(accepted.headers.get("location")!);
    expect(detail.html).toContain("<title>Gemeente Zwolle — Beheer — Kapittel</title>");
    expect(textOf(detail.html)).toContain("De organisatie is aangemaakt.");

    const list = textOf((await client.page("/admin/organisaties")).html);
    expect(list).toContain("Gemeente Zwolle Gemeente Premium partner € 9.000 Niet betaald 0");
  });

  test("refuses a short name another organisation has, and a bad website, next to those fields", async () => {
    await createOrganisation({ slug: "al-bezet" });
    const { client } = await loggedInClient(app.url, "admin");
    await client.page("/admin/organisaties/nieuw");
    const slugTaken = await client.post("/admin/organisaties/nieuw", { ...NEW_ORGANISATION, name: "Bezet BV", slug: "al-bezet" });
    expect(slugTaken.status).toBe(400);
    expect(fieldErrorText(await slugTaken.text(), "slug")).toContain("al in gebruik");

    const badWebsite = await client.post("/admin/organisaties/nieuw", { ...NEW_ORGANISATION, website: "javascript:alert(1)" });
    expect(badWebsite.status).toBe(400);
    expect(fieldErrorText(await badWebsite.text(), "website")).toContain("begint met https://");
  });

  test("toggles whether the fee is paid", async () => {
    const organisation = await createOrganisation({ name: "Provincie Wisselend", kind: "province", tier: "premium", feeEuros: 11000, feePaid: false });
    const { client } = await loggedInClient(app.url, "admin");
    const path = `/admin/organisaties/${organisation.id}`;
    const page = await client.page(path);
    expect(page.html).toMatch(/<input[^>]*type="checkbox"[^>]*name="feePaid"|<input[^>]*name="feePaid"[^>]*type="checkbox"/);

    const fields = { intent: "update", name: organisation.name, slug: organisation.slug, kind: "province", tier: "premium", feeEuros: "11000" };
    const paid = await client.post(path, { ...fields, feePaid: "on" });
    expect(paid.status).toBe(302);
    expect(paid.headers.get("location")).toBe(`${path}?melding=opgeslagen`);
    expect((await db.organisation.findUniqueOrThrow({ where: { id: organisation.id } })).feePaid).toBe(true);
    expect(textOf((await client.page("/admin/organisaties")).html)).toContain("Provincie Wisselend Provincie Premium partner € 11.000 Betaald");

    // An unchecked checkbox is not submitted at all: that means "not paid".
    expect((await client.post(path, fields)).status).toBe(302);
    expect((await db.organisation.findUniqueOrThrow({ where: { id: organisation.id } })).feePaid).toBe(false);
  });

  test("adds an existing account as member, refuses an unknown address, and removes a member", async () => {
    const organisation = await createOrganisation({ name: "Kennisinstituut Leden" });
    const author = await createUser({ role: "author", name: "Anouk Auteur" });
    const { client } = await loggedInClient(app.url, "admin");
    const path = `/admin/organisaties/${organisation.id}`;
    await client.page(path);

    const unknown = await client.post(path, { intent: "add-member", email: "niemand@kapittel.test" });
    expect(unknown.status).toBe(400);
    expect(fieldErrorText(await unknown.text(), "email")).toContain("Er is geen account met dit e-mailadres");

    const added = await client.post(path, { intent: "add-member", email: author.email.toUpperCase() });
    expect(added.status).toBe(302);
    expect(await db.membership.count({ where: { organisationId: organisation.id, userId: author.id } })).toBe(1);
    const withMember = await client.page(path);
    expect(withMember.html).toContain("Anouk Auteur");
    expect(withMember.html).toContain(`aria-label="Anouk Auteur verwijderen uit Kennisinstituut Leden"`);

    const removed = await client.post(path, { intent: "remove-member", userId: author.id });
    expect(removed.status).toBe(302);
    expect(await db.membership.count({ where: { organisationId: organisation.id } })).toBe(0);
    expect(await db.user.count({ where: { id: author.id } })).toBe(1);
  });

  test("adding a reader says the role must change before they can write", async () => {
    const organisation = await createOrganisation();
    const reader = await createUser({ role: "reader" });
    const { client } = await loggedInClient(app.url, "admin");
    const path = `/admin/organisaties/${organisation.id}`;
    await client.page(path);
    const added = await client.post(path, { intent: "add-member", email: reader.email });
    const { html } = await client.page(added.headers.get("location")!);
    expect(textOf(html)).toContain("dit account heeft de rol lezer");
  });
});

describe("an admin manages roles", () => {
  test("changes another user's role, but not their own", async () => {
    const { client, user: admin } = await loggedInClient(app.url, "admin");
    const reader = await createUser({ role: "reader", name: "Lotte Lezer" });
    const page = await client.page("/admin/leden");
    expect(page.html).toContain("<title>Leden — Beheer — Kapittel</title>");
    expect(page.html).toContain('aria-label="Rol van Lotte Lezer wijzigen"');

    const changed = await client.post("/admin/leden", { userId: reader.id, role: "author" });
    expect(changed.status).toBe(302);
    expect((await db.user.findUniqueOrThrow({ where: { id: reader.id } })).role).toBe("author");
    expect(textOf((await client.page(changed.headers.get("location")!)).html)).toContain("De rol is gewijzigd.");

    const own = await client.post("/admin/leden", { userId: admin.id, role: "reader" });
    expect(own.status).toBe(400);
    expect(textOf(await own.text())).toContain("U kunt uw eigen rol niet wijzigen");
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe("admin");
  });
});
