import { Link } from "@remix-run/react";
import { useT } from "#app/utils/root-data.ts";

/** One event in a list, with everything formatted on the server (see routes/evenementen._index.tsx). */
export type EventListItem = {
  slug: string;
  title: string;
  kindLabel: string;
  summary: string;
  when: string;
  startsAtIso: string;
  day: { day: string; month: string; year: string };
  where: string;
  online: boolean;
  placesLeft: number | null;
  presentationCount: number;
};

/** A list of events as cards with a date badge; `showPlaces` for upcoming, presentations for past ones. */
export function EventList({ events, labelledBy, variant }: { events: EventListItem[]; labelledBy: string; variant: "upcoming" | "past" }) {
  const t = useT();
  return (
    <ul aria-labelledby={labelledBy} className="space-y-4">
      {events.map((event) => (
        <li key={event.slug} className="flex gap-4 rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
          <time dateTime={event.startsAtIso} className="flex w-16 shrink-0 flex-col items-center rounded-md bg-stone-100 py-2 text-stone-800">
            <span className="text-2xl font-semibold leading-none">{event.day.day}</span>
            <span className="text-sm uppercase">{event.day.month}</span>
            <span className="text-xs text-stone-600">{event.day.year}</span>
          </time>
          <div className="min-w-0">
            <p className="text-xs font-medium uppercase tracking-wide text-stone-600">{event.kindLabel}</p>
            <h3 className="text-lg font-semibold">
              <Link to={`/evenementen/${event.slug}`}>{event.title}</Link>
            </h3>
            <p className="text-sm text-stone-700">
              {event.when}
              {event.where ? ` · ${event.where}` : ""}
              {event.online ? ` · ${t("events.online")}` : ""}
            </p>
            {event.summary ? <p className="mt-1 text-stone-700">{event.summary}</p> : null}
            {variant === "upcoming" ? <PlacesNote placesLeft={event.placesLeft} /> : null}
            {variant === "past" && event.presentationCount > 0 ? (
              <p className="mt-1 text-sm text-stone-700">
                {event.presentationCount === 1 ? t("events.presentationsCountOne") : t("events.presentationsCount", { count: event.presentationCount })}
              </p>
            ) : null}
          </div>
        </li>
      ))}
    </ul>
  );
}

/** Places left, or that the event is full (and registrations go on the waiting list). */
export function PlacesNote({ placesLeft }: { placesLeft: number | null }) {
  const t = useT();
  if (placesLeft === null) return null;
  if (placesLeft === 0) return <span className="mt-1 block text-sm font-medium text-amber-800">{t("events.full")}</span>;
  return <span className="mt-1 block text-sm font-medium text-emerald-800">{placesLeft === 1 ? t("events.placesLeftOne") : t("events.placesLeft", { count: placesLeft })}</span>;
}
