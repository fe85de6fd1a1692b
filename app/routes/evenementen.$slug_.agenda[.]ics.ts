import type { LoaderFunctionArgs } from "@remix-run/node";
import { findEventForCalendar } from "#app/models/events.server.ts";
import { eventCalendarFile } from "#app/models/events/calendar.server.ts";

/** /evenementen/<slug>/agenda.ics: the event as an iCalendar file, to add to any calendar. */
export async function loader({ params }: LoaderFunctionArgs) {
  const event = await findEventForCalendar(params.slug ?? "");
  if (!event) return new Response("Niet gevonden", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const body = eventCalendarFile(event);
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${event.slug}.ics"`,
      // Times or place may change: calendars and browsers should ask again rather than keep a stale copy long.
      "Cache-Control": "public, max-age=300",
    },
  });
}
