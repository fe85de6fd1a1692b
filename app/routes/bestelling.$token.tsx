import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatDate } from "#app/common/format.ts";
import { orderStatusLabel } from "#app/common/order-status.ts";
import { PriceBreakdown } from "#app/components/orders/price-breakdown.tsx";
import { findOrderByToken } from "#app/models/orders/buyer-order.server.ts";
import { notFound } from "#app/utils/http.server.ts";
import { getLocale } from "#app/utils/i18n.server.ts";
import { useT } from "#app/utils/root-data.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.order.invoiceNumber} — Kapittel` : "Kapittel" },
  // A private page: never in a search engine.
  { name: "robots", content: "noindex" },
];

/** The buyer's private page: what they ordered, the price, where the order stands, the invoice. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const order = await findOrderByToken(params.token ?? "");
  if (!order) throw await notFound(request);
  const locale = await getLocale(request);
  return {
    token: params.token ?? "",
    order: {
      invoiceNumber: order.invoiceNumber,
      status: order.status,
      createdAt: formatDate(order.createdAt, locale),
      createdAtIso: order.createdAt.toISOString(),
      // Each step's date, not the admins' note with it (that is for them alone).
      history: order.statusChanges.map((change) => ({ id: change.id, status: change.toStatus, when: formatDate(change.createdAt, locale), whenIso: change.createdAt.toISOString() })),
      book: order.book,
      edition: order.edition.number,
      name: order.name,
      organisation: order.organisation,
      poNumber: order.poNumber,
      price: {
        quantity: order.quantity,
        unitPriceCents: order.unitPriceCents,
        discountPercent: order.discountPercent,
        subtotalCents: order.subtotalCents,
        discountCents: order.discountCents,
        shippingCents: order.shippingCents,
        vatTreatment: order.vatTreatment as "standard" | "reverse_charge" | "export",
        vatRateBasisPoints: order.vatRateBasisPoints,
        vatCents: order.vatCents,
        totalCents: order.totalCents,
      },
    },
  };
}

export default function BuyerOrderPage() {
  const t = useT();
  const { token, order } = useLoaderData<typeof loader>();
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <header>
        <p className="text-sm text-stone-700">{t("orders.buyer.eyebrow", { date: order.createdAt })}</p>
        <h1 className="font-serif text-4xl font-semibold tracking-tight">{t("orders.buyer.title", { number: order.invoiceNumber })}</h1>
        <p className="mt-2 text-lg">{t("orders.buyer.thanks")}</p>
      </header>
      <p role="status" className="rounded-md border border-teal-700 bg-teal-50 px-4 py-3">
        {t("orders.buyer.status")} <strong>{t(orderStatusLabel(order.status))}</strong>
      </p>
      <section aria-labelledby="order-history">
        <h2 id="order-history" className="text-lg font-semibold">
          {t("ordersAdmin.buyer.history")}
        </h2>
        <ol className="mt-2 space-y-1">
          <li>
            {t("ordersAdmin.buyer.placed")}: <time dateTime={order.createdAtIso}>{order.createdAt}</time>
          </li>
          {order.history.map((step) => (
            <li key={step.id}>
              {t(orderStatusLabel(step.status))}: <time dateTime={step.whenIso}>{step.when}</time>
            </li>
          ))}
        </ol>
      </section>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1">
        <dt className="font-medium">{t("orders.buyer.book")}</dt>
        <dd>
          <Link to={`/boek/${order.book.slug}`}>{order.book.title}</Link> — {t("orders.buyer.edition", { number: order.edition })}
        </dd>
        <dt className="font-medium">{t("orders.form.name")}</dt>
        <dd>{order.organisation ? `${order.name}, ${order.organisation}` : order.name}</dd>
        {order.poNumber && (
          <>
            <dt className="font-medium">{t("ordersAdmin.column.poNumber")}</dt>
            <dd>{order.poNumber}</dd>
          </>
        )}
      </dl>
      <PriceBreakdown price={order.price} caption={t("orders.form.quoteTitle")} />
      <p>
        <a href={`/bestelling/${token}/factuur.pdf`} className="font-semibold" download>
          {t("orders.buyer.invoice", { number: order.invoiceNumber })}
        </a>
      </p>
      <p className="text-sm text-stone-700">{t("orders.buyer.private")}</p>
    </div>
  );
}
