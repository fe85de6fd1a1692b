import { describe, expect, test } from "vitest";
import {
  acceptInvitation,
  countOpenInvitations,
  createInvitation,
  findInvitationByToken,
  INVITATION_LIFETIME_MS,
  listInvitations,
  revokeInvitation,
} from "#app/models/invitations.server.ts";
import { db } from "#app/utils/db.server.ts";
import { appUrl } from "#app/utils/env.server.ts";
import { verifyPassword } from "#app/utils/password.server.ts";
import { hashToken } from "#app/utils/tokens.server.ts";
import { createOrganisation, createUser } from "#tests/factories.ts";

const PASSWORD = "een lange zin als wachtwoord";
let counter = 0;
const newAddress = () => `genodigde-${++counter}-${Date.now()}@partner.test`;

/** An editor of the given organisation, as the e-mail names inviters. */
async function inviter() {
  const organisation = await createOrganisation({ name: `Future City Foundation ${++counter}` });
  const user = await createUser({ role: "editor", name: "Ruben Redactie", organisationIds: [organisation.id] });
  return { id: user.id, name: user.name, organisations: [{ name: organisation.name }] };
}

/** Invites a partner author and returns the invitation's row and the token from its e-mail. */
async function inviteAuthor(email = newAddress()) {
  const organisation = await createOrganisation({ name: `Gemeente Uitnodiging ${++counter}` });
  const from = await inviter();
  const result = await createInvitation({ email, role: "author", organisationId: organisation.id }, from);
  if (result.status !== "sent") throw new Error(`not sent: ${result.status}`);
  const message = await db.outboxEmail.findFirstOrThrow({ where: { to: email, kind: "invitation" }, orderBy: { createdAt: "desc" } });
  const token = new RegExp(`${appUrl()}/uitnodiging/([\\w-]+)`).exec(message.text)?.[1];
  if (!token) throw new Error(`no link in: ${message.text}`);
  const invitation = await db.invitation.findUniqueOrThrow({ where: { id: result.invitationId } });
  return { email, organisation, from, message, token, invitation };
}

describe("createInvitation", () => {
  test("stores only the hash of the link's secret and queues a Dutch e-mail with the link", async () => {
    const before = Date.now();
    const { invitation, message, token, organisation, from } = await inviteAuthor();
    expect(invitation.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(invitation)).not.toContain(token);
    expect(invitation.role).toBe("author");
    expect(invitation.organisationId).toBe(organisation.id);
    expect(invitation.expiresAt.getTime()).toBeGreaterThanOrEqual(before + INVITATION_LIFETIME_MS);
    expect(invitation.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + INVITATION_LIFETIME_MS);

    expect(message.subject).toBe("Uitnodiging voor Kapittel");
    expect(message.text).toContain(`${appUrl()}/uitnodiging/${token}`);
    expect(message.text).toContain(`Ruben Redactie (${from.organisations[0]!.name}) nodigt u uit`);
    expect(message.text).toContain(`als auteur namens ${organisation.name}`);
    // No private data: not the inviter's address, nor anyone else's.
    const inviterEmail = (await db.user.findUniqueOrThrow({ where: { id: from.id } })).email;
    expect(message.text).not.toContain(inviterEmail);
  });

  test("invites an editor without an organisation", async () => {
    const email = newAddress();
    const result = await createInvitation({ email, role: "editor" }, await inviter());
    if (result.status !== "sent") throw new Error("not sent");
    expect((await db.invitation.findUniqueOrThrow({ where: { id: result.invitationId } })).organisationId).toBeNull();
    const message = await db.outboxEmail.findFirstOrThrow({ where: { to: email } });
    expect(message.text).toContain("als redacteur van Kapittel");
  });

  test("refuses an address that already has an account, and an unknown organisation", async () => {
    const existing = await createUser();
    const from = await inviter();
    const before = { invitations: await db.invitation.count(), emails: await db.outboxEmail.count() };
    expect(await createInvitation({ email: existing.email, role: "editor" }, from)).toEqual({ status: "account-exists" });
    expect(await createInvitation({ email: newAddress(), role: "author", organisationId: "weg" }, from)).toEqual({
      status: "unknown-organisation",
    });
    expect(await db.invitation.count()).toBe(before.invitations);
    expect(await db.outboxEmail.count()).toBe(before.emails);
  });

  test("a new invitation to the same address voids the open one", async () => {
    const first = await inviteAuthor();
    const second = await inviteAuthor(first.email);
    expect((await findInvitationByToken(first.token)).state).toBe("revoked");
    expect((await findInvitationByToken(second.token)).state).toBe("open");
  });
});

