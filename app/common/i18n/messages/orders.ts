import type { MessageSection } from "../locales.ts";

/** Ordering printed copies: the order form, the buyer's page, the invoice, the admins' order list. */
export const orders = {
  "orders.status.new": { nl: "Nieuw", en: "New" },
  "orders.status.invoiced": { nl: "Gefactureerd", en: "Invoiced" },
  "orders.status.paid": { nl: "Betaald", en: "Paid" },
  "orders.status.shipped": { nl: "Verzonden", en: "Shipped" },
  "orders.status.cancelled": { nl: "Geannuleerd", en: "Cancelled" },
  "orders.error.quantity": { nl: "Kies een aantal van 1 tot en met 500.", en: "Choose a quantity from 1 to 500." },
  "orders.error.country": { nl: "Kies een land uit de lijst.", en: "Choose a country from the list." },
  "orders.error.organisationRequired": { nl: "Vul de naam van uw organisatie in.", en: "Enter the name of your organisation." },
  "orders.error.postcode": { nl: "Vul een Nederlandse postcode in, zoals 1234 AB.", en: "Enter a Dutch postcode, such as 1234 AB." },
  "orders.error.houseNumber": { nl: "Vul een huisnummer in, eventueel met toevoeging (12, 12A, 12-3).", en: "Enter a house number, with an addition if needed (12, 12A, 12-3)." },
  "orders.error.vatNumber": { nl: "Vul een btw-nummer in zoals NL001234567B01.", en: "Enter a VAT number such as NL001234567B01." },
  "orders.error.notForSale": { nl: "Dit boek is (nog) niet in gedrukte vorm te bestellen.", en: "This book cannot be ordered in print (yet)." },
  "orders.error.edition": { nl: "Kies een editie van dit boek.", en: "Choose an edition of this book." },
} as const satisfies MessageSection;
