import { createCookie } from "@remix-run/node";
import { getEnv } from "./env.server.ts";
import { httpError } from "./http.server.ts";
import { singleton } from "./singleton.server.ts";
import { newSecretToken, safeEqual } from "./tokens.server.ts";

/** The form field every state-changing form carries (see components/csrf-input.tsx). */
export const CSRF_FIELD = "csrf";

/**
 * Double-submit token: a signed, httpOnly cookie holds a random token and every form repeats
 * it in a hidden field. A cross-site page can neither read the cookie nor guess the field.
 * The Express layer also refuses any unsafe request whose Origin is not ours (server/http/origin-check.ts).
 */
function csrfCookie() {
  return singleton("csrf-cookie", () =>
    createCookie("kp_csrf", {
      path: "/",
      httpOnly: true,
      sameSite: "lax",
      secure: (getEnv().APP_URL ?? "").startsWith("https:"),
      secrets: [getEnv().SESSION_SECRET],
    }),
  );
}

/** The request's CSRF token, and a Set-Cookie header when a new one had to be issued. */
export async function getCsrfToken(request: Request): Promise<{ token: string; setCookie: string | null }> {
  const existing: unknown = await csrfCookie().parse(request.headers.get("Cookie"));
  if (typeof existing === "string" && existing.length > 0) return { token: existing, setCookie: null };
  const token = newSecretToken();
  return { token, setCookie: await csrfCookie().serialize(token) };
}

/** Throws 403 unless the form's token matches the cookie's. */
export async function assertValidCsrf(request: Request, formData: FormData): Promise<void> {
  const expected: unknown = await csrfCookie().parse(request.headers.get("Cookie"));
  const sent = formData.get(CSRF_FIELD);
  if (typeof expected !== "string" || typeof sent !== "string" || !safeEqual(expected, sent)) {
    throw await httpError(request, 403, "error.csrf");
  }
}

/** Reads a submitted form and checks its CSRF token: the way every action reads its input. */
export async function readForm(request: Request): Promise<FormData> {
  let formData: FormData;
  try {
    formData = await request.formData();
  } catch {
    throw await httpError(request, 400, "error.csrf");
  }
  await assertValidCsrf(request, formData);
  return formData;
}
