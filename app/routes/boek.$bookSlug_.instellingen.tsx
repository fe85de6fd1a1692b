import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import {
  data,
  MaxPartSizeExceededError,
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { formatIsbn13, parseIsbn13 } from "#app/common/isbn.ts";
import { BookAdminHeader } from "#app/components/book-structure/book-admin-header.tsx";
import { CsrfInput } from "#app/components/csrf-input.tsx";
import { Field, FormErrors, FormMessage, SelectField, SubmitButton, TextareaField } from "#app/components/forms.tsx";
import { forewordMarkdownToHtml } from "#app/models/book-settings-foreword.server.ts";
import { getBookSettings, removeBookCover, requireBookEditor, saveBookSettings, setBookCover } from "#app/models/book-settings.server.ts";
import { MAX_IMAGE_BYTES } from "#app/models/images.server.ts";
import { assertValidCsrf, readForm } from "#app/utils/csrf.server.ts";
import { httpError, notFound } from "#app/utils/http.server.ts";
import { pageTitle } from "#app/utils/meta.ts";
import { useT } from "#app/utils/root-data.ts";

const optionalText = (max: number) => z.string().trim().max(max, { error: "form.tooLong" }).optional();
const CURRENT_YEAR = new Date().getFullYear();

/** The settings form; the same schema checks it in the browser and here (ISBN checksum included). */
const SettingsSchema = z.object({
  intent: z.literal("settings"),
  title: z.string({ error: "form.required" }).trim().min(1, { error: "form.required" }).max(200, { error: "form.tooLong" }),
  subtitle: optionalText(300),
  editors: optionalText(300),
  isbn: z
    .string()
    .optional()
    .transform((value, context) => {
      if (!value?.trim()) return undefined;
      const parsed = parseIsbn13(value);
      if (parsed.ok) return parsed.isbn;
      context.addIssue({ code: "custom", message: parsed.problem });
      return z.NEVER;
    }),
  language: z.enum(["nl", "en"], { error: "form.invalidChoice" }),
  publisher: optionalText(200),
  year: z
    .number({ error: "bookSettings.year.invalid" })
    .int({ error: "bookSettings.year.invalid" })
    .min(1450, { error: "bookSettings.year.invalid" })
    .max(CURRENT_YEAR + 5, { error: "bookSettings.year.invalid" })
    .optional(),
  licence: optionalText(200),
  blurb: optionalText(5000),
  colophon: optionalText(5000),
  // Its length and the Markdown it may use are checked where it is converted (book-settings-foreword.server.ts).
  foreword: z.string().optional(),
});

/**
 * The cover form: one image file no larger than the upload limit (which the loader passes to the
 * browser); its type is checked by its bytes on the server.
 */
const coverSchema = (maxBytes: number) =>
  z.object({
    intent: z.literal("cover"),
    cover: z
      .instanceof(File, { error: "bookSettings.cover.missing" })
      .refine((file) => file.size > 0, { error: "bookSettings.cover.missing" })
      .refine((file) => file.size <= maxBytes, { error: "bookSettings.cover.tooLarge" }),
  });

// After a change the action redirects here with ?melding=…, so a reload does not post again.
const NOTICES = {
  opgeslagen: "bookSettings.saved",
  omslag: "bookSettings.cover.saved",
  "omslag-verwijderd": "bookSettings.cover.removed",
} as const;
const isNotice = (value: unknown): value is keyof typeof NOTICES => typeof value === "string" && Object.hasOwn(NOTICES, value);

/** Room for the multipart envelope and the other fields around the image itself. */
const ENVELOPE_BYTES = 64 * 1024;

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, "bookSettings.title", ...(data ? [{ text: data.book.title }] : []));

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireBookEditor(request);
  const book = await getBookSettings(params.bookSlug ?? "");
  if (!book) throw await notFound(request);
  const notice = new URL(request.url).searchParams.get("melding");
  return { book: { ...book, isbn: book.isbn ? formatIsbn13(book.isbn) : "" }, notice: isNotice(notice) ? notice : null, maxCoverBytes: MAX_IMAGE_BYTES };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireBookEditor(request);
  const read = await readSettingsForm(request);
  const here = `/boek/${params.bookSlug ?? ""}/instellingen`;
  if (read.status === "too-large") {
    return data({ intent: "cover" as const, result: coverError("bookSettings.cover.tooLarge") }, { status: 413 });
  }
  const form = read.form;
  const book = await getBookSettings(params.bookSlug ?? "");
  if (!book) throw await notFound(request);
  const intent = form.get("intent");

  if (intent === "settings") {
    const submission = parseWithZod(form, { schema: SettingsSchema });
    if (submission.status !== "success") {
      // The foreword is checked only here; report it with the other fields' errors, not a round later.
      const foreword = forewordMarkdownToHtml(String(form.get("foreword") ?? ""));
      const reply = submission.reply(foreword.ok ? undefined : { fieldErrors: { foreword: [foreword.problem] } });
      return data({ intent, result: reply }, { status: 400 });
    }
    const result = await saveBookSettings(book.id, submission.value, user.id);
    if (result.status === "not-found") throw await notFound(request);
    if (result.status === "foreword-invalid") {
      return data({ intent, result: submission.reply({ fieldErrors: { foreword: [result.problem] } }) }, { status: 400 });
    }
    return redirect(`${here}?melding=opgeslagen`);
  }

  if (intent === "cover") {
    const submission = parseWithZod(form, { schema: coverSchema(MAX_IMAGE_BYTES) });
    if (submission.status !== "success") {
      const tooLarge = submission.error?.cover?.includes("bookSettings.cover.tooLarge");
      return data({ intent, result: submission.reply() }, { status: tooLarge ? 413 : 400 });
    }
    const bytes = new Uint8Array(await submission.value.cover.arrayBuffer());
    const saved = await setBookCover(book.id, bytes, user.id);
    if (saved === "not-found") throw await notFound(request);
    if (saved === "wrong-type") {
      return data({ intent, result: submission.reply({ fieldErrors: { cover: ["bookSettings.cover.wrongType"] } }) }, { status: 415 });
    }
    return redirect(`${here}?melding=omslag`);
  }

  if (intent === "remove-cover") {
    await removeBookCover(book.id, user.id);
    return redirect(`${here}?melding=omslag-verwijderd`);
  }
  throw await httpError(request, 400, "bookSettings.unknownIntent");
}

