import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { EVENT_HONEYPOT, eventKindLabel, formatEventWhen, formatFileSize, RegistrationSchema } from "#app/common/events.ts";
import { PlacesNote } from "#app/components/events/event-list.tsx";
import { RegistrationForm, type RegistrationOutcome } from "#app/components/events/registration-form.tsx";
import { findPublicEvent } from "#app/models/events.server.ts";
import { loadReactionsSection } from "#app/models/reader-comments/section-data.server.ts";
import { ReaderCommentsSection } from "#app/components/reader-comments/reader-comments-section.tsx";
import { registerForEvent } from "#app/models/events/registrations.server.ts";
import { documentUrl } from "#app/models/stored-files.server.ts";
import { getUser } from "#app/utils/auth.server.ts";
import { readForm } from "#app/utils/csrf.server.ts";
import { notFound } from "#app/utils/http.server.ts";
import { getLocale, getTranslator } from "#app/utils/i18n.server.ts";
import { consumeEventRegistration } from "#app/utils/rate-limit.server.ts";
import { useT } from "#app/utils/root-data.ts";
import { sanitizeChapterHtml } from "#app/utils/sanitize-html.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data ? [{ title: `${data.event.title} — Kapittel` }, { name: "description", content: data.event.summary }] : [{ title: "Kapittel" }];

