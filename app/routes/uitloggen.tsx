import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { readForm } from "#app/utils/csrf.server.ts";
import { endSession } from "#app/utils/session.server.ts";

/** Logs out: ends the session in the database (the cookie alone is worth nothing then) and clears the cookie. */
export async function action({ request }: ActionFunctionArgs) {
  await readForm(request);
  return redirect("/", { headers: { "Set-Cookie": await endSession(request) } });
}

// Logging out changes state, so only a form (POST with its CSRF token) can do it; a link or
// a prefetch that GETs this address just lands on the home page.
export function loader() {
  return redirect("/");
}

// Never rendered (both the loader and the action redirect). It is here so this is not a resource
// route: a refused form (CSRF) then shows the Dutch error page instead of a bare JSON error.
export default function Logout() {
  return null;
}
