import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { dateToAmsterdamLocal, EventSchema, formatFileSize, isRegistrationOpen } from "#app/common/events.ts";
import type { MessageKey } from "#app/common/i18n/catalogue.ts";
import { EventForm } from "#app/components/events/event-form.tsx";
import { PresentationManager } from "#app/components/events/presentation-manager.tsx";
import { RegistrationTable } from "#app/components/events/registration-table.tsx";
import { FormMessage } from "#app/components/forms.tsx";
import { requireEventManager } from "#app/models/events/access.server.ts";
import { deletePresentation, getEventForManagement, listRegistrations, listSpeakerOrganisations, updateEvent } from "#app/models/events/manage.server.ts";
import { isMultipart, receivePresentation } from "#app/models/events/presentation-upload.server.ts";
import { cancelRegistrationById } from "#app/models/events/registrations.server.ts";
import { documentUrl, MAX_DOCUMENT_BYTES } from "#app/models/stored-files.server.ts";
import { readForm } from "#app/utils/csrf.server.ts";
import { httpError, notFound } from "#app/utils/http.server.ts";
import { getLocale, getTranslator } from "#app/utils/i18n.server.ts";
import { useT } from "#app/utils/root-data.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.event.title} — ${data.sectionTitle} — Kapittel` : "Kapittel" },
  { name: "robots", content: "noindex" },
];

// After a change the action redirects here with ?melding=…, so a reload does not post again.
const NOTICES = {
  aangemaakt: "events.manage.created",
  opgeslagen: "events.manage.saved",
  geupload: "events.manage.upload.done",
  verwijderd: "events.manage.deleted",
  afgemeld: "events.manage.cancelled",
} as const satisfies Record<string, MessageKey>;
const isNotice = (value: unknown): value is keyof typeof NOTICES => typeof value === "string" && Object.hasOwn(NOTICES, value);

