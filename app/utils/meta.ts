import type { MetaDescriptor } from "@remix-run/node";
import { translate, type MessageKey, type MessageParams } from "#app/common/i18n/catalogue.ts";
import { DEFAULT_LOCALE, isLocale, type Locale } from "#app/common/i18n/locales.ts";

type MetaMatch = { id: string; data: unknown };

/** The page's language as the root loader decided it, read inside a `meta` function. */
export function localeFromMatches(matches: readonly MetaMatch[]): Locale {
  const locale = (matches.find((match) => match.id === "root")?.data as { locale?: unknown } | undefined)?.locale;
  return isLocale(locale) ? locale : DEFAULT_LOCALE;
}

/** A `<title>` of the form "Page — Kapittel", in the page's language. */
export function pageTitle(matches: readonly MetaMatch[], key: MessageKey, params?: MessageParams): MetaDescriptor[] {
  return [{ title: `${translate(localeFromMatches(matches), key, params)} — Kapittel` }];
}
