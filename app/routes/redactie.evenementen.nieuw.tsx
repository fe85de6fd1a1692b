import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { EventSchema } from "#app/common/events.ts";
import { EventForm } from "#app/components/events/event-form.tsx";
import { requireEventManager } from "#app/models/events/access.server.ts";
import { createEvent, listSpeakerOrganisations } from "#app/models/events/manage.server.ts";
import { readForm } from "#app/utils/csrf.server.ts";
import { getTranslator } from "#app/utils/i18n.server.ts";
import { useT } from "#app/utils/root-data.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.pageTitle} — Kapittel` : "Kapittel" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireEventManager(request);
  const [t, organisations] = await Promise.all([getTranslator(request), listSpeakerOrganisations()]);
  return { pageTitle: t("events.manage.new"), organisations };
}

export async function action({ request }: ActionFunctionArgs) {
  await requireEventManager(request);
  const form = await readForm(request);
  const submission = parseWithZod(form, { schema: EventSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const result = await createEvent(submission.value);
  if (result.status === "slug-taken") return data({ result: submission.reply({ fieldErrors: { slug: ["events.form.error.slugTaken"] } }) }, { status: 400 });
  if (result.status !== "saved") return data({ result: submission.reply({ formErrors: ["events.form.error.organisation"] }) }, { status: 400 });
  return redirect(`/redactie/evenementen/${result.id}?melding=aangemaakt`);
}

/** /redactie/evenementen/nieuw: a new event or workshop. */
export default function NewEventPage() {
  const t = useT();
  const { organisations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <div className="max-w-3xl space-y-6">
      <p className="text-sm">
        <Link to="/redactie/evenementen">← {t("events.manage.back")}</Link>
      </p>
      <h1 className="text-3xl font-semibold tracking-tight">{t("events.manage.new")}</h1>
      <section className="rounded-lg border border-stone-200 bg-white p-6 shadow-sm">
        <EventForm
          id="new-event"
          lastResult={actionData?.result}
          organisations={organisations}
          defaultValue={{ title: "", slug: "", kind: "event", summary: "", programme: "", startsAt: "", endsAt: "", location: "", onlineUrl: "", capacity: "", published: true, speakers: [] }}
          submitLabel={t("events.form.submitCreate")}
          busy={busy}
        />
      </section>
    </div>
  );
}
