import { db } from "#app/utils/db.server.ts";
import { orderAccessTokenHash } from "./order-access.server.ts";

/** The order a private link leads to, with what the buyer's page and invoice show (its status steps too, without the admins' notes); null for an unknown link. */
export function findOrderByToken(token: string) {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return Promise.resolve(null);
  return db.order.findUnique({
    where: { accessTokenHash: orderAccessTokenHash(token) },
    include: {
      book: { select: { title: true, slug: true } },
      edition: { select: { number: true } },
      statusChanges: { orderBy: { createdAt: "asc" }, select: { id: true, toStatus: true, createdAt: true } },
    },
  });
}
