import type { MessageKey } from "./i18n/catalogue.ts";

/**
 * Where an order stands: nieuw → gefactureerd → betaald → verzonden, or geannuleerd until it is
 * shipped. Only the transitions listed here are allowed (checked on the server).
 */
export const ORDER_STATUSES = ["new", "invoiced", "paid", "shipped", "cancelled"] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

const NEXT: Record<OrderStatus, readonly OrderStatus[]> = {
  new: ["invoiced", "cancelled"],
  invoiced: ["paid", "cancelled"],
  // Paid and then shipped; a paid order can still be cancelled (and refunded outside Kapittel).
  paid: ["shipped", "cancelled"],
  shipped: [],
  cancelled: [],
};

export function isOrderStatus(value: unknown): value is OrderStatus {
  return typeof value === "string" && (ORDER_STATUSES as readonly string[]).includes(value);
}

export function nextOrderStatuses(status: string): readonly OrderStatus[] {
  return isOrderStatus(status) ? NEXT[status] : [];
}

export function canChangeOrderStatus(from: string, to: string): boolean {
  return nextOrderStatuses(from).includes(to as OrderStatus);
}

export const orderStatusLabel = (status: string) => `orders.status.${status}` as MessageKey;
