import type { OutboxEmail } from "#app/generated/prisma/client.ts";
import { db, usesPostgresql, type Db } from "#app/utils/db.server.ts";

/**
 * Claiming outbox messages for delivery, so that with several senders (several processes) each
 * message is sent once. A claim is a lease (`claimedUntil`): a sender that dies mid-round leaves
 * its messages claimed until the lease runs out, and then another sender takes them. (Such a
 * message may have gone out just before the crash and goes out again: at most once is not on
 * offer with SMTP; twice after a crash is better than never.)
 *
 * PostgreSQL: `SELECT … FOR UPDATE SKIP LOCKED` in a transaction, then the claim is written in it;
 * a competing sender skips the rows being claimed and takes the next ones. SQLite (one writer at
 * a time): a guarded update per message, which only changes a message nobody holds (count 1).
 */

/** Long enough for a round of OUTBOX_BATCH messages over a slow SMTP server. */
export const OUTBOX_LEASE_MS = 10 * 60_000;
export const OUTBOX_BATCH = 50;

/** Unsent messages with attempts left that no sender holds now. */
const claimable = (maxAttempts: number, now: Date) => ({
  sentAt: null,
  attempts: { lt: maxAttempts },
  OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }],
});

/** Claims up to `take` messages, oldest first, for this sender until now + OUTBOX_LEASE_MS. */
export function claimOutboxMessages({ maxAttempts, take = OUTBOX_BATCH, client = db, now = new Date() }: { maxAttempts: number; take?: number; client?: Db; now?: Date }): Promise<OutboxEmail[]> {
  const until = new Date(now.getTime() + OUTBOX_LEASE_MS);
  return usesPostgresql() ? claimSkippingLocked(client, maxAttempts, take, now, until) : claimByGuardedUpdate(client, maxAttempts, take, now, until);
}

async function claimSkippingLocked(client: Db, maxAttempts: number, take: number, now: Date, until: Date): Promise<OutboxEmail[]> {
  return client.$transaction(async (tx) => {
    // Prisma stores DateTime as UTC in timestamp(3) (no zone); an ISO string cast to timestamp
    // drops its "Z", which compares like with like.
    const rows = await tx.$queryRawUnsafe<{ id: string }[]>(
      `SELECT "id" FROM "OutboxEmail"
        WHERE "sentAt" IS NULL AND "attempts" < $1 AND ("claimedUntil" IS NULL OR "claimedUntil" < $2::timestamp)
        ORDER BY "createdAt", "id" LIMIT $3 FOR UPDATE SKIP LOCKED`,
      maxAttempts,
      now.toISOString(),
      take,
    );
    if (rows.length === 0) return [];
    const ids = rows.map((row) => row.id);
    await tx.outboxEmail.updateMany({ where: { id: { in: ids } }, data: { claimedUntil: until } });
    return tx.outboxEmail.findMany({ where: { id: { in: ids } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  });
}

async function claimByGuardedUpdate(client: Db, maxAttempts: number, take: number, now: Date, until: Date): Promise<OutboxEmail[]> {
  const candidates = await client.outboxEmail.findMany({ where: claimable(maxAttempts, now), orderBy: [{ createdAt: "asc" }, { id: "asc" }], take });
  const claimed: OutboxEmail[] = [];
  for (const message of candidates) {
    const result = await client.outboxEmail.updateMany({ where: { id: message.id, ...claimable(maxAttempts, now) }, data: { claimedUntil: until } });
    if (result.count === 1) claimed.push({ ...message, claimedUntil: until });
  }
  return claimed;
}
