import { canChangeOrderStatus, type OrderStatus } from "#app/common/order-status.ts";
import { db } from "#app/utils/db.server.ts";
import { orderAccessToken } from "./order-access.server.ts";
import { queueOrderStatusEmail } from "./order-emails.server.ts";

/** What became of a requested status change. */
export type StatusChangeOutcome =
  | { status: "changed" }
  | { status: "not-found" }
  /** Someone else changed the order since the admin's page was loaded. */
  | { status: "stale"; current: string }
  /** The status machine (app/common/order-status.ts) does not go from here to there. */
  | { status: "not-allowed" };

/**
 * Moves an order from `expected` to `to`, with who did it and an optional note, in one transaction:
 * the order's status, an OrderStatusChange row and, when it is shipped or cancelled, the buyer's
 * e-mail. The update only succeeds while the order is still in `expected`, so of two admins
 * clicking at once the second is told the order changed instead of overwriting the first.
 */
export async function changeOrderStatus(input: { orderId: string; expected: string; to: OrderStatus; note: string; actorId: string }): Promise<StatusChangeOutcome> {
  return db.$transaction(async (tx) => {
    const order = await tx.order.findUnique({
      where: { id: input.orderId },
      select: { status: true, idempotencyKey: true, email: true, name: true, invoiceNumber: true, quantity: true, book: { select: { title: true } } },
    });
    if (!order) return { status: "not-found" } as const;
    if (order.status !== input.expected) return { status: "stale", current: order.status } as const;
    if (!canChangeOrderStatus(order.status, input.to)) return { status: "not-allowed" } as const;
    // Conditional on the status read above: a change committed in between makes this match nothing.
    const { count } = await tx.order.updateMany({ where: { id: input.orderId, status: input.expected }, data: { status: input.to } });
    if (count === 0) {
      const now = await tx.order.findUnique({ where: { id: input.orderId }, select: { status: true } });
      return { status: "stale", current: now?.status ?? input.expected } as const;
    }
    await tx.orderStatusChange.create({ data: { orderId: input.orderId, fromStatus: input.expected, toStatus: input.to, note: input.note.trim(), actorId: input.actorId } });
    if (input.to === "shipped" || input.to === "cancelled") {
      await queueOrderStatusEmail(tx, { status: input.to, order, token: orderAccessToken(order.idempotencyKey) });
    }
    return { status: "changed" } as const;
  });
}
