import { formatDate } from "#app/common/format.ts";
import { translate } from "#app/common/i18n/catalogue.ts";
import { INVITABLE_ROLES, type InvitableRole } from "#app/common/permissions.ts";
import { queueEmail } from "#app/models/outbox.server.ts";
import { db } from "#app/utils/db.server.ts";
import { appUrl } from "#app/utils/env.server.ts";
import { hashPassword } from "#app/utils/password.server.ts";
import { hashToken, newSecretToken } from "#app/utils/tokens.server.ts";
import { isUniqueConstraintError } from "#app/utils/db-errors.server.ts";

/** How long an invitation link works. */
export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

/** The path of the page an invitation link opens. */
export function invitationLinkPath(token: string): string {
  return `/uitnodiging/${token}`;
}

/** Where an invitation stands. Only an open one can be accepted or revoked. */
export type InvitationState = "open" | "accepted" | "revoked" | "expired";

/** The state of an invitation at a moment (now, unless told otherwise). */
export function invitationState(
  invitation: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  now = new Date(),
): InvitationState {
  if (invitation.acceptedAt) return "accepted";
  if (invitation.revokedAt) return "revoked";
  return invitation.expiresAt.getTime() <= now.getTime() ? "expired" : "open";
}

/** Who sends an invitation, as the e-mail names them. */
export type Inviter = { id: string; name: string; organisations: readonly { name: string }[] };

/** What to invite someone as: an author always for an organisation, an editor for none. */
export type InvitationRequest =
  | { email: string; role: Extract<InvitableRole, "author">; organisationId: string }
  | { email: string; role: Extract<InvitableRole, "editor">; organisationId?: null };

/** The outcome of sending an invitation; an address that already has an account is expected. */
export type InvitationResult =
  | { status: "sent"; invitationId: string }
  | { status: "account-exists" }
  | { status: "unknown-organisation" };

/**
 * Creates an invitation and queues its e-mail, both or neither. The link's secret goes only
 * into the e-mail; the database keeps its hash. A new invitation to an address voids that
 * address's open one, so only the newest link works (sending again is how a lost e-mail is resent).
 */
export async function createInvitation(request: InvitationRequest, inviter: Inviter): Promise<InvitationResult> {
  const email = request.email;
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) return { status: "account-exists" };
  const organisation =
    request.role === "author"
      ? await db.organisation.findUnique({ where: { id: request.organisationId }, select: { id: true, name: true } })
      : null;
  if (request.role === "author" && !organisation) return { status: "unknown-organisation" };

  const token = newSecretToken();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + INVITATION_LIFETIME_MS);
  const invitation = await db.$transaction(async (tx) => {
    await tx.invitation.updateMany({
      where: { email, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { revokedAt: now },
    });
    const created = await tx.invitation.create({
      data: {
        email,
        role: request.role,
        organisationId: organisation?.id ?? null,
        invitedById: inviter.id,
        tokenHash: hashToken(token),
        expiresAt,
      },
      select: { id: true },
    });
    await queueEmail(invitationEmail({ email, token, expiresAt, inviter, organisationName: organisation?.name ?? null }), tx);
    return created;
  });
  return { status: "sent", invitationId: invitation.id };
}

// In Dutch whatever the inviter's interface language: we do not know the recipient's, and
// Kapittel's partners are Dutch. Only what the recipient needs: no addresses of other people.
function invitationEmail(input: {
  email: string;
  token: string;
  expiresAt: Date;
  inviter: Inviter;
  organisationName: string | null;
}) {
  const inviterOrganisations = input.inviter.organisations.map((organisation) => organisation.name).join(", ");
  const from = inviterOrganisations
    ? translate("nl", "invitation.email.from", { name: input.inviter.name, organisation: inviterOrganisations })
    : input.inviter.name;
  const params = {
    from,
    inviter: input.inviter.name,
    link: `${appUrl()}${invitationLinkPath(input.token)}`,
    expires: formatDate(input.expiresAt, "nl"),
  };
  return {
    to: input.email,
    subject: translate("nl", "invitation.email.subject"),
    text:
      input.organisationName === null
        ? translate("nl", "invitation.email.editor", params)
        : translate("nl", "invitation.email.author", { ...params, organisation: input.organisationName }),
    kind: "invitation",
  };
}

