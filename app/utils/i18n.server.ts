import { createCookie } from "@remix-run/node";
import { translator, type Translate } from "#app/common/i18n/catalogue.ts";
import { DEFAULT_LOCALE, isLocale, type Locale } from "#app/common/i18n/locales.ts";

/** Remembers the chosen interface language for a year; not secret, so not signed. */
export const localeCookie = createCookie("kp_lang", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

/** The request's interface language: the chosen one, else Dutch. */
export async function getLocale(request: Request): Promise<Locale> {
  const value: unknown = await localeCookie.parse(request.headers.get("Cookie"));
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

/** A translate function in the request's language. */
export async function getTranslator(request: Request): Promise<Translate> {
  return translator(await getLocale(request));
}
