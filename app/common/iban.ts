/**
 * IBAN check (ISO 13616): the country's length and the mod-97 checksum, which catches every single
 * typo and every swap of two neighbouring characters. Used for the seller's account on invoices.
 */

// The IBAN lengths of the SEPA countries a Dutch foundation plausibly banks in; others: 15–34.
const LENGTHS: Record<string, number> = { NL: 18, BE: 16, DE: 22, FR: 27, LU: 20, AT: 20, DK: 18, ES: 24, IT: 27, IE: 22, PT: 25, SE: 24, FI: 18, GB: 22 };

/** The IBAN without spaces, in capitals. */
export function normaliseIban(value: string): string {
  return value.replace(/[\s-]/g, "").toUpperCase();
}

/** Whether the value (spaces allowed) is a well-formed IBAN with a correct checksum. */
export function isValidIban(value: string): boolean {
  const iban = normaliseIban(value);
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const expectedLength = LENGTHS[iban.slice(0, 2)];
  if (expectedLength !== undefined && iban.length !== expectedLength) return false;
  // Move the first four characters to the end, letters become 10–35, and the number mod 97 must be 1;
  // computed piecewise so it never leaves the safe integer range.
  const digits = (iban.slice(4) + iban.slice(0, 4)).replace(/[A-Z]/g, (letter) => String(letter.charCodeAt(0) - 55));
  let remainder = 0;
  for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  return remainder === 1;
}

/** An IBAN as it is printed: groups of four ("NL91 ABNA 0417 1643 00"). */
export function formatIban(value: string): string {
  return normaliseIban(value).replace(/(.{4})(?=.)/g, "$1 ");
}
