import {
  getCollectionProps,
  getFormProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  useForm,
  type SubmissionResult,
} from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, useNavigation } from "@remix-run/react";
import type { MessageKey } from "#app/common/i18n/catalogue.ts";
import { categoryLabel, DESIGN_PRINCIPLES, formLabel, principleLabel, statusLabel, TOOL_CATEGORIES, TOOL_FORMS, TOOL_STATUSES } from "#app/common/toolbox.ts";
import { CsrfInput } from "#app/components/csrf-input.tsx";
import { ErrorList, Field, FormErrors, SelectField, SubmitButton, TextareaField } from "#app/components/forms.tsx";
import { useT } from "#app/utils/root-data.ts";
import { MAX_LINKS, ToolSubmissionSchema, VisitorToolSubmissionSchema, type VisitorToolSubmissionInput } from "./submission-schema.ts";

/** The honeypot: a field people never see or fill in (hidden by CSS and from assistive technology). */
export const HONEYPOT_FIELD = "website";
/** The PDF the submitter may attach. */
export const ATTACHMENT_FIELD = "attachment";

type Props = {
  id: string;
  lastResult: SubmissionResult | undefined;
  /** Visitors say who they are; people with an account are known. */
  askContact: boolean;
  /** Offered as owner: the partner organisations. */
  organisations: { id: string; name: string }[];
  /** The tool as it stands (the update form); the shape of the schema, values as stored. */
  defaultValue?: Record<string, unknown>;
  /** Why the server refused the attached file (a catalogue key), shown at the file field. */
  attachmentError?: string | null;
  submitLabel: string;
  honeypot?: boolean;
};

const fieldsetClass = "space-y-5 rounded-lg border border-stone-200 bg-white p-5 shadow-sm";
const legendClass = "px-1 text-lg font-semibold";

/**
 * The form of "Tool aandragen", also used by the private update link: the tool (name, summary,
 * description in plain text or a little Markdown, category, form, status), how it meets the four
 * design principles, pilots, owner, links, one PDF, and for visitors their name and address.
 */
