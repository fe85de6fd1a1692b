import { beforeAll, describe, expect, test } from "vitest";
import { db } from "#app/utils/db.server.ts";
import { appUrl } from "#app/utils/env.server.ts";
import { createOrganisation, createUser } from "#tests/factories.ts";
import { TestClient } from "#tests/helpers/http-client.ts";
import { useTestServer } from "#tests/helpers/server.ts";
import { countTags, fieldErrorText, loggedInClient, textOf } from "./helpers.ts";

const app = useTestServer();

const PASSWORD = "mijn eigen wachtwoordzin";
const ALREADY_USED = "Deze uitnodiging is al gebruikt";
const EXPIRED = "Deze uitnodiging is verlopen";

let organisation: { id: string; name: string };
let admin: TestClient;
beforeAll(async () => {
  organisation = await createOrganisation({ name: "Gemeente Amersfoort Test" });
  ({ client: admin } = await loggedInClient(app.url, "admin", { name: "Mila Beheer" }));
});

/** Invites through the admin page and returns the link's path from the outbox. */
async function invite(client: TestClient, fields: Record<string, string>): Promise<string> {
  await client.page("/admin/uitnodigingen");
  const response = await client.post("/admin/uitnodigingen", { intent: "invite", ...fields });
  expect(response.status).toBe(302);
  expect(response.headers.get("location")).toBe("/admin/uitnodigingen?melding=verstuurd");
  const message = await db.outboxEmail.findFirstOrThrow({ where: { to: fields.email, kind: "invitation" }, orderBy: { createdAt: "desc" } });
  const link = /https?:\/\/\S+\/uitnodiging\/[\w-]+/.exec(message.text)?.[0];
  if (!link) throw new Error(`no invitation link in: ${message.text}`);
  return new URL(link).pathname;
}

