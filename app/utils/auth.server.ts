import { redirect } from "@remix-run/node";
import type { Permission, Role } from "#app/common/permissions.ts";
import { hasPermission, isRole } from "#app/common/permissions.ts";
import { db } from "./db.server.ts";
import { forbidden } from "./http.server.ts";
import { getSessionUserId } from "./session.server.ts";

/** The logged-in person as loaders and guards see them. */
export type CurrentUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  organisations: { id: string; name: string; slug: string }[];
  organisationIds: string[];
};

/** The logged-in user, or null for a visitor. */
export async function getUser(request: Request): Promise<CurrentUser | null> {
  const userId = await getSessionUserId(request);
  if (!userId) return null;
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      memberships: { select: { organisation: { select: { id: true, name: true, slug: true } } } },
    },
  });
  if (!user) return null;
  const organisations = user.memberships.map((membership) => membership.organisation);
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    // An unknown role in the database grants nothing more than a reader has.
    role: isRole(user.role) ? user.role : "reader",
    organisations,
    organisationIds: organisations.map((organisation) => organisation.id),
  };
}

/** The logged-in user; a visitor is sent to the login page and brought back afterwards. */
export async function requireUser(request: Request): Promise<CurrentUser> {
  const user = await getUser(request);
  if (user) return user;
  const url = new URL(request.url);
  const back = `${url.pathname}${url.search}`;
  throw redirect(`/inloggen?redirectTo=${encodeURIComponent(back)}`);
}

/** The logged-in user if they hold the permission; otherwise a 403 (or the login page). */
export async function requireUserWithPermission(request: Request, permission: Permission): Promise<CurrentUser> {
  const user = await requireUser(request);
  if (!hasPermission(user.role, permission)) throw await forbidden(request);
  return user;
}

/** Pages such as login and register make no sense when logged in: send the user home. */
export async function requireAnonymous(request: Request): Promise<void> {
  if (await getSessionUserId(request)) throw redirect("/");
}
