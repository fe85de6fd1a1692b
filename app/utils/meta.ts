import type { MetaDescriptor } from "@remix-run/node";
import { translate, type MessageKey } from "#app/common/i18n/catalogue.ts";
import { DEFAULT_LOCALE, isLocale, type Locale } from "#app/common/i18n/locales.ts";

type MetaMatch = { id: string; data: unknown };

/** The page's language as the root loader decided it, read inside a `meta` function. */
export function localeFromMatches(matches: readonly MetaMatch[]): Locale {
  const locale = (matches.find((match) => match.id === "root")?.data as { locale?: unknown } | undefined)?.locale;
  return isLocale(locale) ? locale : DEFAULT_LOCALE;
}

/** One piece of a page title: a catalogue key, or text that needs no translation (a name). */
export type TitlePart = MessageKey | { text: string };

/** A `<title>` of the form "Page — Section — Kapittel", in the page's language. */
export function pageTitle(matches: readonly MetaMatch[], ...parts: TitlePart[]): MetaDescriptor[] {
  const locale = localeFromMatches(matches);
  const texts = parts.map((part) => (typeof part === "string" ? translate(locale, part) : part.text));
  return [{ title: [...texts, "Kapittel"].join(" — ") }];
}
