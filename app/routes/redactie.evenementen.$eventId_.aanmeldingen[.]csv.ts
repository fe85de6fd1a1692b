import type { LoaderFunctionArgs } from "@remix-run/node";
import { registrationStatusLabel } from "#app/common/events.ts";
import { requireEventManager } from "#app/models/events/access.server.ts";
import { getEventForManagement, listRegistrations, registrationsCsv } from "#app/models/events/manage.server.ts";
import { csvResponse } from "#app/utils/csv.server.ts";
import { notFound } from "#app/utils/http.server.ts";
import { getTranslator } from "#app/utils/i18n.server.ts";

/** The registrations and waiting list of an event as CSV, for the organisers' lists; editors and admins. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireEventManager(request);
  const event = await getEventForManagement(params.eventId ?? "");
  if (!event) throw await notFound(request);
  const t = await getTranslator(request);
  const headers = [
    t("events.manage.column.name"),
    t("events.manage.column.email"),
    t("events.manage.column.organisation"),
    t("events.manage.column.status"),
    t("events.manage.column.registeredAt"),
    t("events.manage.column.cancelledAt"),
  ];
  const csv = registrationsCsv(await listRegistrations(event.id), headers, (status) => t(registrationStatusLabel(status)));
  return csvResponse(csv, `aanmeldingen-${event.slug}.csv`);
}
