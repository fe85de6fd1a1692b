import type { Locale } from "./i18n/locales.ts";

// Formatted on the server and sent as text: the browser's Intl data may differ in a space or a
// dot from Node's, and a difference would break hydration.

const EUROS = new Intl.NumberFormat("nl-NL", { style: "currency", currency: "EUR", maximumFractionDigits: 0 });

/** An amount in whole euros as the Dutch write it: "€ 9.000" (in either interface language). */
export function formatEuros(amount: number): string {
  return EUROS.format(amount);
}

const EUROS_AND_CENTS = new Intl.NumberFormat("nl-NL", { style: "currency", currency: "EUR", minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** An amount in cents as the Dutch write it: "€ 1.234,50" (prices, invoices). */
export function formatCents(cents: number): string {
  return EUROS_AND_CENTS.format(cents / 100);
}

const LOCALE_TAG: Record<Locale, string> = { nl: "nl-NL", en: "en-GB" };
// Kapittel's people work in the Netherlands; the server's own time zone is an accident of hosting.
const TIME_ZONE = "Europe/Amsterdam";

// Made once per locale: building an Intl.DateTimeFormat costs far more than formatting with one
// (it showed up in the reader benchmark's profile, once per page view).
const formatters = (options: Intl.DateTimeFormatOptions) => {
  const made = new Map<Locale, Intl.DateTimeFormat>();
  return (locale: Locale) => {
    let formatter = made.get(locale);
    if (!formatter) made.set(locale, (formatter = new Intl.DateTimeFormat(LOCALE_TAG[locale], { ...options, timeZone: TIME_ZONE })));
    return formatter;
  };
};
const DATE_TIME = formatters({ dateStyle: "medium", timeStyle: "short" });
const DATE = formatters({ dateStyle: "long" });

/** A moment as "25 nov 2026, 11:36" (Dutch) or "25 Nov 2026, 11:36" (English), Dutch time. */
export function formatDateTime(date: Date, locale: Locale): string {
  return DATE_TIME(locale).format(date);
}

/** A day as "2 december 2026" (Dutch) or "2 December 2026" (English), Dutch time. */
export function formatDate(date: Date, locale: Locale): string {
  return DATE(locale).format(date);
}
