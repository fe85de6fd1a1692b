import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { z } from "zod";
import { CsrfInput } from "#app/components/csrf-input.tsx";
import { Field, FormErrors, SubmitButton } from "#app/components/forms.tsx";
import { useT } from "#app/utils/root-data.ts";

/** A part's title, for adding and renaming; the same schema checks it in the browser and on the server. */
export const PartTitleSchema = z.object({
  title: z.string({ error: "form.required" }).trim().min(1, { error: "form.required" }).max(200, { error: "form.tooLong" }),
});

function useSubmitting(intent: string, partId?: string): boolean {
  const navigation = useNavigation();
  return (
    navigation.state === "submitting" &&
    navigation.formData?.get("intent") === intent &&
    (partId === undefined || navigation.formData?.get("partId") === partId)
  );
}

/** "Add a part": a title, and the part goes at the end of the book. */
export function AddPartForm({ lastResult }: { lastResult: SubmissionResult | undefined }) {
  const t = useT();
  const busy = useSubmitting("add-part");
  const [form, fields] = useForm({
    id: "add-part",
    lastResult,
    constraint: getZodConstraint(PartTitleSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: PartTitleSchema }),
  });
  const { key, ...titleProps } = getInputProps(fields.title, { type: "text" });
  return (
    <Form method="post" {...getFormProps(form)} className="flex flex-wrap items-end gap-3">
      <CsrfInput />
      <input type="hidden" name="intent" value="add-part" />
      <FormErrors id={form.errorId} errors={form.errors} />
      <Field key={key} className="min-w-64 flex-1" label={t("bookSettings.structure.newPartTitle")} errors={fields.title.errors} inputProps={{ ...titleProps, autoComplete: "off" }} />
      <SubmitButton busy={busy}>{t("bookSettings.structure.addPart")}</SubmitButton>
    </Form>
  );
}

/** Rename and delete, next to a part's title; renaming opens a small form in place. */
export function PartTools({
  part,
  renameResult,
  deleteMessage,
}: {
  part: { id: string; title: string };
  renameResult: SubmissionResult | undefined;
  deleteMessage: string | undefined;
}) {
  const t = useT();
  const [renaming, setRenaming] = useState(Boolean(renameResult));
  const renameButton = useRef<HTMLButtonElement>(null);
  const wasRenaming = useRef(renaming);
  // Closing the form puts focus back on the button that opened it.
  useEffect(() => {
    if (wasRenaming.current && !renaming) renameButton.current?.focus();
    wasRenaming.current = renaming;
  }, [renaming]);
  const deleting = useSubmitting("delete-part", part.id);
  const buttonClass = "rounded-md border border-stone-300 bg-white px-2 py-1 text-sm hover:bg-stone-100";
  return (
    <>
      <button type="button" ref={renameButton} className={buttonClass} aria-expanded={renaming} onClick={() => setRenaming((open) => !open)}>
        {t("bookSettings.structure.rename")}
        <span className="sr-only"> {part.title}</span>
      </button>
      <Form method="post">
        <CsrfInput />
        <input type="hidden" name="intent" value="delete-part" />
        <input type="hidden" name="partId" value={part.id} />
        <button type="submit" disabled={deleting} className="rounded-md px-2 py-1 text-sm text-red-700 hover:bg-red-50">
          {t("bookSettings.structure.deletePart")}
          <span className="sr-only"> {part.title}</span>
        </button>
      </Form>
      {deleteMessage ? (
        <p role="alert" className="basis-full text-sm font-medium text-red-700">
          {deleteMessage}
        </p>
      ) : null}
      {renaming ? <RenamePartForm part={part} lastResult={renameResult} onCancel={() => setRenaming(false)} /> : null}
    </>
  );
}

function RenamePartForm({ part, lastResult, onCancel }: { part: { id: string; title: string }; lastResult: SubmissionResult | undefined; onCancel: () => void }) {
  const t = useT();
  const busy = useSubmitting("rename-part", part.id);
  const [form, fields] = useForm({
    id: `rename-part-${part.id}`,
    lastResult,
    defaultValue: { title: part.title },
    constraint: getZodConstraint(PartTitleSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: PartTitleSchema }),
  });
  const { key, ...titleProps } = getInputProps(fields.title, { type: "text" });
  return (
    <Form method="post" {...getFormProps(form)} className="flex basis-full flex-wrap items-end gap-3">
      <CsrfInput />
      <input type="hidden" name="intent" value="rename-part" />
      <input type="hidden" name="partId" value={part.id} />
      <Field
        key={key}
        className="min-w-64 flex-1"
        label={t("bookSettings.structure.partTitle")}
        errors={fields.title.errors}
        inputProps={{ ...titleProps, autoComplete: "off", autoFocus: true }}
      />
      <SubmitButton busy={busy}>{t("bookSettings.structure.saveTitle")}</SubmitButton>
      <button type="button" className="rounded-md px-3 py-2 text-sm hover:bg-stone-100" onClick={onCancel}>
        {t("bookSettings.structure.cancel")}
      </button>
    </Form>
  );
}
