import { Form } from "@remix-run/react";
import { registrationStatusLabel } from "#app/common/events.ts";
import { CsrfInput } from "#app/components/csrf-input.tsx";
import { DataTable } from "#app/components/data-table.tsx";
import { useT } from "#app/utils/root-data.ts";

type Registration = { id: string; name: string; email: string; organisation: string; status: string; registeredAt: string; registeredAtIso: string };

/** The registrations of an event for its organisers: registered, then the waiting list in order, then cancellations; with a CSV download. */
export function RegistrationTable({
  headingId,
  eventId,
  capacity,
  registrations,
  canCancel,
}: {
  headingId: string;
  eventId: string;
  capacity: number | null;
  registrations: Registration[];
  /** Until the event starts an organiser can cancel a registration (the waiting list moves up). */
  canCancel: boolean;
}) {
  const t = useT();
  const count = (status: string) => registrations.filter((registration) => registration.status === status).length;
  let waitingNumber = 0;
  return (
    <>
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h2 id={headingId} className="text-xl font-semibold">
          {t("events.manage.registrations")}
        </h2>
        <a href={`/redactie/evenementen/${eventId}/aanmeldingen.csv`} download>
          {t("events.manage.csv")}
        </a>
      </div>
      <p className="mt-2 text-sm text-stone-700">
        {t("events.manage.registrationsSummary", { registered: count("registered"), waitlisted: count("waitlisted"), cancelled: count("cancelled") })}
        {capacity !== null ? ` ${t("events.manage.column.capacity")}: ${capacity}.` : ""}
      </p>
      {registrations.length === 0 ? (
        <p className="mt-3">{t("events.manage.noRegistrations")}</p>
      ) : (
        <div className="mt-4">
          <DataTable
            labelledBy={headingId}
            compact
            columns={[
              { label: t("events.manage.column.name") },
              { label: t("events.manage.column.email") },
              { label: t("events.manage.column.organisation") },
              { label: t("events.manage.column.status") },
              { label: t("events.manage.column.registeredAt") },
              ...(canCancel ? [{ label: t("events.manage.column.actions"), hiddenLabel: true }] : []),
            ]}
          >
            {registrations.map((registration) => {
              if (registration.status === "waitlisted") waitingNumber += 1;
              return (
                <tr key={registration.id} data-status={registration.status}>
                  <th scope="row" className="px-2 py-2 font-medium">
                    {registration.name}
                  </th>
                  <td className="px-2 py-2">{registration.email}</td>
                  <td className="px-2 py-2">{registration.organisation}</td>
                  <td className="px-2 py-2">
                    {`${t(registrationStatusLabel(registration.status))}${registration.status === "waitlisted" ? ` (${waitingNumber})` : ""}`}
                  </td>
                  <td className="px-2 py-2">
                    <time dateTime={registration.registeredAtIso}>{registration.registeredAt}</time>
                  </td>
                  {canCancel ? (
                    <td className="px-2 py-2 text-right">
                      {registration.status !== "cancelled" ? (
                        <Form method="post">
                          <CsrfInput />
                          <input type="hidden" name="intent" value="cancel-registration" />
                          <input type="hidden" name="registrationId" value={registration.id} />
                          <button
                            type="submit"
                            aria-label={t("events.manage.cancelRegistrationLabel", { name: registration.name })}
                            className="rounded-md px-2 py-1 text-red-700 hover:bg-red-50"
                          >
                            {t("events.manage.cancelRegistration")}
                          </button>
                        </Form>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </DataTable>
        </div>
      )}
    </>
  );
}