/** /redactie/evenementen/<id>: edit an event, see its registrations and waiting list, manage its presentations. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireEventManager(request);
  const event = await getEventForManagement(params.eventId ?? "");
  if (!event) throw await notFound(request);
  const [t, locale, organisations, registrations] = await Promise.all([getTranslator(request), getLocale(request), listSpeakerOrganisations(), listRegistrations(event.id)]);
  const url = new URL(request.url);
  const notice = url.searchParams.get("melding");
  const promoted = Number(url.searchParams.get("doorgeschoven") ?? 0);
  const dateTime = new Intl.DateTimeFormat(locale === "nl" ? "nl-NL" : "en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Amsterdam" });
  return {
    sectionTitle: t("events.manage.title"),
    notice: isNotice(notice) ? { key: NOTICES[notice], promoted: Number.isInteger(promoted) && promoted > 0 ? promoted : 0 } : null,
    maxSize: formatFileSize(MAX_DOCUMENT_BYTES, locale),
    organisations,
    event: {
      id: event.id,
      slug: event.slug,
      title: event.title,
      published: event.published,
      values: {
        title: event.title,
        slug: event.slug,
        kind: event.kind,
        summary: event.summary,
        programme: event.programmeHtml,
        startsAt: dateToAmsterdamLocal(event.startsAt),
        endsAt: dateToAmsterdamLocal(event.endsAt),
        location: event.location,
        onlineUrl: event.onlineUrl ?? "",
        capacity: event.capacity === null ? "" : String(event.capacity),
        published: event.published,
        speakers: event.speakers.map((speaker) => ({ organisationId: speaker.organisationId, topic: speaker.topic })),
      },
      capacity: event.capacity,
      registrationOpen: isRegistrationOpen(event),
      presentations: event.presentations.map((presentation) => ({
        id: presentation.id,
        title: presentation.title,
        url: `${documentUrl(presentation.file)}?naam=${encodeURIComponent(presentation.title)}`,
        size: formatFileSize(presentation.sizeBytes, locale),
      })),
    },
    registrations: registrations.map((registration) => ({
      id: registration.id,
      name: registration.name,
      email: registration.email,
      organisation: registration.organisation,
      status: registration.status,
      registeredAt: dateTime.format(registration.createdAt),
      registeredAtIso: registration.createdAt.toISOString(),
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireEventManager(request);
  const eventId = params.eventId ?? "";
  const here = `/redactie/evenementen/${eventId}`;

  if (isMultipart(request)) {
    if (!(await getEventForManagement(eventId))) throw await notFound(request);
    const upload = await receivePresentation(request, eventId, user.id);
    if (!upload.ok) {
      const t = await getTranslator(request);
      const message = t(upload.error, { size: formatFileSize(MAX_DOCUMENT_BYTES, await getLocale(request)) });
      return data({ intent: "upload" as const, uploadError: message, result: undefined }, { status: upload.status });
    }
    return redirect(`${here}?melding=geupload`);
  }

  const form = await readForm(request);
  const intent = form.get("intent");
  if (intent === "update") {
    const submission = parseWithZod(form, { schema: EventSchema });
    if (submission.status !== "success") return data({ intent: "update" as const, result: submission.reply(), uploadError: null }, { status: 400 });
    const result = await updateEvent(eventId, submission.value);
    if (result.status === "not-found") throw await notFound(request);
    if (result.status === "slug-taken") {
      return data({ intent: "update" as const, result: submission.reply({ fieldErrors: { slug: ["events.form.error.slugTaken"] } }), uploadError: null }, { status: 400 });
    }
    if (result.status !== "saved") {
      return data({ intent: "update" as const, result: submission.reply({ formErrors: ["events.form.error.organisation"] }), uploadError: null }, { status: 400 });
    }
    return redirect(`${here}?melding=opgeslagen${result.promoted > 0 ? `&doorgeschoven=${result.promoted}` : ""}`);
  }
  if (intent === "cancel-registration") {
    const result = await cancelRegistrationById(eventId, String(form.get("registrationId") ?? ""));
    if (result.status === "not-found") throw await notFound(request);
    if (result.status === "started") throw await httpError(request, 409, "events.cancel.started");
    const promoted = result.status === "cancelled" ? result.promoted : 0;
    return redirect(`${here}?melding=afgemeld${promoted > 0 ? `&doorgeschoven=${promoted}` : ""}`);
  }
  if (intent === "delete-presentation") {
    const deleted = await deletePresentation(eventId, String(form.get("presentationId") ?? ""));
    if (!deleted) throw await notFound(request);
    return redirect(`${here}?melding=verwijderd`);
  }
  throw await httpError(request, 400, "events.manage.unknownIntent");
}

export default function ManageEventPage() {
  const t = useT();
  const { event, notice, organisations, registrations, maxSize } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === "update";
  // A successful save redirects back here: a new location, so the form starts from the saved values.
  const { key: locationKey } = useLocation();
  return (
    <div className="max-w-4xl space-y-8">
      <p className="text-sm">
        <Link to="/redactie/evenementen">← {t("events.manage.back")}</Link>
      </p>
      <header>
        <h1 className="text-3xl font-semibold tracking-tight">{event.title}</h1>
        {event.published ? (
          <p className="mt-2 text-sm">
            <Link to={`/evenementen/${event.slug}`}>{t("events.manage.view")}</Link>
          </p>
        ) : null}
      </header>
      {notice ? (
        <FormMessage tone="success">{notice.promoted > 0 ? `${t(notice.key)} ${t("events.manage.promoted", { count: notice.promoted })}` : t(notice.key)}</FormMessage>
      ) : null}

      <section aria-labelledby="event-registrations" className="rounded-lg border border-stone-200 bg-white p-6 shadow-sm">
        <RegistrationTable headingId="event-registrations" eventId={event.id} capacity={event.capacity} registrations={registrations} canCancel={event.registrationOpen} />
      </section>

      <section aria-labelledby="event-presentations-manage" className="rounded-lg border border-stone-200 bg-white p-6 shadow-sm">
        <PresentationManager
          headingId="event-presentations-manage"
          presentations={event.presentations}
          maxSize={maxSize}
          uploadError={actionData?.intent === "upload" ? actionData.uploadError : null}
        />
      </section>

      <section aria-labelledby="event-details" className="rounded-lg border border-stone-200 bg-white p-6 shadow-sm">
        <h2 id="event-details" className="mb-4 text-xl font-semibold">
          {t("events.manage.details")}
        </h2>
        <EventForm
          key={locationKey}
          id="edit-event"
          intent="update"
          lastResult={actionData?.intent === "update" ? actionData.result : undefined}
          defaultValue={event.values}
          organisations={organisations}
          submitLabel={t("events.form.submitSave")}
          busy={busy}
        />
      </section>
    </div>
  );
}
