import { isOrderStatus, orderStatusLabel } from "#app/common/order-status.ts";
import { useT } from "#app/utils/root-data.ts";

const TONE: Record<string, string> = {
  new: "bg-amber-50 text-amber-950 ring-amber-400",
  invoiced: "bg-sky-50 text-sky-900 ring-sky-300",
  paid: "bg-green-50 text-green-900 ring-green-300",
  shipped: "bg-stone-100 text-stone-800 ring-stone-300",
  cancelled: "bg-red-50 text-red-800 ring-red-300",
};

/** An order's status as a labelled badge (the text, not the colour, carries the meaning). */
export function OrderStatusBadge({ status }: { status: string }) {
  const t = useT();
  return (
    <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONE[status] ?? TONE.shipped}`}>
      <span className="sr-only">{t("ordersAdmin.column.status")}: </span>
      {isOrderStatus(status) ? t(orderStatusLabel(status)) : status}
    </span>
  );
}
