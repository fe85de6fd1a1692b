import { formatCents } from "#app/common/format.ts";
import { queueEmail } from "#app/models/outbox.server.ts";
import type { DbTransaction } from "#app/utils/db.server.ts";
import { appUrl } from "#app/utils/env.server.ts";
import type { OrderSummary } from "./order-summary.ts";

/** The buyer's private page for an order (status, invoice). */
export function orderLink(token: string): string {
  return `/bestelling/${token}`;
}

type ConfirmedOrder = OrderSummary & { email: string };

/** The confirmation with the full breakdown and the private link, queued in the order's transaction. */
export async function queueOrderConfirmation(tx: DbTransaction, order: ConfirmedOrder, token: string): Promise<void> {
  const link = `${appUrl()}${orderLink(token)}`;
  const lines = [
    `Beste ${order.name},`,
    "",
    `Bedankt voor uw bestelling van ${order.quantity} × ${order.book.title} (editie ${order.edition.number}).`,
    "",
    `Factuurnummer: ${order.invoiceNumber}`,
    ...(order.poNumber ? [`Uw inkoopordernummer: ${order.poNumber}`] : []),
    `Subtotaal: ${formatCents(order.subtotalCents)}`,
    ...(order.discountCents > 0 ? [`Staffelkorting (${order.discountPercent}%): −${formatCents(order.discountCents)}`] : []),
    `Verzendkosten: ${formatCents(order.shippingCents)}`,
    order.vatTreatment === "standard"
      ? `Btw ${order.vatRateBasisPoints / 100}%: ${formatCents(order.vatCents)}`
      : order.vatTreatment === "reverse_charge"
        ? "Btw: verlegd"
        : "Btw: 0% (export buiten de EU)",
    `Totaal: ${formatCents(order.totalCents)}`,
    "",
    "U betaalt op factuur. De factuur, en waar uw bestelling staat, vindt u via deze persoonlijke link:",
    link,
    "",
    "Deel deze link niet: iedereen die hem heeft, kan uw bestelling inzien.",
  ];
  await queueEmail({ to: order.email, subject: `Uw bestelling ${order.invoiceNumber}: ${order.book.title}`, text: lines.join("\n"), kind: "order-confirmation" }, tx);
}

/** The buyer's side of a status change they should hear about: the order is on its way, or off. */
export type StatusNotice = { status: "shipped" | "cancelled"; order: { email: string; name: string; invoiceNumber: string; quantity: number; book: { title: string } }; token: string };

/** Tells the buyer that their order was shipped or cancelled, queued in the status change's transaction. */
export async function queueOrderStatusEmail(tx: DbTransaction, { status, order, token }: StatusNotice): Promise<void> {
  const link = `${appUrl()}${orderLink(token)}`;
  const shipped = status === "shipped";
  const lines = [
    `Beste ${order.name},`,
    "",
    shipped
      ? `Uw bestelling ${order.invoiceNumber} (${order.quantity} × ${order.book.title}) is verzonden.`
      : `Uw bestelling ${order.invoiceNumber} (${order.quantity} × ${order.book.title}) is geannuleerd. Heeft u al betaald, dan storten wij het bedrag terug.`,
    "",
    "Waar uw bestelling staat, ziet u via uw persoonlijke link:",
    link,
  ];
  const subject = shipped ? `Uw bestelling ${order.invoiceNumber} is verzonden` : `Uw bestelling ${order.invoiceNumber} is geannuleerd`;
  await queueEmail({ to: order.email, subject, text: lines.join("\n"), kind: shipped ? "order-shipped" : "order-cancelled" }, tx);
}
