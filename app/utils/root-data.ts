import { useRouteLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { translator, type Translate } from "#app/common/i18n/catalogue.ts";
import { DEFAULT_LOCALE, type Locale } from "#app/common/i18n/locales.ts";
import type { Permission } from "#app/common/permissions.ts";
import { hasPermission } from "#app/common/permissions.ts";
import type { loader as rootLoader } from "#app/root.tsx";

/** The root loader's data (user, language, CSRF token); undefined only when the root loader failed. */
export function useRootData() {
  return useRouteLoaderData<typeof rootLoader>("root");
}

/** The interface language of this page. */
export function useLocale(): Locale {
  return useRootData()?.locale ?? DEFAULT_LOCALE;
}

/** A translate function in the page's language. */
export function useT(): Translate {
  const locale = useLocale();
  return useMemo(() => translator(locale), [locale]);
}

/** The logged-in user, or null. */
export function useOptionalUser() {
  return useRootData()?.user ?? null;
}

/** How many notifications the logged-in user has not opened (0 for a visitor): the bell's count. */
export function useUnreadNotificationCount(): number {
  return useRootData()?.unreadNotifications ?? 0;
}

/** Whether the logged-in user (or a visitor) holds a permission — for hiding what the server would refuse. */
export function useHasPermission(permission: Permission): boolean {
  return hasPermission(useOptionalUser()?.role ?? null, permission);
}

/** The CSRF token every form repeats. */
export function useCsrfToken(): string {
  return useRootData()?.csrfToken ?? "";
}
