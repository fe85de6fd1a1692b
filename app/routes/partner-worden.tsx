import { getFormProps, getInputProps, getTextareaProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { emailSchema, nameSchema } from "#app/common/validation.ts";
import { CsrfInput } from "#app/components/csrf-input.tsx";
import { Field, FormMessage, SubmitButton, TextareaField } from "#app/components/forms.tsx";
import { sendPartnerInterest } from "#app/models/partner-interest.server.ts";
import { readForm } from "#app/utils/csrf.server.ts";
import { getTranslator } from "#app/utils/i18n.server.ts";
import { useT } from "#app/utils/root-data.ts";

/** The honeypot: a field people never see or fill in (hidden by CSS and from assistive technology). */
const HONEYPOT = "website";

const InterestSchema = z.object({
  organisation: z.string({ error: "form.required" }).trim().min(2, { error: "form.required" }).max(200, { error: "partnership.error.tooLong" }),
  name: nameSchema,
  email: emailSchema,
  message: z.string().trim().max(5000, { error: "partnership.error.tooLong" }).default(""),
});

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.pageTitle} — Kapittel` : "Kapittel" },
  { name: "description", content: data?.description ?? "" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const t = await getTranslator(request);
  return { pageTitle: t("partnership.title"), description: t("partnership.intro") };
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const submission = parseWithZod(form, { schema: InterestSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), sent: false }, { status: 400 });
  // A filled-in honeypot is a robot: it gets the same thanks, and nobody gets its message.
  if (!String(form.get(HONEYPOT) ?? "")) await sendPartnerInterest(submission.value);
  return { result: submission.reply({ resetForm: true }), sent: true };
}

/** "Partner worden": the partnership offer of the programme, and a form that reaches the admins. */
export default function PartnershipPage() {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    id: "partner-interest",
    lastResult: actionData?.result,
    constraint: getZodConstraint(InterestSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: InterestSchema }),
  });
  const input = (field: typeof fields.name, type: "text" | "email") => {
    const { key, ...props } = getInputProps(field, { type });
    return { key, props };
  };
  const organisation = input(fields.organisation, "text");
  const name = input(fields.name, "text");
  const email = input(fields.email, "email");
  const { key: messageKey, ...messageProps } = getTextareaProps(fields.message);
  return (
    <div className="mx-auto max-w-3xl space-y-8">
      <header>
        <h1 className="font-serif text-4xl font-semibold tracking-tight">{t("partnership.title")}</h1>
        <p className="mt-3 text-lg text-stone-700">{t("partnership.intro")}</p>
      </header>

      <section aria-labelledby="partnership-phases">
        <h2 id="partnership-phases" className="text-xl font-semibold">
          {t("partnership.phases.title")}
        </h2>
        <ol className="mt-3 list-decimal space-y-2 pl-5">
          <li>{t("partnership.phases.research")}</li>
          <li>{t("partnership.phases.writing")}</li>
          <li>{t("partnership.phases.presenting")}</li>
        </ol>
        <p className="mt-3">{t("partnership.events")}</p>
      </section>

      <section aria-labelledby="partnership-offer">
        <h2 id="partnership-offer" className="text-xl font-semibold">
          {t("partnership.offer.title")}
        </h2>
        <ul className="mt-3 list-disc space-y-2 pl-5">
          <li>{t("partnership.offer.network")}</li>
          <li>{t("partnership.offer.knowledge")}</li>
          <li>{t("partnership.offer.article")}</li>
          <li>{t("partnership.offer.fee")}</li>
        </ul>
      </section>

      <section aria-labelledby="partnership-form" className="rounded-lg border border-stone-200 bg-white p-6 shadow-sm">
        <h2 id="partnership-form" className="text-xl font-semibold">
          {t("partnership.form.title")}
        </h2>
        <Form method="post" {...getFormProps(form)} className="mt-4 space-y-5">
          <CsrfInput />
          {actionData?.sent ? <FormMessage tone="success">{t("partnership.form.sent")}</FormMessage> : null}
          <Field key={organisation.key} label={t("partnership.form.organisation")} errors={fields.organisation.errors} inputProps={{ ...organisation.props, autoComplete: "organization" }} />
          <Field key={name.key} label={t("partnership.form.name")} errors={fields.name.errors} inputProps={{ ...name.props, autoComplete: "name" }} />
          <Field key={email.key} label={t("partnership.form.email")} errors={fields.email.errors} inputProps={{ ...email.props, autoComplete: "email" }} />
          <TextareaField key={messageKey} label={t("partnership.form.message")} errors={fields.message.errors} textareaProps={messageProps} />
          <div aria-hidden="true" className="absolute -left-[9999px] h-px w-px overflow-hidden">
            <label htmlFor="partner-interest-website">Website</label>
            <input id="partner-interest-website" name={HONEYPOT} type="text" tabIndex={-1} autoComplete="off" />
          </div>
          <SubmitButton busy={busy}>{t("partnership.form.submit")}</SubmitButton>
        </Form>
      </section>
    </div>
  );
}
