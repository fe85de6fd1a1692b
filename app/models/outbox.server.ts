import { db, type Db } from "#app/utils/db.server.ts";

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
 * Sends every unsent message that has attempts left, marking each sent or recording its error.
 * Returns how many were sent.
 */
export async function deliverPendingEmails(
  send: (message: { to: string; subject: string; text: string }) => Promise<unknown>,
): Promise<number> {
  const pending = await db.outboxEmail.findMany({
    where: { sentAt: null, attempts: { lt: MAX_DELIVERY_ATTEMPTS } },
    orderBy: { createdAt: "asc" },
    take: 50,
  });
  let sent = 0;
  for (const message of pending) {
    try {
      await send({ to: message.to, subject: message.subject, text: message.text });
      await db.outboxEmail.update({ where: { id: message.id }, data: { sentAt: new Date(), attempts: { increment: 1 }, lastError: null } });
      sent += 1;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      await db.outboxEmail.update({ where: { id: message.id }, data: { attempts: { increment: 1 }, lastError: reason.slice(0, 500) } });
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
