import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { formatEventWhen } from "#app/common/events.ts";
import type { MessageKey } from "#app/common/i18n/catalogue.ts";
import { CsrfInput } from "#app/components/csrf-input.tsx";
import { FormMessage, SubmitButton } from "#app/components/forms.tsx";
import { cancelRegistration, findRegistrationByToken } from "#app/models/events/registrations.server.ts";
import { readForm } from "#app/utils/csrf.server.ts";
import { getLocale, getTranslator } from "#app/utils/i18n.server.ts";
import { useT } from "#app/utils/root-data.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.pageTitle} — Kapittel` : "Kapittel" },
  // A private link: never in a search index.
  { name: "robots", content: "noindex" },
];

/**
 * The private cancel link from the confirmation e-mail. Opening it only asks; the button cancels,
 * so a mail scanner that follows links cannot cancel anyone's place.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const [t, locale, registration] = await Promise.all([getTranslator(request), getLocale(request), findRegistrationByToken(params.token ?? "")]);
  const base = { pageTitle: t("events.cancel.title") };
  if (!registration) return { ...base, state: "unknown" as const, registration: null };
  const { event } = registration;
  const summary = {
    title: event.title,
    slug: event.published ? event.slug : null,
    when: formatEventWhen(event.startsAt, event.endsAt, locale),
    waitlisted: registration.status === "waitlisted",
  };
  if (registration.status === "cancelled") return { ...base, state: "already" as const, registration: summary };
  if (event.startsAt.getTime() <= Date.now()) return { ...base, state: "started" as const, registration: summary };
  return { ...base, state: "open" as const, registration: summary };
}

const RESULT_MESSAGE: Record<string, MessageKey> = {
  cancelled: "events.cancel.done",
  "already-cancelled": "events.cancel.already",
  started: "events.cancel.started",
  "not-found": "events.cancel.unknown",
};

export async function action({ request, params }: ActionFunctionArgs) {
  await readForm(request);
  const result = await cancelRegistration(params.token ?? "");
  return { status: result.status, message: RESULT_MESSAGE[result.status] ?? "events.cancel.unknown" };
}

export default function CancelRegistrationPage() {
  const t = useT();
  const { state, registration } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const eventLink = registration?.slug ? (
    <p className="text-sm">
      <Link to={`/evenementen/${registration.slug}`}>{registration.title}</Link>
    </p>
  ) : null;
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <h1 className="text-3xl font-semibold tracking-tight">{t("events.cancel.title")}</h1>
      {actionData ? (
        <FormMessage tone={actionData.status === "cancelled" ? "success" : "error"}>{t(actionData.message)}</FormMessage>
      ) : state === "open" && registration ? (
        <Form method="post" className="space-y-4">
          <CsrfInput />
          <p>{t(registration.waitlisted ? "events.cancel.questionWaitlist" : "events.cancel.question", { title: registration.title, when: registration.when })}</p>
          <SubmitButton busy={busy}>{t("events.cancel.submit")}</SubmitButton>
        </Form>
      ) : (
        <FormMessage tone="error">{t(state === "already" ? "events.cancel.already" : state === "started" ? "events.cancel.started" : "events.cancel.unknown")}</FormMessage>
      )}
      {eventLink}
    </div>
  );
}