/** The newest invitations first, with their state, for the admin page. */
export async function listInvitations({ take = 200 }: { take?: number } = {}) {
  const invitations = await db.invitation.findMany({
    orderBy: { createdAt: "desc" },
    take,
    select: {
      id: true,
      email: true,
      role: true,
      createdAt: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      organisation: { select: { name: true } },
      invitedBy: { select: { name: true } },
    },
  });
  const now = new Date();
  return invitations.map((invitation) => ({ ...invitation, state: invitationState(invitation, now) }));
}

/** How many invitations are still open. */
export function countOpenInvitations(): Promise<number> {
  return db.invitation.count({ where: { acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } } });
}

/** Revokes an open invitation, so its link stops working; "not-open" when it was not open (any more). */
export async function revokeInvitation(id: string): Promise<"revoked" | "not-open"> {
  const now = new Date();
  // Conditional, so an invitation accepted a moment ago is not marked revoked as well.
  const { count } = await db.invitation.updateMany({
    where: { id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    data: { revokedAt: now },
  });
  return count === 1 ? "revoked" : "not-open";
}

/** What an invitation link leads to: who invites whom for what, or why the link no longer works. */
export type InvitationLookup =
  | { state: "unknown" }
  | {
      state: InvitationState;
      email: string;
      role: InvitableRole;
      organisationName: string | null;
      inviterName: string;
      expiresAt: Date;
    };

/** Looks an invitation up by the secret from its link. */
export async function findInvitationByToken(token: string): Promise<InvitationLookup> {
  const invitation = await db.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      email: true,
      role: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      organisation: { select: { name: true } },
      invitedBy: { select: { name: true } },
    },
  });
  if (!invitation) return { state: "unknown" };
  return {
    state: invitationState(invitation),
    email: invitation.email,
    role: toInvitableRole(invitation.role),
    organisationName: invitation.organisation?.name ?? null,
    inviterName: invitation.invitedBy.name,
    expiresAt: invitation.expiresAt,
  };
}

/** The outcome of accepting an invitation. */
export type AcceptResult =
  | { status: "account-created"; userId: string }
  | { status: Exclude<InvitationState, "open"> | "unknown" | "account-exists" };

/**
 * Accepts an invitation: creates the account with the invited role, the membership of the
 * invited organisation, and marks the invitation accepted, all in one transaction. Returns
 * why not when the link is not open (any more) or the address meanwhile has an account.
 */
export async function acceptInvitation(token: string, account: { name: string; password: string }): Promise<AcceptResult> {
  // A cheap look first, so a dead link costs no password hashing.
  const before = await findInvitationByToken(token);
  if (before.state !== "open") return { status: before.state };
  const passwordHash = await hashPassword(account.password);
  const tokenHash = hashToken(token);

  try {
    const userId = await db.$transaction(async (tx) => {
      const now = new Date();
      // Claiming with a conditional update keeps the link single-use when two submissions race:
      // only one of them changes the row; the other changes nothing and stops here.
      const claimed = await tx.invitation.updateMany({
        where: { tokenHash, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
        data: { acceptedAt: now },
      });
      if (claimed.count === 0) return null;
      const invitation = await tx.invitation.findUniqueOrThrow({
        where: { tokenHash },
        select: { email: true, role: true, organisationId: true },
      });
      const user = await tx.user.create({
        data: {
          email: invitation.email,
          name: account.name,
          passwordHash,
          role: toInvitableRole(invitation.role),
          memberships: invitation.organisationId ? { create: { organisationId: invitation.organisationId } } : undefined,
        },
        select: { id: true },
      });
      return user.id;
    });
    if (userId) return { status: "account-created", userId };
  } catch (error) {
    // Someone registered with the address after the invitation was sent; the transaction rolled
    // back, so the invitation is still open and nothing was half-written.
    if (isUniqueConstraintError(error)) {
      return { status: "account-exists" };
    }
    throw error;
  }
  // Lost a race, or the link expired or was revoked while the form was open: say which.
  const after = await findInvitationByToken(token);
  return { status: after.state === "open" ? "unknown" : after.state };
}

// Only this module writes invitations, with a role from INVITABLE_ROLES; anything else is a bug.
function toInvitableRole(value: string): InvitableRole {
  const role = INVITABLE_ROLES.find((candidate) => candidate === value);
  if (!role) throw new Error(`invitation with a role that cannot be invited: ${value}`);
  return role;
}
