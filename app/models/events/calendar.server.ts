import { createEvent } from "ics";
import { appUrl } from "#app/utils/env.server.ts";

/** What a calendar entry says about an event. */
export type CalendarEvent = {
  id: string;
  slug: string;
  title: string;
  summary: string;
  startsAt: Date;
  endsAt: Date;
  location: string;
  onlineUrl: string | null;
  createdAt: Date;
  updatedAt: Date;
};

/** The host part of every UID, so a UID is ours alone and the same for every download. */
const UID_DOMAIN = "events.kapittel";

/**
 * An iCalendar file (RFC 5545) for one event, made by the `ics` package, which escapes text
 * (`,` `;` `\` and line breaks) and folds long lines. Times are written in UTC ("Z"), which every
 * calendar shows in its own zone: nothing depends on the server's zone or a VTIMEZONE block. The
 * UID comes from the event's id, so re-importing after a change updates the entry instead of
 * adding a second one; SEQUENCE grows with each edit.
 */
export function eventCalendarFile(event: CalendarEvent): string {
  const pageUrl = `${appUrl()}/evenementen/${event.slug}`;
  const description = [event.summary, event.onlineUrl ? `Online: ${event.onlineUrl}` : "", pageUrl].filter(Boolean).join("\n\n");
  const utc = { startInputType: "utc", startOutputType: "utc", endInputType: "utc", endOutputType: "utc" } as const;
  const { error, value } = createEvent({
    ...utc,
    start: event.startsAt.getTime(),
    end: event.endsAt.getTime(),
    title: event.title,
    description,
    location: event.location || event.onlineUrl || undefined,
    url: pageUrl,
    uid: `${event.id}@${UID_DOMAIN}`,
    productId: "kapittel/evenementen",
    status: "CONFIRMED",
    created: event.createdAt.getTime(),
    lastModified: event.updatedAt.getTime(),
    sequence: Math.max(0, Math.floor((event.updatedAt.getTime() - event.createdAt.getTime()) / 1000)),
  });
  if (error || !value) throw error ?? new Error(`No calendar file for event ${event.id}`);
  return value;
}
