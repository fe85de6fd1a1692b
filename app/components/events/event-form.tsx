import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { EVENT_KINDS, eventKindLabel, EventSchema } from "#app/common/events.ts";
import { CsrfInput } from "#app/components/csrf-input.tsx";
import { CheckboxField, Field, FormErrors, SelectField, SubmitButton, TextareaField } from "#app/components/forms.tsx";
import { useT } from "#app/utils/root-data.ts";

/** An event's current values as the form shows them (times as Amsterdam `datetime-local` values). */
export type EventFormValues = {
  title: string;
  slug: string;
  kind: string;
  summary: string;
  programme: string;
  startsAt: string;
  endsAt: string;
  location: string;
  onlineUrl: string;
  capacity: string;
  published: boolean;
  speakers: { organisationId: string; topic: string }[];
};

/** Empty speaker rows offered below the chosen ones (the form works without JavaScript). */
const SPARE_SPEAKER_ROWS = 3;

/** The editors' form to create or edit an event, validated with the schema the server uses. */
export function EventForm({
  id,
  intent,
  lastResult,
  defaultValue,
  organisations,
  submitLabel,
  busy,
}: {
  id: string;
  intent?: string;
  lastResult: SubmissionResult<string[]> | undefined;
  defaultValue?: EventFormValues;
  organisations: { id: string; name: string }[];
  submitLabel: string;
  busy: boolean;
}) {
  const t = useT();
  const speakerRows = [...(defaultValue?.speakers ?? []), ...Array.from({ length: SPARE_SPEAKER_ROWS }, () => ({ organisationId: "", topic: "" }))];
  const [form, fields] = useForm({
    id,
    lastResult,
    defaultValue: defaultValue && { ...defaultValue, published: defaultValue.published ? "on" : undefined, speakers: speakerRows },
    constraint: getZodConstraint(EventSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: EventSchema }),
  });
  const input = (field: (typeof fields)["title"], type: "text" | "url" | "datetime-local") => {
    const { key, ...props } = getInputProps(field, { type });
    return { key, props };
  };
  const title = input(fields.title, "text");
  const slug = input(fields.slug, "text");
  const startsAt = input(fields.startsAt, "datetime-local");
  const endsAt = input(fields.endsAt, "datetime-local");
  const location = input(fields.location, "text");
  const onlineUrl = input(fields.onlineUrl, "url");
  const { key: capacityKey, ...capacityProps } = getInputProps(fields.capacity, { type: "text" });
  const { key: kindKey, ...kindProps } = getSelectProps(fields.kind);
  const { key: summaryKey, ...summaryProps } = getTextareaProps(fields.summary);
  const { key: programmeKey, ...programmeProps } = getTextareaProps(fields.programme);
  const { key: publishedKey, ...publishedProps } = getInputProps(fields.published, { type: "checkbox" });
  const organisationOptions = [{ value: "", label: t("events.form.speakerNone") }, ...organisations.map((o) => ({ value: o.id, label: o.name }))];
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-5">
      <CsrfInput />
      {intent ? <input type="hidden" name="intent" value={intent} /> : null}
      <FormErrors id={form.errorId} errors={form.errors} />
      <Field key={title.key} label={t("events.form.title")} errors={fields.title.errors} inputProps={title.props} />
      <div className="grid gap-5 sm:grid-cols-2">
        <Field
          key={slug.key}
          label={t("events.form.slug")}
          help={t("events.form.slugHelp")}
          errors={fields.slug.errors}
          inputProps={{ ...slug.props, autoComplete: "off", spellCheck: false }}
        />
        <SelectField
          key={kindKey}
          label={t("events.form.kind")}
          errors={fields.kind.errors}
          selectProps={kindProps}
          options={EVENT_KINDS.map((kind) => ({ value: kind, label: t(eventKindLabel(kind)) }))}
        />
      </div>
      <TextareaField key={summaryKey} label={t("events.form.summary")} errors={fields.summary.errors} textareaProps={{ ...summaryProps, rows: 2 }} />
      <div className="grid gap-5 sm:grid-cols-2">
        <Field key={startsAt.key} label={t("events.form.startsAt")} errors={fields.startsAt.errors} inputProps={startsAt.props} />
        <Field key={endsAt.key} label={t("events.form.endsAt")} errors={fields.endsAt.errors} inputProps={endsAt.props} />
      </div>
      <div className="grid gap-5 sm:grid-cols-2">
        <Field key={location.key} label={t("events.form.location")} errors={fields.location.errors} inputProps={location.props} />
        <Field key={onlineUrl.key} label={t("events.form.onlineUrl")} errors={fields.onlineUrl.errors} inputProps={onlineUrl.props} />
      </div>
      {/* Text with a numeric keyboard rather than type=number, whose parsing differs per browser. */}
      <Field
        key={capacityKey}
        label={t("events.form.capacity")}
        help={t("events.form.capacityHelp")}
        errors={fields.capacity.errors}
        inputProps={{ ...capacityProps, inputMode: "numeric", autoComplete: "off" }}
      />
      <TextareaField
        key={programmeKey}
        label={t("events.form.programme")}
        help={t("events.form.programmeHelp")}
        errors={fields.programme.errors}
        textareaProps={{ ...programmeProps, rows: 10 }}
      />
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium text-stone-800">{t("events.form.speakers")}</legend>
        <p className="text-sm text-stone-600">{t("events.form.speakersHelp")}</p>
        {speakerRows.map((_, index) => (
          <div key={index} className="grid gap-3 sm:grid-cols-2">
            <SelectField
              label={t("events.form.speaker", { number: index + 1 })}
              errors={undefined}
              selectProps={{ name: `speakers[${index}].organisationId`, defaultValue: speakerRows[index]?.organisationId ?? "", id: `${id}-speaker-${index}` }}
              options={organisationOptions}
            />
            <Field
              label={t("events.form.topic", { number: index + 1 })}
              errors={undefined}
              inputProps={{ name: `speakers[${index}].topic`, defaultValue: speakerRows[index]?.topic ?? "", id: `${id}-topic-${index}`, maxLength: 300 }}
            />
          </div>
        ))}
      </fieldset>
      <CheckboxField key={publishedKey} label={t("events.form.published")} errors={fields.published.errors} inputProps={publishedProps} />
      <SubmitButton busy={busy}>{submitLabel}</SubmitButton>
    </Form>
  );
}
