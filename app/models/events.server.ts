import { isRegistrationOpen, placesLeft } from "#app/common/events.ts";
import { db } from "#app/utils/db.server.ts";

/**
 * Events as the public sees them: published events only, their speakers as organisations (never a
 * person's contact details), places left and presentations. Registration and cancellation live in
 * ./events/registrations.server.ts, the editors' side in ./events/manage.server.ts.
 */

const LIST_SELECT = {
  id: true,
  slug: true,
  title: true,
  kind: true,
  summary: true,
  startsAt: true,
  endsAt: true,
  location: true,
  onlineUrl: true,
  capacity: true,
  _count: { select: { presentations: true } },
} as const;

/** Registered (not waitlisted, not cancelled) places per event. */
async function registeredCounts(eventIds: string[]): Promise<Map<string, number>> {
  const groups = await db.eventRegistration.groupBy({
    by: ["eventId"],
    where: { eventId: { in: eventIds }, status: "registered" },
    _count: { _all: true },
  });
  return new Map(groups.map((group) => [group.eventId, group._count._all]));
}

/** Published events, split into upcoming (soonest first) and past (latest first). An event that has started but not ended counts as upcoming. */
export async function listPublicEvents(now = new Date()) {
  const [upcoming, past] = await Promise.all([
    db.event.findMany({ where: { published: true, endsAt: { gt: now } }, orderBy: { startsAt: "asc" }, select: LIST_SELECT }),
    db.event.findMany({ where: { published: true, endsAt: { lte: now } }, orderBy: { startsAt: "desc" }, select: LIST_SELECT }),
  ]);
  const counts = await registeredCounts(upcoming.map((event) => event.id));
  const shape = (event: (typeof upcoming)[number]) => {
    const { _count, ...rest } = event;
    return { ...rest, presentationCount: _count.presentations, placesLeft: placesLeft(event.capacity, counts.get(event.id) ?? 0) };
  };
  return { upcoming: upcoming.map(shape), past: past.map(shape) };
}

/** One published event with everything its page shows, or null. */
export async function findPublicEvent(slug: string, now = new Date()) {
  const event = await db.event.findFirst({
    where: { slug, published: true },
    select: {
      ...LIST_SELECT,
      programmeHtml: true,
      updatedAt: true,
      speakers: {
        orderBy: { position: "asc" },
        select: { topic: true, organisation: { select: { slug: true, name: true, kind: true } } },
      },
      presentations: { orderBy: { createdAt: "asc" }, select: { id: true, title: true, file: true, sizeBytes: true } },
    },
  });
  if (!event) return null;
  const [registered, waitlisted] = await Promise.all([
    db.eventRegistration.count({ where: { eventId: event.id, status: "registered" } }),
    db.eventRegistration.count({ where: { eventId: event.id, status: "waitlisted" } }),
  ]);
  const { _count, ...rest } = event;
  return {
    ...rest,
    registered,
    waitlisted,
    placesLeft: placesLeft(event.capacity, registered),
    registrationOpen: isRegistrationOpen(event, now),
    isPast: event.endsAt.getTime() <= now.getTime(),
  };
}

/** A published event's facts for its calendar file, or null. */
export function findEventForCalendar(slug: string) {
  return db.event.findFirst({
    where: { slug, published: true },
    select: { id: true, slug: true, title: true, kind: true, summary: true, startsAt: true, endsAt: true, location: true, onlineUrl: true, createdAt: true, updatedAt: true },
  });
}
