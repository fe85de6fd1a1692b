import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { isLocale } from "#app/common/i18n/locales.ts";
import { readForm } from "#app/utils/csrf.server.ts";
import { safeRedirectPath } from "#app/utils/http.server.ts";
import { localeCookie } from "#app/utils/i18n.server.ts";

/** Switches the interface language and returns to the page the switch was used on. */
export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const lang = form.get("lang");
  const back = safeRedirectPath(form.get("redirectTo"));
  if (!isLocale(lang)) return redirect(back);
  return redirect(back, { headers: { "Set-Cookie": await localeCookie.serialize(lang) } });
}

export function loader() {
  return redirect("/");
}

// A refused switch (bad CSRF token) renders the Dutch error page through the root boundary,
// which needs this route to be a page rather than a resource route.
export default function LanguageSwitch() {
  return null;
}
