import { Form, useNavigation } from "@remix-run/react";
import { CsrfInput } from "#app/components/csrf-input.tsx";
import { FormMessage, SubmitButton } from "#app/components/forms.tsx";
import { useT } from "#app/utils/root-data.ts";

type Presentation = { id: string; title: string; url: string; size: string };

const inputClass = "block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base shadow-sm";

/**
 * An event's presentations for its organisers: download, delete, and upload a PDF. The upload is
 * an ordinary multipart form (works without JavaScript); the server checks type and size.
 */
export function PresentationManager({
  headingId,
  presentations,
  maxSize,
  uploadError,
}: {
  headingId: string;
  presentations: Presentation[];
  maxSize: string;
  uploadError: string | null;
}) {
  const t = useT();
  const navigation = useNavigation();
  const uploading = navigation.state === "submitting" && navigation.formEncType === "multipart/form-data";
  return (
    <>
      <h2 id={headingId} className="text-xl font-semibold">
        {t("events.manage.presentations")}
      </h2>
      {presentations.length === 0 ? (
        <p className="mt-2 text-stone-700">{t("events.manage.noPresentations")}</p>
      ) : (
        <ul className="mt-3 divide-y divide-stone-200">
          {presentations.map((presentation) => (
            <li key={presentation.id} className="flex items-center justify-between gap-4 py-2">
              <a href={presentation.url} download>
                {presentation.title} <span className="text-sm text-stone-600">(PDF, {presentation.size})</span>
              </a>
              <Form method="post">
                <CsrfInput />
                <input type="hidden" name="intent" value="delete-presentation" />
                <input type="hidden" name="presentationId" value={presentation.id} />
                <button
                  type="submit"
                  aria-label={t("events.manage.deleteLabel", { title: presentation.title })}
                  className="rounded-md px-2 py-1 text-red-700 hover:bg-red-50"
                >
                  {t("events.manage.delete")}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
      <Form method="post" encType="multipart/form-data" className="mt-6 space-y-4 border-t border-stone-200 pt-6" aria-labelledby="upload-presentation-title">
        <h3 id="upload-presentation-title" className="text-lg font-semibold">
          {t("events.manage.upload.title")}
        </h3>
        <CsrfInput />
        <input type="hidden" name="intent" value="upload" />
        {uploadError ? <FormMessage tone="error">{uploadError}</FormMessage> : null}
        <div>
          <label htmlFor="presentation-title" className="mb-1 block text-sm font-medium text-stone-800">
            {t("events.manage.upload.name")}
          </label>
          <input id="presentation-title" name="title" type="text" required maxLength={200} className={inputClass} />
        </div>
        <div>
          <label htmlFor="presentation-file" className="mb-1 block text-sm font-medium text-stone-800">
            {t("events.manage.upload.file")}
          </label>
          <input id="presentation-file" name="file" type="file" required accept="application/pdf,.pdf" aria-describedby="presentation-file-help" className={inputClass} />
          <p id="presentation-file-help" className="mt-1 text-sm text-stone-600">
            {t("events.manage.upload.help", { size: maxSize })}
          </p>
        </div>
        <SubmitButton busy={uploading}>{t("events.manage.upload.submit")}</SubmitButton>
      </Form>
    </>
  );
}
