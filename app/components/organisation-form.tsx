import {
  getFormProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  useForm,
  type SubmissionResult,
} from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import {
  ORGANISATION_KIND_LABEL,
  ORGANISATION_KINDS,
  OrganisationSchema,
  PARTNERSHIP_TIER_LABEL,
  PARTNERSHIP_TIERS,
} from "#app/common/organisations.ts";
import { CsrfInput } from "#app/components/csrf-input.tsx";
import { CheckboxField, Field, SelectField, SubmitButton, TextareaField, FormErrors } from "#app/components/forms.tsx";
import { useT } from "#app/utils/root-data.ts";

/** An organisation's current details, to start the edit form from. */
export type OrganisationFormValues = {
  name: string;
  slug: string;
  kind: string;
  tier: string;
  feeEuros: number | null;
  feePaid: boolean;
  description: string;
  website: string | null;
};

/**
 * The form for an organisation's details, used to create one and to edit one: the same fields,
 * validated in the browser with the same schema the action and the model use.
 */
export function OrganisationForm({
  id,
  intent,
  lastResult,
  defaultValue,
  submitLabel,
  busy,
}: {
  id: string;
  /** The hidden `intent` value, for routes with more than one form. */
  intent?: string;
  lastResult: SubmissionResult | undefined;
  defaultValue?: OrganisationFormValues;
  submitLabel: string;
  busy: boolean;
}) {
  const t = useT();
  const [form, fields] = useForm({
    id,
    lastResult,
    defaultValue: defaultValue && {
      name: defaultValue.name,
      slug: defaultValue.slug,
      kind: defaultValue.kind,
      tier: defaultValue.tier,
      feeEuros: defaultValue.feeEuros === null ? undefined : String(defaultValue.feeEuros),
      feePaid: defaultValue.feePaid ? "on" : undefined,
      description: defaultValue.description,
      website: defaultValue.website ?? undefined,
    },
    constraint: getZodConstraint(OrganisationSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: OrganisationSchema }),
  });
  const { key: nameKey, ...nameProps } = getInputProps(fields.name, { type: "text" });
  const { key: slugKey, ...slugProps } = getInputProps(fields.slug, { type: "text" });
  const { key: kindKey, ...kindProps } = getSelectProps(fields.kind);
  const { key: tierKey, ...tierProps } = getSelectProps(fields.tier);
  const { key: feeKey, ...feeProps } = getInputProps(fields.feeEuros, { type: "text" });
  const { key: paidKey, ...paidProps } = getInputProps(fields.feePaid, { type: "checkbox" });
  const { key: websiteKey, ...websiteProps } = getInputProps(fields.website, { type: "url" });
  const { key: descriptionKey, ...descriptionProps } = getTextareaProps(fields.description);

  return (
    <Form method="post" {...getFormProps(form)} className="space-y-5">
      <CsrfInput />
      {intent ? <input type="hidden" name="intent" value={intent} /> : null}
      <FormErrors id={form.errorId} errors={form.errors} />
      <Field key={nameKey} label={t("organisation.name")} errors={fields.name.errors} inputProps={{ ...nameProps, autoComplete: "organization" }} />
      <Field
        key={slugKey}
        label={t("organisation.slug")}
        help={t("organisation.slugHelp")}
        errors={fields.slug.errors}
        inputProps={{ ...slugProps, autoComplete: "off", spellCheck: false }}
      />
      <div className="grid gap-5 sm:grid-cols-2">
        <SelectField
          key={kindKey}
          label={t("organisation.kind")}
          errors={fields.kind.errors}
          selectProps={kindProps}
          options={ORGANISATION_KINDS.map((kind) => ({ value: kind, label: t(ORGANISATION_KIND_LABEL[kind]) }))}
        />
        <SelectField
          key={tierKey}
          label={t("organisation.tier")}
          errors={fields.tier.errors}
          selectProps={tierProps}
          options={PARTNERSHIP_TIERS.map((tier) => ({ value: tier, label: t(PARTNERSHIP_TIER_LABEL[tier]) }))}
        />
      </div>
      {/* Text with a numeric keyboard rather than type=number, whose parsing of "9.000" differs per browser. */}
      <Field
        key={feeKey}
        label={t("organisation.fee")}
        help={t("organisation.feeHelp")}
        errors={fields.feeEuros.errors}
        inputProps={{ ...feeProps, inputMode: "numeric", autoComplete: "off" }}
      />
      <CheckboxField key={paidKey} label={t("organisation.feePaid")} errors={fields.feePaid.errors} inputProps={paidProps} />
      <Field
        key={websiteKey}
        label={t("organisation.website")}
        help={t("organisation.websiteHelp")}
        errors={fields.website.errors}
        inputProps={{ ...websiteProps, autoComplete: "url" }}
      />
      <TextareaField
        key={descriptionKey}
        label={t("organisation.description")}
        errors={fields.description.errors}
        textareaProps={descriptionProps}
      />
      <SubmitButton busy={busy}>{submitLabel}</SubmitButton>
    </Form>
  );
}
