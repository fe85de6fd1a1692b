/**
 * ISBN-13 as a book's settings hold it: typed by people with or without hyphens and spaces,
 * stored as its 13 digits, shown grouped. Pure, so the settings form checks it in the browser
 * with the same code the server trusts.
 */

/** Why a text is not an ISBN-13; the values are message keys (section bookSettings). */
export type IsbnProblem =
  | "bookSettings.isbn.format"
  | "bookSettings.isbn.prefix"
  | "bookSettings.isbn.ismn"
  | "bookSettings.isbn.checksum";

export type IsbnResult = { ok: true; isbn: string } | { ok: false; problem: IsbnProblem };

/** Hyphens (ASCII and the Unicode dashes a word processor puts in) and any whitespace. */
const SEPARATORS = /[\s\u2010-\u2015-]/g;

/**
 * An ISBN-13 as its 13 digits, or why it is not one: wrong length or characters, a prefix other
 * than 978/979, the 979-0 range (that is an ISMN, for printed music), or a wrong check digit.
 * An optional leading "ISBN" (with or without "-13" and a colon) is accepted, as printed on books.
 */
export function parseIsbn13(input: string): IsbnResult {
  const digits = input
    .trim()
    .replace(/^isbn(-?13)?:?/i, "")
    .replace(SEPARATORS, "");
  if (!/^\d{13}$/.test(digits)) return { ok: false, problem: "bookSettings.isbn.format" };
  if (!digits.startsWith("978") && !digits.startsWith("979")) return { ok: false, problem: "bookSettings.isbn.prefix" };
  if (digits.startsWith("9790")) return { ok: false, problem: "bookSettings.isbn.ismn" };
  if (isbn13CheckDigit(digits.slice(0, 12)) !== Number(digits[12])) return { ok: false, problem: "bookSettings.isbn.checksum" };
  return { ok: true, isbn: digits };
}

/** The check digit of the first twelve digits: weights 1 and 3 alternately, modulo 10. */
export function isbn13CheckDigit(first12: string): number {
  let sum = 0;
  for (let i = 0; i < 12; i += 1) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10;
}

/**
 * An ISBN-13 for display: `978-XXXXXXXXX-X`. The full hyphenation (group, registrant,
 * publication) depends on the ISBN agency's range table, which changes over time; rather than
 * hyphenate wrongly we separate only the parts every ISBN-13 has: prefix and check digit.
 * Anything that is not 13 digits is returned as it is.
 */
export function formatIsbn13(digits: string): string {
  if (!/^\d{13}$/.test(digits)) return digits;
  return `${digits.slice(0, 3)}-${digits.slice(3, 12)}-${digits.slice(12)}`;
}
