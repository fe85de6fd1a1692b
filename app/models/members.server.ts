import { isRole, ROLES, type Role } from "#app/common/permissions.ts";
import { db } from "#app/utils/db.server.ts";
import { isForeignKeyError, isUniqueConstraintError } from "#app/utils/db-errors.server.ts";

/**
 * The people in Kapittel as the admin area manages them: their role, and the organisations
 * they write for (memberships).
 */

/** Every account by name, with its role and organisations. */
export async function listPeople() {
  const users = await db.user.findMany({
    orderBy: [{ name: "asc" }, { email: "asc" }],
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      memberships: {
        select: { organisation: { select: { id: true, name: true } } },
        orderBy: { organisation: { name: "asc" } },
      },
    },
  });
  return users.map(({ memberships, ...user }) => ({
    ...user,
    role: toRole(user.role),
    organisations: memberships.map((membership) => membership.organisation),
  }));
}

/** How many accounts hold each role. */
export async function countPeopleByRole(): Promise<Record<Role, number>> {
  const groups = await db.user.groupBy({ by: ["role"], _count: { _all: true } });
  const counts = Object.fromEntries(ROLES.map((role) => [role, 0])) as Record<Role, number>;
  for (const group of groups) counts[toRole(group.role)] += group._count._all;
  return counts;
}

/** The outcome of a role change. */
export type RoleChangeResult = "changed" | "own-role" | "unknown-user";

/**
 * Gives a user another role. Nobody changes their own: that way an administrator cannot
 * lock everyone out by demoting the last administrator, themselves.
 */
export async function changeRole(actorId: string, userId: string, role: Role): Promise<RoleChangeResult> {
  if (actorId === userId) return "own-role";
  const { count } = await db.user.updateMany({ where: { id: userId }, data: { role } });
  return count === 1 ? "changed" : "unknown-user";
}

/** The outcome of adding an existing account to an organisation. */
export type AddMemberResult =
  | { status: "added"; role: Role }
  | { status: "no-account" }
  | { status: "already-member" }
  | { status: "unknown-organisation" };

/** Makes the account with this (normalised) e-mail address a member of the organisation. */
export async function addMemberByEmail(organisationId: string, email: string): Promise<AddMemberResult> {
  const user = await db.user.findUnique({ where: { email }, select: { id: true, role: true } });
  if (!user) return { status: "no-account" };
  try {
    await db.membership.create({ data: { userId: user.id, organisationId } });
  } catch (error) {
    // The unique (user, organisation) index answers "already a member", also when two adds race.
    if (isUniqueConstraintError(error)) return { status: "already-member" };
    // A foreign key failure: the organisation was deleted meanwhile.
    if (isForeignKeyError(error)) return { status: "unknown-organisation" };
    throw error;
  }
  return { status: "added", role: toRole(user.role) };
}

/** Ends a membership (the account stays); false when there was none. */
export async function removeMember(organisationId: string, userId: string): Promise<boolean> {
  const { count } = await db.membership.deleteMany({ where: { organisationId, userId } });
  return count > 0;
}

// An unknown role in the database is shown, and counted, as the least privileged one.
function toRole(value: string): Role {
  return isRole(value) ? value : "reader";
}
