import type { OrderPrice } from "#app/common/order-pricing.ts";
import { formatCents } from "#app/common/format.ts";
import { useT } from "#app/utils/root-data.ts";

/** The full price of an order, line by line, as computed on the server. */
export function PriceBreakdown({ price, caption }: { price: Omit<OrderPrice, "destination">; caption: string }) {
  const t = useT();
  const row = (label: string, amount: string, emphasis = false) => (
    <tr className={emphasis ? "border-t-2 border-stone-800 font-semibold" : "border-t border-stone-200"}>
      <th scope="row" className="py-2 pr-6 text-left font-normal">
        {label}
      </th>
      <td className="py-2 text-right tabular-nums">{amount}</td>
    </tr>
  );
  return (
    <table className="w-full max-w-lg text-sm">
      <caption className="mb-2 text-left text-base font-semibold">{caption}</caption>
      <tbody>
        {row(t("orders.price.copies", { quantity: price.quantity, unit: formatCents(price.unitPriceCents) }), formatCents(price.subtotalCents))}
        {price.discountCents > 0 && row(t("orders.price.discount", { percent: price.discountPercent }), `− ${formatCents(price.discountCents)}`)}
        {row(t("orders.price.shipping"), formatCents(price.shippingCents))}
        {row(
          price.vatTreatment === "standard"
            ? t("orders.price.vat", { rate: price.vatRateBasisPoints / 100 })
            : price.vatTreatment === "reverse_charge"
              ? t("orders.price.vatReverseCharge")
              : t("orders.price.vatExport"),
          formatCents(price.vatCents),
        )}
        {row(t("orders.price.total"), formatCents(price.totalCents), true)}
      </tbody>
    </table>
  );
}