describe("the state of an invitation", () => {
  test("is open, then accepted; expired and revoked links are told apart; unknown links too", async () => {
    const open = await inviteAuthor();
    expect(await findInvitationByToken(open.token)).toMatchObject({
      state: "open",
      email: open.email,
      role: "author",
      organisationName: open.organisation.name,
      inviterName: "Ruben Redactie",
    });

    const expired = await inviteAuthor();
    await db.invitation.update({ where: { id: expired.invitation.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await findInvitationByToken(expired.token)).state).toBe("expired");

    const revoked = await inviteAuthor();
    expect(await revokeInvitation(revoked.invitation.id)).toBe("revoked");
    expect((await findInvitationByToken(revoked.token)).state).toBe("revoked");
    // Revoking twice, or revoking an expired one, changes nothing.
    expect(await revokeInvitation(revoked.invitation.id)).toBe("not-open");
    expect(await revokeInvitation(expired.invitation.id)).toBe("not-open");
    expect((await findInvitationByToken(expired.token)).state).toBe("expired");

    expect(await findInvitationByToken("onbekende-link")).toEqual({ state: "unknown" });
  });

  test("is listed, newest first, and counted while open", async () => {
    const openBefore = await countOpenInvitations();
    const { invitation } = await inviteAuthor();
    expect(await countOpenInvitations()).toBe(openBefore + 1);
    const [newest] = await listInvitations();
    expect(newest).toMatchObject({ id: invitation.id, state: "open", invitedBy: { name: "Ruben Redactie" } });
    await revokeInvitation(invitation.id);
    expect(await countOpenInvitations()).toBe(openBefore);
  });
});

describe("acceptInvitation", () => {
  test("creates the account with the invited role and the membership, and uses up the link", async () => {
    const { token, email, organisation, invitation } = await inviteAuthor();
    const result = await acceptInvitation(token, { name: "Anouk Amersfoort", password: PASSWORD });
    if (result.status !== "account-created") throw new Error(`not accepted: ${result.status}`);

    const user = await db.user.findUniqueOrThrow({ where: { id: result.userId }, include: { memberships: true } });
    expect(user).toMatchObject({ email, name: "Anouk Amersfoort", role: "author" });
    expect(user.memberships.map((membership) => membership.organisationId)).toEqual([organisation.id]);
    await expect(verifyPassword(user.passwordHash, PASSWORD)).resolves.toBe(true);
    expect((await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).acceptedAt).not.toBeNull();

    // Single use: a second accept creates nothing.
    expect(await acceptInvitation(token, { name: "Iemand Anders", password: PASSWORD })).toEqual({ status: "accepted" });
    expect(await db.user.count({ where: { email } })).toBe(1);
    expect(await revokeInvitation(invitation.id)).toBe("not-open");
  });

  test("an editor's invitation gives the editor role and no membership", async () => {
    const email = newAddress();
    await createInvitation({ email, role: "editor" }, await inviter());
    const message = await db.outboxEmail.findFirstOrThrow({ where: { to: email } });
    const token = /\/uitnodiging\/([\w-]+)/.exec(message.text)![1]!;
    const result = await acceptInvitation(token, { name: "Eva Editor", password: PASSWORD });
    if (result.status !== "account-created") throw new Error("not accepted");
    const user = await db.user.findUniqueOrThrow({ where: { id: result.userId }, include: { memberships: true } });
    expect(user.role).toBe("editor");
    expect(user.memberships).toEqual([]);
  });

  test("creates nothing through an expired, revoked or unknown link", async () => {
    const expired = await inviteAuthor();
    await db.invitation.update({ where: { id: expired.invitation.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const revoked = await inviteAuthor();
    await revokeInvitation(revoked.invitation.id);
    const users = await db.user.count();

    expect(await acceptInvitation(expired.token, { name: "Te Laat", password: PASSWORD })).toEqual({ status: "expired" });
    expect(await acceptInvitation(revoked.token, { name: "Ingetrokken", password: PASSWORD })).toEqual({ status: "revoked" });
    expect(await acceptInvitation("verzonnen", { name: "Niemand", password: PASSWORD })).toEqual({ status: "unknown" });
    expect(await db.user.count()).toBe(users);
  });

  test("is all or nothing: when the account cannot be created, the invitation stays open and no membership is left", async () => {
    const { token, email, organisation, invitation } = await inviteAuthor();
    // Someone registered with the address after the invitation was sent.
    const registered = await createUser({ email, role: "reader" });

    expect(await acceptInvitation(token, { name: "Dubbel Account", password: PASSWORD })).toEqual({ status: "account-exists" });
    expect((await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).acceptedAt).toBeNull();
    expect(await db.membership.count({ where: { organisationId: organisation.id } })).toBe(0);
    expect(await db.user.findUniqueOrThrow({ where: { email } })).toMatchObject({ id: registered.id, role: "reader" });
  });

  test("two accepts racing for the same link create one account", async () => {
    const { token, email, organisation } = await inviteAuthor();
    const results = await Promise.all([
      acceptInvitation(token, { name: "Eerste Klik", password: PASSWORD }),
      acceptInvitation(token, { name: "Tweede Klik", password: PASSWORD }),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual(["accepted", "account-created"]);
    expect(await db.user.count({ where: { email } })).toBe(1);
    expect(await db.membership.count({ where: { organisationId: organisation.id } })).toBe(1);
  });
});
