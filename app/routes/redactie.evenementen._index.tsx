import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { eventKindLabel, formatEventWhen } from "#app/common/events.ts";
import { DataTable } from "#app/components/data-table.tsx";
import { requireEventManager } from "#app/models/events/access.server.ts";
import { listEventsForManagement } from "#app/models/events/manage.server.ts";
import { getLocale, getTranslator } from "#app/utils/i18n.server.ts";
import { useT } from "#app/utils/root-data.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.pageTitle} — Kapittel` : "Kapittel" },
  { name: "robots", content: "noindex" },
];

/** /redactie/evenementen: every event, published or not, with registrations; editors and admins. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireEventManager(request);
  const [t, locale, events] = await Promise.all([getTranslator(request), getLocale(request), listEventsForManagement()]);
  return {
    pageTitle: t("events.manage.title"),
    events: events.map((event) => ({
      id: event.id,
      slug: event.slug,
      title: event.title,
      kind: event.kind,
      when: formatEventWhen(event.startsAt, event.endsAt, locale),
      startsAtIso: event.startsAt.toISOString(),
      capacity: event.capacity,
      registered: event.registered,
      waitlisted: event.waitlisted,
      presentationCount: event.presentationCount,
      published: event.published,
    })),
  };
}

export default function ManageEventsPage() {
  const t = useT();
  const { events } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div className="max-w-2xl">
          <h1 className="text-3xl font-semibold tracking-tight">{t("events.manage.title")}</h1>
          <p className="mt-3 text-stone-700">{t("events.manage.intro")}</p>
        </div>
        <Link
          to="/redactie/evenementen/nieuw"
          className="inline-flex items-center rounded-md bg-[var(--color-accent)] px-4 py-2 font-medium text-white no-underline shadow-sm hover:bg-[var(--color-accent-dark)]"
        >
          {t("events.manage.new")}
        </Link>
      </header>
      {events.length === 0 ? (
        <p>{t("events.manage.none")}</p>
      ) : (
        <DataTable
          caption={t("events.manage.title")}
          columns={[
            { label: t("events.manage.column.event") },
            { label: t("events.manage.column.when") },
            { label: t("events.manage.column.registered"), numeric: true },
            { label: t("events.manage.column.capacity"), numeric: true },
            { label: t("events.manage.column.waitlisted"), numeric: true },
            { label: t("events.manage.column.presentations"), numeric: true },
            { label: t("events.manage.column.published") },
          ]}
        >
          {events.map((event) => (
            <tr key={event.id} data-event={event.slug} className="align-top">
              <th scope="row" className="px-4 py-2 font-medium">
                <Link to={`/redactie/evenementen/${event.id}`}>{event.title}</Link>
                <span className="block text-xs font-normal text-stone-600">{t(eventKindLabel(event.kind))}</span>
              </th>
              <td className="px-4 py-2">
                <time dateTime={event.startsAtIso}>{event.when}</time>
              </td>
              <td className="px-4 py-2 text-right tabular-nums">{event.registered}</td>
              <td className="px-4 py-2 text-right tabular-nums">{event.capacity ?? "—"}</td>
              <td className="px-4 py-2 text-right tabular-nums">{event.waitlisted}</td>
              <td className="px-4 py-2 text-right tabular-nums">{event.presentationCount}</td>
              <td className="px-4 py-2">{event.published ? t("events.manage.yes") : t("events.manage.no")}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}