/**
 * The posted form with its CSRF token checked. The cover form is multipart and read with a size
 * limit, so an oversized upload is refused before it is held in memory; other forms as usual.
 */
async function readSettingsForm(request: Request): Promise<{ status: "ok"; form: FormData } | { status: "too-large" }> {
  if (!(request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) {
    return { status: "ok", form: await readForm(request) };
  }
  if (Number(request.headers.get("Content-Length") ?? 0) > MAX_IMAGE_BYTES + ENVELOPE_BYTES) return { status: "too-large" };
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_IMAGE_BYTES }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return { status: "too-large" };
    throw await httpError(request, 400, "error.csrf");
  }
  await assertValidCsrf(request, form);
  return { status: "ok", form };
}

/** A refusal of the cover form in the shape conform reads, for when the form itself could not be read. */
function coverError(message: string) {
  return { status: "error" as const, error: { cover: [message] } };
}

export default function BookSettingsPage() {
  const t = useT();
  const { book, notice } = useLoaderData<typeof loader>();
  // A successful save redirects back here: a new location, so the forms start from the saved values.
  const { key: locationKey } = useLocation();
  return (
    <div className="max-w-3xl space-y-8">
      <BookAdminHeader bookSlug={book.slug} bookTitle={book.title} title={t("bookSettings.title")} />
      {notice ? <FormMessage tone="success">{t(NOTICES[notice])}</FormMessage> : null}
      <CoverSection key={`cover-${locationKey}`} />
      <SettingsForm key={`settings-${locationKey}`} />
    </div>
  );
}

type ActionData = ReturnType<typeof useActionData<typeof action>>;
function useResultFor(intent: "settings" | "cover") {
  const actionData: ActionData = useActionData<typeof action>();
  return actionData && actionData.intent === intent ? actionData.result : undefined;
}

