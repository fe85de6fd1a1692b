import { requireUserWithPermission, type CurrentUser } from "#app/utils/auth.server.ts";

/**
 * Who manages events: the editorial team (editors and admins), the same people who may edit any
 * chapter. Throws the login redirect for visitors and a 403 for readers and partner authors.
 */
export function requireEventManager(request: Request): Promise<CurrentUser> {
  return requireUserWithPermission(request, "update:chapter:any");
}