/** One event or workshop: when and where, programme, speakers, places, registration, presentations, calendar file. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const [event, user, locale] = await Promise.all([findPublicEvent(params.slug ?? ""), getUser(request), getLocale(request)]);
  if (!event) throw await notFound(request);
  return {
    event: {
      id: event.id,
      slug: event.slug,
      title: event.title,
      kind: event.kind,
      summary: event.summary,
      // Stored sanitized; sanitized again on the way out, like every piece of user content.
      programmeHtml: sanitizeChapterHtml(event.programmeHtml),
      when: formatEventWhen(event.startsAt, event.endsAt, locale),
      startsAtIso: event.startsAt.toISOString(),
      location: event.location,
      onlineUrl: event.onlineUrl,
      speakers: event.speakers.map((speaker) => ({ topic: speaker.topic, name: speaker.organisation.name, slug: speaker.organisation.slug })),
      presentations: event.presentations.map((presentation) => ({
        id: presentation.id,
        title: presentation.title,
        url: `${documentUrl(presentation.file)}?naam=${encodeURIComponent(presentation.title)}`,
        size: formatFileSize(presentation.sizeBytes, locale),
      })),
      placesLeft: event.placesLeft,
      registrationOpen: event.registrationOpen,
      isPast: event.isPast,
    },
    defaults: { name: user?.name ?? "", email: user?.email ?? "", organisation: user?.organisations[0]?.name ?? "" },
    reactions: await loadReactionsSection(request, "event", event.id),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const t = await getTranslator(request);
  const submission = parseWithZod(form, { schema: RegistrationSchema });
  const refuse = (message: string, status: number) => data({ result: submission.reply({ formErrors: [message] }), outcome: null as RegistrationOutcome }, { status });

  const waitSeconds = await consumeEventRegistration(context.clientIp);
  if (waitSeconds > 0) return refuse(t("events.register.rateLimited", { seconds: waitSeconds }), 429);
  if (submission.status !== "success") return data({ result: submission.reply(), outcome: null as RegistrationOutcome }, { status: 400 });
  const { email } = submission.value;
  // A filled-in honeypot is a robot: it gets the thanks a person would get, and nothing is stored.
  if (String(form.get(EVENT_HONEYPOT) ?? "")) {
    return { result: submission.reply({ resetForm: true }), outcome: { status: "registered", email } as RegistrationOutcome };
  }
  const user = await getUser(request);
  const result = await registerForEvent(params.slug ?? "", { ...submission.value, userId: user?.id ?? null, locale: await getLocale(request) });
  switch (result.status) {
    case "not-found":
      throw await notFound(request);
    case "closed":
      return refuse(t("events.register.closed"), 409);
    case "duplicate":
      return refuse(t("events.register.duplicate"), 409);
    case "registered":
      return { result: submission.reply({ resetForm: true }), outcome: { status: "registered", email } as RegistrationOutcome };
    case "waitlisted":
      return { result: submission.reply({ resetForm: true }), outcome: { status: "waitlisted", email, position: result.waitingPosition ?? 1 } as RegistrationOutcome };
  }
}

export default function EventPage() {
  const t = useT();
  const { event, defaults, reactions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <article aria-labelledby="event-title" className="mx-auto max-w-3xl space-y-8">
      <p className="text-sm">
        <Link to="/evenementen">← {t("events.back")}</Link>
      </p>
      <header>
        <p className="text-sm font-medium uppercase tracking-wide text-stone-600">{t(eventKindLabel(event.kind))}</p>
        <h1 id="event-title" className="font-serif text-4xl font-semibold tracking-tight">
          {event.title}
        </h1>
        {event.summary ? <p className="mt-4 font-serif text-xl text-stone-700">{event.summary}</p> : null}
      </header>

      <dl className="grid gap-x-6 gap-y-2 rounded-lg border border-stone-200 bg-white p-5 sm:grid-cols-[8rem_1fr]">
        <dt className="font-medium text-stone-600">{t("events.when")}</dt>
        <dd>
          <time dateTime={event.startsAtIso}>{event.when}</time>
          <a href={`/evenementen/${event.slug}/agenda.ics`} className="ml-3 text-sm" download>
            {t("events.addToCalendar")}
          </a>
        </dd>
        {event.location ? (
          <>
            <dt className="font-medium text-stone-600">{t("events.where")}</dt>
            <dd>{event.location}</dd>
          </>
        ) : null}
        {event.registrationOpen && event.placesLeft !== null ? (
          <>
            <dt className="font-medium text-stone-600">{t("events.places")}</dt>
            <dd>
              <PlacesNote placesLeft={event.placesLeft} />
            </dd>
          </>
        ) : null}
        {event.onlineUrl ? (
          <>
            <dt className="font-medium text-stone-600">{t("events.online")}</dt>
            <dd>
              <a href={event.onlineUrl} rel="noopener noreferrer">
                {t("events.onlineLink")}
              </a>
            </dd>
          </>
        ) : null}
      </dl>

      {event.programmeHtml ? (
        <section aria-labelledby="event-programme">
          <h2 id="event-programme" className="text-xl font-semibold">
            {t("events.programme")}
          </h2>
          <div className="prose-book mt-3" dangerouslySetInnerHTML={{ __html: event.programmeHtml }} />
        </section>
      ) : null}

      {event.speakers.length > 0 ? (
        <section aria-labelledby="event-speakers">
          <h2 id="event-speakers" className="text-xl font-semibold">
            {t("events.speakers")}
          </h2>
          <ul className="mt-3 space-y-2">
            {event.speakers.map((speaker) => (
              <li key={speaker.slug}>
                <Link to={`/partners/${speaker.slug}`} className="font-medium">
                  {speaker.name}
                </Link>
                {speaker.topic ? <span className="text-stone-700"> — {speaker.topic}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {event.registrationOpen ? (
        <RegistrationForm full={event.placesLeft === 0} defaults={defaults} lastResult={actionData?.result} outcome={actionData?.outcome ?? null} />
      ) : (
        <p className="rounded-md border border-stone-200 bg-stone-50 px-4 py-3 text-stone-700">{event.isPast ? t("events.ended") : t("events.register.closed")}</p>
      )}

      <section aria-labelledby="event-presentations">
        <h2 id="event-presentations" className="text-xl font-semibold">
          {t("events.presentations")}
        </h2>
        {event.presentations.length > 0 ? (
          <ul className="mt-3 list-disc space-y-1 pl-5">
            {event.presentations.map((presentation) => (
              <li key={presentation.id}>
                <a href={presentation.url} download>
                  {t("events.download", { title: presentation.title, size: presentation.size })}
                </a>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-stone-700">{event.isPast ? t("events.noPresentations") : t("events.presentationsLater")}</p>
        )}
      </section>

      <ReaderCommentsSection data={reactions} />
    </article>
  );
}
