/**
 * Dutch postcodes and house numbers, as PostNL writes them: "1234 AB" (no leading zero; SA, SD and
 * SS are never issued) and a number with an optional addition ("12", "12A", "12-3", "12 bis").
 */
const POSTCODE = /^([1-9][0-9]{3})\s?([A-Za-z]{2})$/;
const HOUSE_NUMBER = /^[1-9][0-9]{0,4}(?:[A-Za-z][A-Za-z0-9]{0,3}|[ -][A-Za-z0-9]{1,4})?$/;

/** The postcode in its standard form, or null when it is not a valid Dutch postcode. */
export function normaliseDutchPostcode(input: string): string | null {
  const match = POSTCODE.exec(input.trim());
  if (!match) return null;
  const letters = match[2]!.toUpperCase();
  if (letters === "SA" || letters === "SD" || letters === "SS") return null;
  return `${match[1]} ${letters}`;
}

export function isDutchHouseNumber(input: string): boolean {
  return HOUSE_NUMBER.test(input.trim());
}
