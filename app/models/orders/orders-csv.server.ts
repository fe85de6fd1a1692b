import { dateToAmsterdamLocal } from "#app/common/events.ts";
import type { MessageKey } from "#app/common/i18n/catalogue.ts";
import { isOrderStatus, orderStatusLabel } from "#app/common/order-status.ts";
import { toCsv } from "#app/utils/csv.server.ts";
import type { OrderListRow } from "./order-list.server.ts";

/** Cents as a decimal amount with a point ("731.06"): what a spreadsheet or bookkeeping import reads as a number. */
export function centsToDecimal(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

const COLUMNS: MessageKey[] = [
  "ordersAdmin.column.invoiceNumber",
  "ordersAdmin.column.date",
  "ordersAdmin.column.status",
  "ordersAdmin.column.customerType",
  "ordersAdmin.column.name",
  "ordersAdmin.column.organisation",
  "ordersAdmin.column.email",
  "ordersAdmin.column.book",
  "ordersAdmin.column.edition",
  "ordersAdmin.column.quantity",
  "ordersAdmin.column.poNumber",
  "ordersAdmin.column.vatNumber",
  "ordersAdmin.column.city",
  "ordersAdmin.column.country",
  "ordersAdmin.column.subtotal",
  "ordersAdmin.column.discount",
  "ordersAdmin.column.shipping",
  "ordersAdmin.column.vat",
  "ordersAdmin.column.total",
];

/** The orders as CSV (see app/utils/csv.server.ts for escaping, formula injection and the BOM); amounts in euros as decimals, days in Amsterdam. */
export function ordersCsv(orders: readonly OrderListRow[], t: (key: MessageKey) => string): string {
  return toCsv(
    COLUMNS.map((key) => t(key)),
    orders.map((order) => [
      order.invoiceNumber,
      dateToAmsterdamLocal(order.createdAt).slice(0, 10),
      isOrderStatus(order.status) ? t(orderStatusLabel(order.status)) : order.status,
      t(order.customerType === "organisation" ? "ordersAdmin.customerType.organisation" : "ordersAdmin.customerType.individual"),
      order.name,
      order.organisation,
      order.email,
      order.book.title,
      order.edition.number,
      order.quantity,
      order.poNumber,
      order.vatNumber,
      order.billingCity,
      order.billingCountry,
      centsToDecimal(order.subtotalCents),
      centsToDecimal(order.discountCents),
      centsToDecimal(order.shippingCents),
      centsToDecimal(order.vatCents),
      centsToDecimal(order.totalCents),
    ]),
  );
}
