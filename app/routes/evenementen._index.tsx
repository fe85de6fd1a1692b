import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { eventKindLabel, formatEventDay, formatEventWhen } from "#app/common/events.ts";
import type { Translate } from "#app/common/i18n/catalogue.ts";
import type { Locale } from "#app/common/i18n/locales.ts";
import { EventList, type EventListItem } from "#app/components/events/event-list.tsx";
import { listPublicEvents } from "#app/models/events.server.ts";
import { getLocale, getTranslator } from "#app/utils/i18n.server.ts";
import { useT } from "#app/utils/root-data.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.pageTitle} — Kapittel` : "Kapittel" },
  { name: "description", content: data?.description ?? "" },
];

type ListedEvent = Awaited<ReturnType<typeof listPublicEvents>>["upcoming"][number];

function toListItem(event: ListedEvent, t: Translate, locale: Locale): EventListItem {
  return {
    slug: event.slug,
    title: event.title,
    kindLabel: t(eventKindLabel(event.kind)),
    summary: event.summary,
    when: formatEventWhen(event.startsAt, event.endsAt, locale),
    startsAtIso: event.startsAt.toISOString(),
    day: formatEventDay(event.startsAt, locale),
    where: event.location,
    online: Boolean(event.onlineUrl),
    placesLeft: event.placesLeft,
    presentationCount: event.presentationCount,
  };
}

/** Events and workshops (/evenementen): upcoming ones soonest first, past ones latest first. */
export async function loader({ request }: LoaderFunctionArgs) {
  const [t, locale, events] = await Promise.all([getTranslator(request), getLocale(request), listPublicEvents()]);
  return {
    pageTitle: t("events.title"),
    description: t("events.intro"),
    upcoming: events.upcoming.map((event) => toListItem(event, t, locale)),
    past: events.past.map((event) => toListItem(event, t, locale)),
  };
}

export default function EventsPage() {
  const t = useT();
  const { upcoming, past } = useLoaderData<typeof loader>();
  return (
    <div className="mx-auto max-w-3xl space-y-10">
      <header>
        <h1 className="font-serif text-4xl font-semibold tracking-tight">{t("events.title")}</h1>
        <p className="mt-3 text-stone-700">{t("events.intro")}</p>
      </header>
      <section aria-labelledby="events-upcoming" className="space-y-4">
        <h2 id="events-upcoming" className="text-2xl font-semibold">
          {t("events.upcoming")}
        </h2>
        {upcoming.length === 0 ? <p>{t("events.noUpcoming")}</p> : <EventList events={upcoming} labelledBy="events-upcoming" variant="upcoming" />}
      </section>
      <section aria-labelledby="events-past" className="space-y-4">
        <h2 id="events-past" className="text-2xl font-semibold">
          {t("events.past")}
        </h2>
        {past.length === 0 ? <p>{t("events.noPast")}</p> : <EventList events={past} labelledBy="events-past" variant="past" />}
      </section>
    </div>
  );
}
