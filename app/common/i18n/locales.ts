/** The interface languages: Dutch first, English second. */
export const LOCALES = ["nl", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "nl";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** Every message in both languages, side by side, so a missing translation is a type error. */
export type MessageSection = Record<string, Record<Locale, string>>;