function useSubmitting(intent: string): boolean {
  const navigation = useNavigation();
  return navigation.state === "submitting" && navigation.formData?.get("intent") === intent;
}

function CoverSection() {
  const t = useT();
  const { book, maxCoverBytes } = useLoaderData<typeof loader>();
  const busy = useSubmitting("cover");
  const [form, fields] = useForm({
    id: "book-cover",
    lastResult: useResultFor("cover"),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: coverSchema(maxCoverBytes) }),
  });
  const { key: coverKey, ...coverProps } = getInputProps(fields.cover, { type: "file" });
  return (
    <section id="omslag" aria-labelledby="cover-title" className="scroll-mt-6 rounded-lg border border-stone-200 bg-white p-6 shadow-sm">
      <h2 id="cover-title" className="mb-4 text-xl font-semibold">
        {t("bookSettings.cover.title")}
      </h2>
      <div className="flex flex-wrap items-start gap-6">
        {/* A fixed box: the page does not move while the image loads, whatever its proportions. */}
        <div className="flex h-60 w-40 shrink-0 items-center justify-center overflow-hidden rounded border border-stone-200 bg-stone-50">
          {book.coverUrl ? (
            <img src={book.coverUrl} alt={t("bookSettings.cover.alt", { title: book.title })} width={160} height={240} className="h-full w-full object-contain" />
          ) : (
            <p className="p-3 text-center text-sm text-stone-600">{t("bookSettings.cover.none")}</p>
          )}
        </div>
        <div className="min-w-64 flex-1 space-y-4">
          <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="space-y-4">
            <CsrfInput />
            <input type="hidden" name="intent" value="cover" />
            <FormErrors id={form.errorId} errors={form.errors} />
            <Field
              key={coverKey}
              label={t("bookSettings.cover.file")}
              help={t("bookSettings.cover.help", { megabytes: maxCoverBytes / 1024 / 1024 })}
              errors={fields.cover.errors}
              inputProps={{ ...coverProps, accept: "image/png,image/jpeg,image/webp,image/gif" }}
            />
            <SubmitButton busy={busy}>{t("bookSettings.cover.upload")}</SubmitButton>
          </Form>
          {book.coverUrl ? (
            <Form method="post">
              <CsrfInput />
              <input type="hidden" name="intent" value="remove-cover" />
              <button type="submit" className="rounded-md px-2 py-1 text-sm text-red-700 hover:bg-red-50">
                {t("bookSettings.cover.remove")}
              </button>
            </Form>
          ) : null}
        </div>
      </div>
    </section>
  );
}

const LICENCE_SUGGESTIONS = ["CC BY 4.0", "CC BY-SA 4.0", "CC BY-NC 4.0", "CC BY-NC-SA 4.0", "CC BY-NC-ND 4.0", "CC0 1.0"];

