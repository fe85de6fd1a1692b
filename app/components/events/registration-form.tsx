import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, useNavigation } from "@remix-run/react";
import { EVENT_HONEYPOT, RegistrationSchema } from "#app/common/events.ts";
import { CsrfInput } from "#app/components/csrf-input.tsx";
import { Field, FormErrors, FormMessage, SubmitButton } from "#app/components/forms.tsx";
import { useT } from "#app/utils/root-data.ts";

/** What the registration action answered: field errors, or where the person ended up. */
export type RegistrationOutcome =
  | { status: "registered"; email: string }
  | { status: "waitlisted"; email: string; position: number }
  | null;

/**
 * The registration form of an event page. When the event is full it says so before anyone
 * submits, and the button says "waiting list". Signed-in people find their name and e-mail filled in.
 */
export function RegistrationForm({
  full,
  defaults,
  lastResult,
  outcome,
}: {
  full: boolean;
  defaults: { name: string; email: string; organisation: string };
  lastResult: SubmissionResult<string[]> | undefined;
  outcome: RegistrationOutcome;
}) {
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    id: "event-registration",
    lastResult,
    defaultValue: defaults,
    constraint: getZodConstraint(RegistrationSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RegistrationSchema }),
  });
  const { key: nameKey, ...nameProps } = getInputProps(fields.name, { type: "text" });
  const { key: emailKey, ...emailProps } = getInputProps(fields.email, { type: "email" });
  const { key: organisationKey, ...organisationProps } = getInputProps(fields.organisation, { type: "text" });
  return (
    <section aria-labelledby="event-register" className="rounded-lg border border-stone-200 bg-white p-6 shadow-sm">
      <h2 id="event-register" className="text-xl font-semibold">
        {full ? t("events.register.titleWaitlist") : t("events.register.title")}
      </h2>
      {outcome?.status === "registered" ? (
        <div className="mt-4">
          <FormMessage tone="success">{t("events.register.registered", { email: outcome.email })}</FormMessage>
        </div>
      ) : null}
      {outcome?.status === "waitlisted" ? (
        <div className="mt-4">
          <FormMessage tone="success">{t("events.register.waitlisted", { email: outcome.email, position: outcome.position })}</FormMessage>
        </div>
      ) : null}
      {full && !outcome ? <p className="mt-2 text-stone-700">{t("events.register.fullNote")}</p> : null}
      <Form method="post" {...getFormProps(form)} className="mt-4 space-y-4">
        <CsrfInput />
        <FormErrors id={form.errorId} errors={form.errors} />
        <Field key={nameKey} label={t("events.register.name")} errors={fields.name.errors} inputProps={{ ...nameProps, autoComplete: "name" }} />
        <Field
          key={emailKey}
          label={t("events.register.email")}
          help={t("events.register.emailHelp")}
          errors={fields.email.errors}
          inputProps={{ ...emailProps, autoComplete: "email" }}
        />
        <Field
          key={organisationKey}
          label={t("events.register.organisation")}
          errors={fields.organisation.errors}
          inputProps={{ ...organisationProps, autoComplete: "organization" }}
        />
        <div aria-hidden="true" className="absolute -left-[9999px] h-px w-px overflow-hidden">
          <label htmlFor="event-registration-website">Website</label>
          <input id="event-registration-website" name={EVENT_HONEYPOT} type="text" tabIndex={-1} autoComplete="off" />
        </div>
        <SubmitButton busy={busy}>{full ? t("events.register.submitWaitlist") : t("events.register.submit")}</SubmitButton>
      </Form>
    </section>
  );
}
