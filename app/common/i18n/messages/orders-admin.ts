import type { MessageSection } from "../locales.ts";

/** The admins' side of ordering printed copies: the order list, an order's page, the sale settings. */
export const ordersAdmin = {
  "ordersAdmin.nav.orders": { nl: "Bestellingen", en: "Orders" },
  "ordersAdmin.nav.sale": { nl: "Verkoop", en: "Sales settings" },
} as const satisfies MessageSection;
