import type { RegistrationFields } from "#app/common/events.ts";
import type { Locale } from "#app/common/i18n/locales.ts";
import { queueEmail } from "#app/models/outbox.server.ts";
import { db, type DbTransaction } from "#app/utils/db.server.ts";
import { isUniqueConstraintError } from "#app/utils/db-errors.server.ts";
import { lockRow } from "#app/utils/row-lock.server.ts";
import { hashToken, newSecretToken } from "#app/utils/tokens.server.ts";
import { promotedEmail, registrationEmail } from "./emails.server.ts";

/**
 * Registering for an event, the waiting list, and cancelling through the private link.
 *
 * Capacity is decided inside one transaction that first locks the event's row (lockRow: `FOR
 * UPDATE` on PostgreSQL; SQLite runs one write transaction at a time anyway), then counts and
 * writes: two people asking for the last place cannot both get it, and two cancellations cannot
 * both promote the same person from the waiting list. Every transaction here takes the event's
 * lock before writing any registration, so they queue on it in one order and cannot deadlock.
 */

const EVENT_FOR_EMAIL = { id: true, slug: true, title: true, startsAt: true, endsAt: true, location: true, onlineUrl: true, capacity: true } as const;

export type RegistrationResult =
  | { status: "registered" | "waitlisted"; waitingPosition: number | null }
  | { status: "duplicate" | "closed" | "not-found" };

/** Registers someone for a published event, or puts them on the waiting list when it is full; e-mails the cancel link. */
export async function registerForEvent(
  slug: string,
  input: RegistrationFields & { userId: string | null; locale: Locale },
  now = new Date(),
): Promise<RegistrationResult> {
  const token = newSecretToken();
  try {
    return await db.$transaction(async (tx): Promise<RegistrationResult> => {
      const found = await tx.event.findFirst({ where: { slug, published: true }, select: { id: true } });
      if (!found || !(await lockRow(tx, "Event", found.id))) return { status: "not-found" };
      // Read after the lock: an editor may have changed the capacity while we waited for it.
      const event = await tx.event.findFirst({ where: { id: found.id, published: true }, select: EVENT_FOR_EMAIL });
      if (!event) return { status: "not-found" };
      if (event.startsAt.getTime() <= now.getTime()) return { status: "closed" };
      const email = input.email.toLowerCase();
      const existing = await tx.eventRegistration.findUnique({ where: { eventId_email: { eventId: event.id, email } }, select: { id: true, status: true } });
      if (existing && existing.status !== "cancelled") return { status: "duplicate" };

      const registered = await tx.eventRegistration.count({ where: { eventId: event.id, status: "registered" } });
      // Someone who cancelled earlier joins at the back of any waiting list, like anyone new.
      const waiting = await tx.eventRegistration.count({ where: { eventId: event.id, status: "waitlisted" } });
      const hasPlace = event.capacity === null || (registered < event.capacity && waiting === 0);
      const status = hasPlace ? "registered" : "waitlisted";
      const data = {
        name: input.name,
        organisation: input.organisation,
        userId: input.userId,
        status,
        cancelTokenHash: hashToken(token),
        createdAt: now,
        cancelledAt: null,
      };
      if (existing) await tx.eventRegistration.update({ where: { id: existing.id }, data });
      else await tx.eventRegistration.create({ data: { ...data, eventId: event.id, email } });
      await queueEmail(registrationEmail({ to: email, name: input.name, event, status, token, locale: input.locale }), tx);
      return { status, waitingPosition: status === "waitlisted" ? waiting + 1 : null };
    });
  } catch (error) {
    // Two submissions of the same address at the same moment: the unique index lets one through.
    if (isUniqueConstraintError(error)) return { status: "duplicate" };
    throw error;
  }
}

/** A registration by the secret in its cancel link, with its event, or null. */
export function findRegistrationByToken(token: string) {
  if (!token || token.length > 200) return Promise.resolve(null);
  return db.eventRegistration.findUnique({
    where: { cancelTokenHash: hashToken(token) },
    select: { id: true, name: true, status: true, event: { select: { slug: true, title: true, startsAt: true, endsAt: true, published: true } } },
  });
}

export type CancelResult = { status: "cancelled"; promoted: number } | { status: "already-cancelled" | "started" | "not-found" };

/**
 * Cancels the registration the link belongs to. A freed place goes to the first on the waiting
 * list, who is e-mailed, in the same transaction.
 */
export async function cancelRegistration(token: string, now = new Date()): Promise<CancelResult> {
  if (!token || token.length > 200) return { status: "not-found" };
  return cancelWhere({ cancelTokenHash: hashToken(token) }, now);
}

/** An organiser cancels someone's registration (they called or wrote); the waiting list moves up the same way. */
export function cancelRegistrationById(eventId: string, registrationId: string, now = new Date()): Promise<CancelResult> {
  return cancelWhere({ id: registrationId, eventId }, now);
}

async function cancelWhere(where: { cancelTokenHash: string } | { id: string; eventId: string }, now: Date): Promise<CancelResult> {
  return db.$transaction(async (tx): Promise<CancelResult> => {
    const found = await tx.eventRegistration.findFirst({ where, select: { eventId: true } });
    if (!found) return { status: "not-found" };
    await lockRow(tx, "Event", found.eventId);
    // Read after the lock: the same link clicked twice at once cancels (and promotes) once.
    const registration = await tx.eventRegistration.findFirst({
      where,
      select: { id: true, status: true, eventId: true, event: { select: { startsAt: true } } },
    });
    if (!registration) return { status: "not-found" };
    if (registration.status === "cancelled") return { status: "already-cancelled" };
    if (registration.event.startsAt.getTime() <= now.getTime()) return { status: "started" };
    await tx.eventRegistration.update({ where: { id: registration.id }, data: { status: "cancelled", cancelledAt: now } });
    const promoted = await promoteFromWaitingList(tx, registration.eventId, now);
    return { status: "cancelled", promoted };
  });
}

/**
 * Gives free places to the waiting list, first come first served, and e-mails each person moved up
 * (with a new cancel link). Called after a cancellation and after an editor raises the capacity.
 * Returns how many moved up. Locks the event's row first (callers usually hold it already).
 */
export async function promoteFromWaitingList(tx: DbTransaction, eventId: string, now = new Date()): Promise<number> {
  await lockRow(tx, "Event", eventId);
  const event = await tx.event.findUnique({ where: { id: eventId }, select: EVENT_FOR_EMAIL });
  if (!event || event.startsAt.getTime() <= now.getTime()) return 0;
  const registered = await tx.eventRegistration.count({ where: { eventId, status: "registered" } });
  const free = event.capacity === null ? Number.MAX_SAFE_INTEGER : event.capacity - registered;
  if (free <= 0) return 0;
  const next = await tx.eventRegistration.findMany({
    where: { eventId, status: "waitlisted" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: Math.min(free, 1000),
    select: { id: true, name: true, email: true },
  });
  for (const person of next) {
    const token = newSecretToken();
    await tx.eventRegistration.update({ where: { id: person.id }, data: { status: "registered", cancelTokenHash: hashToken(token) } });
    await queueEmail(promotedEmail({ to: person.email, name: person.name, event, token }), tx);
  }
  return next.length;
}
