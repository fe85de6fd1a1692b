import { db } from "#app/utils/db.server.ts";

/** Everything about one order for the admins' page: the order as stored, its book and edition, its status history with who made each step. */
export function findOrderForAdmin(orderId: string) {
  return db.order.findUnique({
    where: { id: orderId },
    include: {
      book: { select: { title: true, slug: true } },
      edition: { select: { number: true } },
      statusChanges: { orderBy: { createdAt: "asc" }, include: { actor: { select: { name: true } } } },
    },
  });
}

/** Replaces the admins' notes on an order; false when there is no such order. */
export async function saveOrderNotes(orderId: string, notes: string): Promise<boolean> {
  const { count } = await db.order.updateMany({ where: { id: orderId }, data: { notes: notes.trim() } });
  return count > 0;
}
