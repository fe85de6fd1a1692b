import { db, type Db } from "#app/utils/db.server.ts";
import { claimOutboxMessages } from "./outbox-claim.server.ts";

/** An e-mail to send: plain text, because it must read well in every mail client. */
export type OutgoingEmail = { to: string; subject: string; text: string; kind: string };

/** After this many failed attempts a message stays in the outbox for an admin to look at. */
export const MAX_DELIVERY_ATTEMPTS = 5;

/**
 * Stores a message in the outbox; delivery happens separately, so no request waits on SMTP.
 * Pass a transaction client when the message belongs with other writes (all or nothing).
 */
export async function queueEmail(email: OutgoingEmail, client: Pick<Db, "outboxEmail"> = db): Promise<void> {
  await client.outboxEmail.create({ data: email });
}

/** The newest messages first, for the admin outbox page. */
export function listOutbox({ take = 100 }: { take?: number } = {}) {
  return db.outboxEmail.findMany({ orderBy: { createdAt: "desc" }, take });
}

/**
 * Sends the unsent messages that have attempts left and no other sender holds (a batch, claimed
 * first: outbox-claim.server.ts), marking each sent or recording its error. Returns how many were
 * sent. `client`, `now` and `batch` let tests run competing senders on separate connections.
 */
export async function deliverPendingEmails(
  send: (message: { to: string; subject: string; text: string }) => Promise<unknown>,
  { client = db, now = new Date(), batch }: { client?: Db; now?: Date; batch?: number } = {},
): Promise<number> {
  const pending = await claimOutboxMessages({ maxAttempts: MAX_DELIVERY_ATTEMPTS, client, now, take: batch });
  let sent = 0;
  for (const message of pending) {
    try {
      await send({ to: message.to, subject: message.subject, text: message.text });
      await client.outboxEmail.update({ where: { id: message.id }, data: { sentAt: new Date(), attempts: { increment: 1 }, lastError: null, claimedUntil: null } });
      sent += 1;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      // Released for the next round (not this one: each message is claimed once per round).
      await client.outboxEmail.update({ where: { id: message.id }, data: { attempts: { increment: 1 }, lastError: reason.slice(0, 500), claimedUntil: null } });
    }
  }
  return sent;
}

/** Unsent messages: still to be tried (pending), and given up on after MAX_DELIVERY_ATTEMPTS (failed). */
export async function countUndelivered(): Promise<{ pending: number; failed: number }> {
  const [pending, failed] = await Promise.all([
    db.outboxEmail.count({ where: { sentAt: null, attempts: { lt: MAX_DELIVERY_ATTEMPTS } } }),
    db.outboxEmail.count({ where: { sentAt: null, attempts: { gte: MAX_DELIVERY_ATTEMPTS } } }),
  ]);
  return { pending, failed };
}