export function ToolSubmissionForm({ id, lastResult, askContact, organisations, defaultValue, attachmentError, submitLabel, honeypot = false }: Props) {
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const schema = askContact ? VisitorToolSubmissionSchema : ToolSubmissionSchema;
  const links = Array.isArray(defaultValue?.links) ? (defaultValue.links as unknown[]) : [];
  const [form, fields] = useForm<VisitorToolSubmissionInput>({
    id,
    lastResult,
    // Always three link rows, the stored links first.
    defaultValue: { ...defaultValue, links: [...links, ...Array.from({ length: MAX_LINKS }, () => ({ title: "", url: "" }))].slice(0, MAX_LINKS) } as never,
    constraint: getZodConstraint(schema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    // The account form's schema has no contact fields; both validate the same field names.
    onValidate: ({ formData }) => parseWithZod(formData, { schema: schema as typeof VisitorToolSubmissionSchema }),
  });
  const text = (field: typeof fields.name, type: "text" | "email" | "url" = "text") => {
    const { key, ...props } = getInputProps(field, { type });
    return { key, props };
  };
  const area = (field: typeof fields.description) => {
    const { key, ...props } = getTextareaProps(field);
    return { key, props };
  };
  const select = (field: Parameters<typeof getSelectProps>[0]) => {
    const { key, ...props } = getSelectProps(field);
    return { key, props };
  };
  const choose = { value: "", label: t("toolSubmissions.form.choose") };
  const options = (codes: readonly string[], label: (code: string) => MessageKey) => [choose, ...codes.map((code) => ({ value: code, label: t(label(code)) }))];
  const explanations = fields.explanation.getFieldset();
  const principleBoxes = getCollectionProps(fields.principles, { type: "checkbox", options: [...DESIGN_PRINCIPLES] });
  const linkRows = fields.links.getFieldList();
  const name = text(fields.name);
  const summary = text(fields.summary);
  const description = area(fields.description);
  const category = select(fields.category);
  const toolForm = select(fields.form);
  const toolStatus = select(fields.toolStatus);
  const pilots = area(fields.pilots);
  const owner = select(fields.ownerId);
  const attachmentTitle = text(fields.attachmentTitle);

  return (
    <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="space-y-6">
      <CsrfInput />
      <FormErrors id={form.errorId} errors={form.errors} />

      <fieldset className={fieldsetClass}>
        <legend className={legendClass}>{t("toolSubmissions.form.aboutTool")}</legend>
        <Field key={name.key} label={t("toolSubmissions.form.name")} errors={fields.name.errors} inputProps={name.props} />
        <Field key={summary.key} label={t("toolSubmissions.form.summary")} help={t("toolSubmissions.form.summaryHelp")} errors={fields.summary.errors} inputProps={summary.props} />
        <TextareaField
          key={description.key}
          label={t("toolSubmissions.form.description")}
          help={t("toolSubmissions.form.descriptionHelp")}
          errors={fields.description.errors}
          textareaProps={{ ...description.props, rows: 8 }}
        />
        <div className="grid gap-4 sm:grid-cols-3">
          <SelectField key={category.key} label={t("toolbox.filter.category")} errors={fields.category.errors} selectProps={category.props} options={options(TOOL_CATEGORIES, categoryLabel)} />
          <SelectField key={toolForm.key} label={t("toolbox.filter.form")} errors={fields.form.errors} selectProps={toolForm.props} options={options(TOOL_FORMS, formLabel)} />
          <SelectField key={toolStatus.key} label={t("toolbox.filter.status")} errors={fields.toolStatus.errors} selectProps={toolStatus.props} options={options(TOOL_STATUSES, statusLabel)} />
        </div>
      </fieldset>

      <fieldset className={fieldsetClass} aria-describedby={`${id}-principles-help`}>
        <legend className={legendClass}>{t("toolbox.principles")}</legend>
        <p id={`${id}-principles-help`} className="text-sm text-stone-700">
          {t("toolSubmissions.form.principlesHelp")}
        </p>
        {principleBoxes.map(({ key, ...box }, index) => {
          const principle = DESIGN_PRINCIPLES[index]!;
          const explanation = area(explanations[principle]);
          return (
            <div key={key} className="space-y-2 border-t border-stone-100 pt-3 first-of-type:border-0">
              <div className="flex items-center gap-2">
                <input {...box} className="h-4 w-4 rounded border-stone-400" />
                <label htmlFor={box.id} className="font-medium text-stone-800">
                  {t(principleLabel(principle))}
                </label>
              </div>
              <TextareaField
                key={explanation.key}
                label={t("toolSubmissions.form.explanation", { principle: t(principleLabel(principle)) })}
                errors={explanations[principle].errors}
                textareaProps={{ ...explanation.props, rows: 2 }}
              />
            </div>
          );
        })}
      </fieldset>

      <fieldset className={fieldsetClass}>
        <legend className={legendClass}>{t("toolSubmissions.form.whereAndWho")}</legend>
        <TextareaField key={pilots.key} label={t("toolbox.pilots")} help={t("toolSubmissions.form.pilotsHelp")} errors={fields.pilots.errors} textareaProps={{ ...pilots.props, rows: 3 }} />
        <SelectField
          key={owner.key}
          label={t("toolSubmissions.form.owner")}
          help={t("toolSubmissions.form.ownerHelp")}
          errors={fields.ownerId.errors}
          selectProps={owner.props}
          options={[{ value: "", label: t("toolSubmissions.form.ownerNone") }, ...organisations.map((o) => ({ value: o.id, label: o.name }))]}
        />
      </fieldset>

      <fieldset className={fieldsetClass}>
        <legend className={legendClass}>{t("toolbox.links")}</legend>
        <p className="text-sm text-stone-700">{t("toolSubmissions.form.linksHelp")}</p>
        {linkRows.map((link, index) => {
          const parts = link.getFieldset();
          const title = text(parts.title);
          const url = text(parts.url, "url");
          return (
            <div key={link.key} className="grid gap-4 sm:grid-cols-2">
              <Field key={title.key} label={t("toolSubmissions.form.linkTitle", { n: index + 1 })} errors={parts.title.errors} inputProps={title.props} />
              <Field key={url.key} label={t("toolSubmissions.form.linkUrl", { n: index + 1 })} errors={parts.url.errors} inputProps={{ ...url.props, placeholder: "https://" }} />
            </div>
          );
        })}
        <ErrorList errors={fields.links.errors} />
      </fieldset>

      <fieldset className={fieldsetClass}>
        <legend className={legendClass}>{t("toolSubmissions.attachments.formTitle")}</legend>
        <Field key={attachmentTitle.key} label={t("toolSubmissions.attachments.titleField")} help={t("toolSubmissions.attachments.titleHelp")} errors={fields.attachmentTitle.errors} inputProps={attachmentTitle.props} />
        <Field
          label={t("toolSubmissions.attachments.file")}
          help={t("toolSubmissions.attachments.fileHelp")}
          errors={attachmentError ? [attachmentError] : undefined}
          inputProps={{ id: `${id}-attachment`, name: ATTACHMENT_FIELD, type: "file", accept: "application/pdf,.pdf" }}
        />
      </fieldset>

      {askContact && <ContactFields fields={{ name: fields.submitterName, email: fields.submitterEmail }} />}

      {honeypot && (
        <div aria-hidden="true" className="absolute -left-[9999px] h-px w-px overflow-hidden">
          <label htmlFor={`${id}-website`}>Website</label>
          <input id={`${id}-website`} name={HONEYPOT_FIELD} type="text" tabIndex={-1} autoComplete="off" />
        </div>
      )}
      <SubmitButton busy={busy}>{submitLabel}</SubmitButton>
    </Form>
  );
}

type ContactField = Parameters<typeof getInputProps>[0];

function ContactFields({ fields }: { fields: { name: ContactField | undefined; email: ContactField | undefined } }) {
  const t = useT();
  if (!fields.name || !fields.email) return null;
  const { key: nameKey, ...name } = getInputProps(fields.name, { type: "text" });
  const { key: emailKey, ...email } = getInputProps(fields.email, { type: "email" });
  return (
    <fieldset className={fieldsetClass}>
      <legend className={legendClass}>{t("toolSubmissions.form.contact")}</legend>
      <p className="text-sm text-stone-700">{t("toolSubmissions.form.contactHelp")}</p>
      <Field key={nameKey} label={t("toolSubmissions.form.contactName")} errors={fields.name.errors} inputProps={{ ...name, autoComplete: "name" }} />
      <Field key={emailKey} label={t("toolSubmissions.form.contactEmail")} errors={fields.email.errors} inputProps={{ ...email, autoComplete: "email" }} />
    </fieldset>
  );
}