function SettingsForm() {
  const t = useT();
  const { book } = useLoaderData<typeof loader>();
  const busy = useSubmitting("settings");
  const [form, fields] = useForm({
    id: "book-settings",
    lastResult: useResultFor("settings"),
    defaultValue: {
      title: book.title,
      subtitle: book.subtitle,
      editors: book.editors,
      isbn: book.isbn,
      language: book.language,
      publisher: book.publisher,
      year: book.year === null ? "" : String(book.year),
      licence: book.licence,
      blurb: book.blurb,
      colophon: book.colophon,
      foreword: book.foreword,
    },
    constraint: getZodConstraint(SettingsSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SettingsSchema }),
  });
  const input = (field: typeof fields.title) => {
    const { key, ...props } = getInputProps(field, { type: "text" });
    return { key, props };
  };
  const textarea = (field: typeof fields.blurb) => {
    const { key, ...props } = getTextareaProps(field);
    return { key, props };
  };
  const title = input(fields.title);
  const subtitle = input(fields.subtitle);
  const editors = input(fields.editors);
  const isbn = input(fields.isbn);
  const publisher = input(fields.publisher);
  const { key: yearKey, ...yearProps } = getInputProps(fields.year, { type: "text" });
  const licence = input(fields.licence);
  const { key: languageKey, ...languageProps } = getSelectProps(fields.language);
  const blurb = textarea(fields.blurb);
  const colophon = textarea(fields.colophon);
  const foreword = textarea(fields.foreword);
  const fieldset = "scroll-mt-6 space-y-5 rounded-lg border border-stone-200 bg-white p-6 shadow-sm";
  const legend = "px-1 text-xl font-semibold";
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-8">
      <CsrfInput />
      <input type="hidden" name="intent" value="settings" />
      <FormErrors id={form.errorId} errors={form.errors} />
      <fieldset id="titelpagina" className={fieldset}>
        <legend className={legend}>{t("bookSettings.section.titlePage")}</legend>
        <Field key={title.key} label={t("bookSettings.field.title")} errors={fields.title.errors} inputProps={title.props} />
        <Field key={subtitle.key} label={t("bookSettings.field.subtitle")} errors={fields.subtitle.errors} inputProps={subtitle.props} />
        <Field
          key={editors.key}
          label={t("bookSettings.field.editors")}
          help={t("bookSettings.field.editorsHelp")}
          errors={fields.editors.errors}
          inputProps={editors.props}
        />
      </fieldset>

      <fieldset id="colofon" className={fieldset}>
        <legend className={legend}>{t("bookSettings.section.publication")}</legend>
        <div className="grid gap-5 sm:grid-cols-2">
          <Field key={publisher.key} label={t("bookSettings.field.publisher")} errors={fields.publisher.errors} inputProps={{ ...publisher.props, autoComplete: "organization" }} />
          <Field key={yearKey} label={t("bookSettings.field.year")} errors={fields.year.errors} inputProps={{ ...yearProps, inputMode: "numeric", autoComplete: "off" }} />
          <Field
            key={isbn.key}
            label={t("bookSettings.field.isbn")}
            help={t("bookSettings.field.isbnHelp")}
            errors={fields.isbn.errors}
            inputProps={{ ...isbn.props, autoComplete: "off", spellCheck: false }}
          />
          <SelectField
            key={languageKey}
            label={t("bookSettings.field.language")}
            errors={fields.language.errors}
            selectProps={languageProps}
            options={[
              { value: "nl", label: t("bookSettings.language.nl") },
              { value: "en", label: t("bookSettings.language.en") },
            ]}
          />
        </div>
        <Field
          key={licence.key}
          label={t("bookSettings.field.licence")}
          help={t("bookSettings.field.licenceHelp")}
          errors={fields.licence.errors}
          inputProps={{ ...licence.props, list: "licence-suggestions", autoComplete: "off" }}
        />
        <datalist id="licence-suggestions">
          {LICENCE_SUGGESTIONS.map((suggestion) => (
            <option key={suggestion} value={suggestion} />
          ))}
        </datalist>
      </fieldset>

      <fieldset className={fieldset}>
        <legend className={legend}>{t("bookSettings.section.texts")}</legend>
        <TextareaField
          key={blurb.key}
          label={t("bookSettings.field.blurb")}
          help={t("bookSettings.field.blurbHelp")}
          errors={fields.blurb.errors}
          textareaProps={{ ...blurb.props, rows: 6 }}
        />
        <TextareaField
          key={colophon.key}
          label={t("bookSettings.field.colophon")}
          help={t("bookSettings.field.colophonHelp")}
          errors={fields.colophon.errors}
          textareaProps={{ ...colophon.props, rows: 6 }}
        />
        {/* The structure page's outline links here (#voorwoord). */}
        <div id="voorwoord" className="scroll-mt-6">
          <TextareaField
            key={foreword.key}
            label={t("bookSettings.field.foreword")}
            help={t("bookSettings.field.forewordHelp")}
            errors={fields.foreword.errors}
            textareaProps={{ ...foreword.props, rows: 12 }}
          />
        </div>
      </fieldset>
      <SubmitButton busy={busy}>{t("bookSettings.save")}</SubmitButton>
    </Form>
  );
}
