import { getFormProps, getInputProps, getTextareaProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { SubmissionResult } from "@conform-to/react";
import { useFetcher } from "@remix-run/react";
import { CsrfInput } from "#app/components/csrf-input.tsx";
import { CheckboxField, Field, FormErrors, FormMessage, SubmitButton, TextareaField } from "#app/components/forms.tsx";
import { useT } from "#app/utils/root-data.ts";
import { REACTION_HONEYPOT, REACTION_MAX_LENGTH, ReactionSchema } from "./reaction-schema.ts";

/** What the reactions route answers when it refuses a reaction (a stored one redirects back to the page). */
type RefusedReaction = { result: SubmissionResult<string[]>; message: string | null };

/**
 * The form to leave a reaction, or a reply under one (`parent`). A plain form that a fetcher
 * enhances: without JavaScript it posts to /reacties, which redirects back (or explains a refusal).
 */
export function ReactionForm({
  target,
  parent,
  viewer,
  appearsAtOnce,
}: {
  target: { type: string; id: string };
  parent?: { id: string; name: string };
  viewer: { name: string; email: string } | null;
  appearsAtOnce: boolean;
}) {
  const t = useT();
  const fetcher = useFetcher<RefusedReaction>();
  const busy = fetcher.state !== "idle";
  const refused = fetcher.state === "idle" ? fetcher.data : undefined;
  const formId = parent ? `reactie-antwoord-${parent.id}` : "reactie-formulier";
  const [form, fields] = useForm({
    id: formId,
    lastResult: refused?.result,
    defaultValue: { authorName: viewer?.name ?? "", authorEmail: viewer?.email ?? "" },
    constraint: getZodConstraint(ReactionSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ReactionSchema }),
  });
  const { key: nameKey, ...nameProps } = getInputProps(fields.authorName, { type: "text" });
  const { key: emailKey, ...emailProps } = getInputProps(fields.authorEmail, { type: "email" });
  const { key: bodyKey, ...bodyProps } = getTextareaProps(fields.body);
  const { key: notifyKey, ...notifyProps } = getInputProps(fields.notifyOnReply, { type: "checkbox" });
  return (
    <fetcher.Form method="post" action="/reacties" {...getFormProps(form)} className="space-y-4">
      <CsrfInput />
      <input type="hidden" name="targetType" value={target.type} />
      <input type="hidden" name="targetId" value={target.id} />
      {parent ? <input type="hidden" name="parentId" value={parent.id} /> : null}
      {refused?.message ? <FormMessage tone="error">{refused.message}</FormMessage> : null}
      <FormErrors id={form.errorId} errors={form.errors} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field key={nameKey} label={t("readerComments.form.name")} errors={fields.authorName.errors} inputProps={{ ...nameProps, autoComplete: "name" }} />
        <Field
          key={emailKey}
          label={t("readerComments.form.email")}
          help={t(viewer ? "readerComments.form.emailHelpAccount" : "readerComments.form.emailHelp")}
          errors={fields.authorEmail.errors}
          inputProps={{ ...emailProps, autoComplete: "email", readOnly: viewer !== null }}
        />
      </div>
      <TextareaField
        key={bodyKey}
        label={t(parent ? "readerComments.form.replyBody" : "readerComments.form.body")}
        help={t("readerComments.form.bodyHelp", { max: REACTION_MAX_LENGTH })}
        errors={fields.body.errors}
        textareaProps={{ ...bodyProps, rows: parent ? 3 : 5 }}
      />
      {/* Replies are one level deep, so only the author of a top-level reaction can be told about replies. */}
      {parent ? null : <CheckboxField key={notifyKey} label={t("readerComments.form.notify")} errors={fields.notifyOnReply.errors} inputProps={notifyProps} />}
      <div aria-hidden="true" className="absolute -left-[9999px] h-px w-px overflow-hidden">
        <label htmlFor={`${formId}-website`}>Website</label>
        <input id={`${formId}-website`} name={REACTION_HONEYPOT} type="text" tabIndex={-1} autoComplete="off" />
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton busy={busy}>{t(parent ? "readerComments.form.submitReply" : "readerComments.form.submit")}</SubmitButton>
        <p className="text-sm text-stone-600">
          {appearsAtOnce ? t("readerComments.form.atOnce") : t(viewer ? "readerComments.form.moderatedSignedIn" : "readerComments.form.moderated")}
        </p>
      </div>
    </fetcher.Form>
  );
}