describe("inviting a partner author", () => {
  test("end to end: e-mail in the outbox, accept page, account with role and membership, logged in, link used up", async () => {
    const email = "nieuwe.auteur@amersfoort.test";
    const path = await invite(admin, { email, role: "author", organisationId: organisation.id });

    // The outbox row holds the link and says who invites whom for what.
    const message = await db.outboxEmail.findFirstOrThrow({ where: { to: email } });
    expect(message.subject).toBe("Uitnodiging voor Kapittel");
    expect(message.text).toContain(`${appUrl()}${path}`);
    expect(message.text).toContain("Mila Beheer nodigt u uit om als auteur namens Gemeente Amersfoort Test mee te schrijven");

    // The invitation is listed as open.
    const list = textOf((await admin.page("/admin/uitnodigingen?melding=verstuurd")).html);
    expect(list).toContain("De uitnodiging staat klaar in de uitgaande e-mail");
    expect(list).toMatch(new RegExp(`${email} Auteur Gemeente Amersfoort Test Mila Beheer .* Open tot`));

    // The link opens the accept page.
    const invitee = new TestClient(app.url);
    const page = await invitee.page(path);
    expect(page.response.status).toBe(200);
    expect(page.html).toContain("<title>Uw account aanmaken — Kapittel</title>");
    expect(countTags(page.html, "h1")).toBe(1);
    expect(textOf(page.html)).toContain("Mila Beheer nodigt u uit om als auteur namens Gemeente Amersfoort Test mee te schrijven aan Kapittel.");
    expect(page.html).toContain(email);

    // A mistake in the form keeps the link usable.
    const mismatch = await invitee.post(path, { name: "Nina Nieuw", password: PASSWORD, confirmPassword: "iets anders dan dat" });
    expect(mismatch.status).toBe(400);
    expect(fieldErrorText(await mismatch.text(), "confirmPassword")).toBe("De twee wachtwoorden zijn niet gelijk.");

    const accepted = await invitee.post(path, { name: "Nina Nieuw", password: PASSWORD, confirmPassword: PASSWORD });
    expect(accepted.status).toBe(302);
    expect(accepted.headers.get("location")).toBe("/");
    expect(accepted.headers.getSetCookie().some((line) => line.startsWith("kp_session="))).toBe(true);

    const user = await db.user.findUniqueOrThrow({ where: { email }, include: { memberships: true } });
    expect(user).toMatchObject({ name: "Nina Nieuw", role: "author" });
    expect(user.memberships.map((membership) => membership.organisationId)).toEqual([organisation.id]);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
    // Logged in, as an author: not sent to the login page, but refused the admin area.
    const home = await invitee.page("/");
    expect(home.html).toContain("Nina Nieuw");
    expect((await invitee.get("/admin")).status).toBe(403);

    // The same link again: a clear page, not the generic error page, and no second account.
    const again = new TestClient(app.url);
    const reused = await again.page(path);
    expect(reused.response.status).toBe(410);
    expect(reused.html).toContain(`<title>${ALREADY_USED} — Kapittel</title>`);
    expect(textOf(reused.html)).toContain("een uitnodiging werkt maar één keer");
    expect(reused.html).toContain('href="/inloggen"');
    expect(reused.html).not.toContain("Er ging iets mis");
    expect(countTags(reused.html, "h1")).toBe(1);
    const secondAccept = await again.post(path, { name: "Tweede Poging", password: PASSWORD, confirmPassword: PASSWORD });
    expect(secondAccept.status).toBe(410);
    expect(await secondAccept.text()).toContain(ALREADY_USED);
    expect(secondAccept.headers.getSetCookie().some((line) => line.startsWith("kp_session="))).toBe(false);
    expect(await db.user.count({ where: { email } })).toBe(1);

    expect(textOf((await admin.page("/admin/uitnodigingen")).html)).toMatch(new RegExp(`${email} .* Aanvaard op`));
  });

  test("an expired link shows the expired page and creates nothing", async () => {
    const email = "te.laat@amersfoort.test";
    const path = await invite(admin, { email, role: "author", organisationId: organisation.id });
    await db.invitation.updateMany({ where: { email }, data: { expiresAt: new Date(Date.now() - 60_000) } });

    const invitee = new TestClient(app.url);
    const { response, html } = await invitee.page(path);
    expect(response.status).toBe(410);
    expect(html).toContain(`<title>${EXPIRED} — Kapittel</title>`);
    expect(textOf(html)).toContain("Vraag Mila Beheer of de redactie om een nieuwe uitnodiging");
    expect(html).not.toContain("Er ging iets mis");
    const post = await invitee.post(path, { name: "Te Laat", password: PASSWORD, confirmPassword: PASSWORD });
    expect(post.status).toBe(410);
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  test("a revoked link and an unknown link each explain themselves", async () => {
    const email = "ingetrokken@amersfoort.test";
    const path = await invite(admin, { email, role: "author", organisationId: organisation.id });
    const invitation = await db.invitation.findFirstOrThrow({ where: { email } });
    const revoked = await admin.post("/admin/uitnodigingen", { intent: "revoke", invitationId: invitation.id });
    expect(revoked.status).toBe(302);
    expect(textOf((await admin.page(revoked.headers.get("location")!)).html)).toContain("De uitnodiging is ingetrokken");

    const revokedPage = await new TestClient(app.url).page(path);
    expect(revokedPage.response.status).toBe(410);
    expect(revokedPage.html).toContain("Deze uitnodiging is ingetrokken");

    const unknownPage = await new TestClient(app.url).page("/uitnodiging/bestaat-niet");
    expect(unknownPage.response.status).toBe(410);
    expect(unknownPage.html).toContain("Deze uitnodiging kennen we niet");
    expect(textOf(unknownPage.html)).toContain("vraag de redactie om een nieuwe uitnodiging");
  });
});

describe("the invitation form", () => {
  test("says clearly when the address already has an account", async () => {
    const existing = await createUser({ role: "reader" });
    await admin.page("/admin/uitnodigingen");
    const response = await admin.post("/admin/uitnodigingen", { intent: "invite", email: existing.email, role: "editor" });
    expect(response.status).toBe(400);
    expect(fieldErrorText(await response.text(), "email")).toContain("Er is al een account met dit e-mailadres");
    expect(await db.invitation.count({ where: { email: existing.email } })).toBe(0);
  });

  test("requires an organisation for an author, and none for an editor", async () => {
    await admin.page("/admin/uitnodigingen");
    const noOrganisation = await admin.post("/admin/uitnodigingen", { intent: "invite", email: "auteur.zonder@org.test", role: "author", organisationId: "" });
    expect(noOrganisation.status).toBe(400);
    expect(fieldErrorText(await noOrganisation.text(), "organisationId")).toBe("Kies de organisatie waarvoor deze auteur schrijft.");

    const editorPath = await invite(admin, { email: "nieuwe.redacteur@kapittel.test", role: "editor", organisationId: organisation.id });
    const invitation = await db.invitation.findFirstOrThrow({ where: { email: "nieuwe.redacteur@kapittel.test" } });
    expect(invitation).toMatchObject({ role: "editor", organisationId: null });
    expect(textOf((await new TestClient(app.url).page(editorPath)).html)).toContain("nodigt u uit als redacteur van Kapittel");
  });

  test("an editor invites too, but sees no revoke buttons", async () => {
    const { client: editor } = await loggedInClient(app.url, "editor", { name: "Ruben Redactie" });
    await invite(editor, { email: "via.redacteur@partner.test", role: "author", organisationId: organisation.id });
    const { html } = await editor.page("/admin/uitnodigingen");
    expect(html).toContain("via.redacteur@partner.test");
    expect(html).not.toContain('name="intent" value="revoke"');
  });
});

describe("the outbox page", () => {
  test("lists the invitation with its full text for an admin, and is 403 for an editor", async () => {
    const email = "outbox.lezer@partner.test";
    const path = await invite(admin, { email, role: "author", organisationId: organisation.id });
    const { response, html } = await admin.page("/admin/outbox");
    expect(response.status).toBe(200);
    expect(html).toContain("<title>Uitgaande e-mail — Beheer — Kapittel</title>");
    const text = textOf(html);
    expect(text).toMatch(new RegExp(`${email} Uitnodiging voor Kapittel Tekst tonen .*${path}.* Uitnodiging .* Wacht op verzending`));

    const { client: editor } = await loggedInClient(app.url, "editor");
    const refused = await editor.page("/admin/outbox");
    expect(refused.response.status).toBe(403);
    expect(refused.html).not.toContain(path);
  });
});
