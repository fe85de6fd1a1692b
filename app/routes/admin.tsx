import type { LoaderFunctionArgs } from "@remix-run/node";
import { isRouteErrorResponse, NavLink, Outlet, useRouteError } from "@remix-run/react";
import type { MessageKey } from "#app/common/i18n/catalogue.ts";
import type { Permission } from "#app/common/permissions.ts";
import { ErrorPage } from "#app/components/error-page.tsx";
import { requireUserWithPermission } from "#app/utils/auth.server.ts";
import { useHasPermission, useT } from "#app/utils/root-data.ts";

// Each page's own loader and action check their own, finer permission as well: loaders run in
// parallel, so this guard alone would not stop a child's data from being read.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "read:admin:any");
  return null;
}

const SECTIONS: { to: string; label: MessageKey; permission: Permission; end?: boolean }[] = [
  { to: "/admin", label: "admin.nav.overview", permission: "read:admin:any", end: true },
  { to: "/admin/organisaties", label: "admin.nav.organisations", permission: "read:organisation:any" },
  { to: "/admin/leden", label: "admin.nav.members", permission: "read:member:any" },
  { to: "/admin/uitnodigingen", label: "admin.nav.invitations", permission: "read:invitation:any" },
  { to: "/admin/outbox", label: "admin.nav.outbox", permission: "read:outbox:any" },
  { to: "/admin/bestellingen", label: "ordersAdmin.nav.orders", permission: "manage:order:any" },
  { to: "/admin/verkoop", label: "ordersAdmin.nav.sale", permission: "manage:order:any" },
  { to: "/admin/instellingen", label: "readerComments.settings.nav", permission: "manage:member:any" },
];

/** The admin area: a sub-navigation over the sections this user may see, then the section. */
export default function AdminLayout() {
  return (
    <div className="space-y-8">
      <AdminNav />
      <Outlet />
    </div>
  );
}

function AdminNav() {
  const t = useT();
  return (
    <nav aria-label={t("admin.nav.label")} className="border-b border-stone-200 pb-3">
      <p className="mb-2 text-sm font-semibold uppercase tracking-wide text-stone-500">{t("admin.title")}</p>
      <ul className="flex flex-wrap gap-1 text-sm">
        {SECTIONS.map((section) => (
          <AdminNavItem key={section.to} {...section} />
        ))}
      </ul>
    </nav>
  );
}

function AdminNavItem({ to, label, permission, end }: (typeof SECTIONS)[number]) {
  const t = useT();
  if (!useHasPermission(permission)) return null;
  return (
    <li>
      <NavLink
        to={to}
        end={end}
        className={({ isActive }) =>
          `inline-block rounded-md px-3 py-1.5 no-underline ${
            isActive ? "bg-stone-800 text-white hover:text-white" : "text-stone-700 hover:bg-stone-100 hover:text-stone-900"
          }`
        }
      >
        {t(label)}
      </NavLink>
    </li>
  );
}

/**
 * An error inside the admin area (an editor opening the outbox, an unknown organisation) keeps
 * the sub-navigation, so the way back is one click; someone without access sees only the message.
 */
export function ErrorBoundary() {
  const error = useRouteError();
  const canAdmin = useHasPermission("read:admin:any");
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const message =
    isRouteErrorResponse(error) && typeof error.data?.message === "string" ? (error.data.message as string) : null;
  return (
    <div className="space-y-8">
      {canAdmin ? <AdminNav /> : null}
      <ErrorPage status={status} message={message} />
    </div>
  );
}
