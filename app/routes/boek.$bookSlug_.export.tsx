import { getFormProps, getTextareaProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { formatDateTime } from "#app/common/format.ts";
import { CsrfInput } from "#app/components/csrf-input.tsx";
import { DataTable } from "#app/components/data-table.tsx";
import { ExportProgress, laterState, useExportProgress, type RecentExportJob } from "#app/components/export-progress.tsx";
import { FormErrors, FormMessage, SubmitButton, TextareaField } from "#app/components/forms.tsx";
import { freezeEdition } from "#app/models/editions.server.ts";
import { canManageExports, queueExport } from "#app/models/export-jobs.server.ts";
import { exportPageData, findBookForExport, readExportRequest, readRetryRequest } from "#app/models/export-page.server.ts";
import { requireUser, type CurrentUser } from "#app/utils/auth.server.ts";
import { readForm } from "#app/utils/csrf.server.ts";
import { forbidden, httpError, notFound } from "#app/utils/http.server.ts";
import { getLocale, getTranslator } from "#app/utils/i18n.server.ts";
import { useT } from "#app/utils/root-data.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.pageTitle} — Kapittel` : "Kapittel" },
  { name: "robots", content: "noindex" },
];

const FreezeSchema = z.object({ note: z.string().trim().max(500, "exports.freeze.noteTooLong").default("") });

async function requireExporter(request: Request): Promise<CurrentUser> {
  const user = await requireUser(request);
  if (!canManageExports(user.role)) throw await forbidden(request, "exports.forbidden");
  return user;
}

/** The export page (/boek/<book>/export): start exports, watch them, freeze editions, download. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireExporter(request);
  const book = await findBookForExport(params.bookSlug ?? "");
  if (!book) throw await notFound(request);
  const [t, locale] = await Promise.all([getTranslator(request), getLocale(request)]);
  const notice = new URL(request.url).searchParams.get("melding");
  const edition = Number(new URL(request.url).searchParams.get("editie"));
  return {
    pageTitle: t("exports.pageTitle", { title: book.title }),
    book,
    ...(await exportPageData(book, t, locale)),
    notice:
      notice === "gestart"
        ? t("exports.start.started")
        : notice === "bevroren" && Number.isSafeInteger(edition)
          ? t("exports.freeze.done", { number: edition })
          : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireExporter(request);
  const form = await readForm(request);
  const book = await findBookForExport(params.bookSlug ?? "");
  if (!book) throw await notFound(request);
  const intent = form.get("intent");
  const back = `/boek/${book.slug}/export`;

  if (intent === "freeze") {
    const submission = parseWithZod(form, { schema: FreezeSchema });
    if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 400 });
    const outcome = await freezeEdition({ bookId: book.id, userId: user.id, note: submission.value.note });
    if (outcome.status === "nothing-published") {
      return data({ intent, result: submission.reply({ formErrors: ["exports.freeze.nothingPublished"] }) }, { status: 400 });
    }
    return redirect(`${back}?melding=bevroren&editie=${outcome.number}`);
  }

  if (intent === "export" || intent === "retry") {
    const queueable = intent === "retry" ? await readRetryRequest(form, book.id) : await readExportRequest(form, book.id);
    if ("error" in queueable) {
      const t = await getTranslator(request);
      return data({ intent, message: t(queueable.error) }, { status: 400 });
    }
    await queueExport({ ...queueable, bookId: book.id, requestedById: user.id });
    return redirect(`${back}?melding=gestart`);
  }
  throw await httpError(request, 400, "exports.unknownIntent");
}

export default function ExportPage() {
  const t = useT();
  const loaderData = useLoaderData<typeof loader>();
  const { pageTitle, book, notice, recent } = loaderData;
  const live = useExportProgress(book.id, recent.map((job) => job.jobId));
  const { pathname } = useLocation();
  return (
    <div className="mx-auto max-w-5xl space-y-10">
      <p className="text-sm">
        <Link to={`/boek/${book.slug}`}>← {t("chapter.backToBook")}</Link>
      </p>
      <header className="max-w-3xl">
        <h1 className="font-serif text-3xl font-semibold tracking-tight">{pageTitle}</h1>
        <p className="mt-3 text-stone-700">{t("exports.intro")}</p>
      </header>
      {notice ? <FormMessage tone="success">{notice}</FormMessage> : null}

      <StartExportForm />

      <section aria-labelledby="progress-title" className="space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="progress-title" className="text-xl font-semibold">
            {t("exports.progress.title")}
          </h2>
          {/* Without JavaScript the bars do not move by themselves: reloading shows the latest state. */}
          <Link to={pathname} reloadDocument className="text-sm">
            {t("exports.progress.reload")}
          </Link>
        </div>
        {recent.length === 0 ? (
          <p className="text-stone-600">{t("exports.progress.none")}</p>
        ) : (
          <ul className="space-y-3">
            {recent.map((job: RecentExportJob) => (
              <ExportProgress key={job.jobId} job={job} state={laterState(job, live.get(job.jobId))} />
            ))}
          </ul>
        )}
      </section>

      <EditionsSection />
      <HistorySection />
    </div>
  );
}

function StartExportForm() {
  const t = useT();
  const { chapterCounts, editions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().formData?.get("intent") === "export";
  const error = actionData && "message" in actionData ? [actionData.message] : null;
  const scopes = [
    { value: "draft", label: t("exports.start.draft", { count: chapterCounts.draft }), disabled: chapterCounts.draft === 0 },
    { value: "published", label: t("exports.start.published", { count: chapterCounts.published }), disabled: chapterCounts.published === 0 },
    ...editions.map((edition) => ({ value: `edition:${edition.id}`, label: t("exports.start.edition", { number: edition.number, date: edition.frozenAt }), disabled: false })),
  ];
  const firstEnabled = scopes.find((scope) => !scope.disabled)?.value;
  return (
    <section aria-labelledby="start-title" className="space-y-3">
      <h2 id="start-title" className="text-xl font-semibold">
        {t("exports.start.title")}
      </h2>
      <Form method="post" className="space-y-4 rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
        <CsrfInput />
        <input type="hidden" name="intent" value="export" />
        <FormErrors errors={error} />
        <fieldset>
          <legend className="mb-2 text-sm font-medium text-stone-800">{t("exports.start.scope")}</legend>
          <div className="space-y-1">
            {scopes.map((scope) => (
              <label key={scope.value} className={`flex items-center gap-2 text-sm ${scope.disabled ? "text-stone-500" : ""}`}>
                <input type="radio" name="scope" value={scope.value} defaultChecked={scope.value === firstEnabled} disabled={scope.disabled} />
                {scope.label}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="flex flex-wrap gap-2">
          {(["epub", "pdf", "both"] as const).map((format) => (
            <button
              key={format}
              type="submit"
              name="format"
              value={format}
              disabled={busy}
              className="rounded-md bg-[var(--color-accent)] px-4 py-2 font-medium text-white shadow-sm hover:bg-[var(--color-accent-dark)] disabled:opacity-60"
            >
              {t(`exports.start.${format}`)}
            </button>
          ))}
        </div>
      </Form>
    </section>
  );
}

function EditionsSection() {
  const t = useT();
  const { editions, nextEditionNumber, chapterCounts } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().formData?.get("intent") === "freeze";
  const { key } = useLocation();
  const [form, fields] = useForm({
    id: `freeze-${key}`,
    lastResult: actionData && "result" in actionData ? actionData.result : undefined,
    constraint: getZodConstraint(FreezeSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: FreezeSchema }),
    shouldRevalidate: "onBlur",
  });
  return (
    <section aria-labelledby="editions-title" className="space-y-4">
      <h2 id="editions-title" className="text-xl font-semibold">
        {t("exports.editions.title")}
      </h2>
      <p className="max-w-3xl text-stone-700">{t("exports.editions.intro")}</p>
      <Form method="post" {...getFormProps(form)} className="max-w-2xl space-y-4 rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
        <h3 className="font-semibold">{t("exports.freeze.title")}</h3>
        <p className="text-sm text-stone-700">{t("exports.freeze.explain", { count: chapterCounts.published, number: nextEditionNumber })}</p>
        <CsrfInput />
        <input type="hidden" name="intent" value="freeze" />
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextareaField
          label={t("exports.freeze.note")}
          help={t("exports.freeze.noteHelp")}
          errors={fields.note.errors}
          textareaProps={{ ...getTextareaProps(fields.note), rows: 2 }}
        />
        <SubmitButton busy={busy}>{t("exports.freeze.submit")}</SubmitButton>
      </Form>
      {editions.length === 0 ? (
        <p className="text-stone-600">{t("exports.editions.empty")}</p>
      ) : (
        <DataTable
          labelledBy="editions-title"
          columns={[
            { label: t("exports.editions.number") },
            { label: t("exports.editions.frozenAt") },
            { label: t("exports.editions.frozenBy") },
            { label: t("exports.editions.chapters"), numeric: true },
            { label: t("exports.editions.note") },
            { label: t("exports.editions.files") },
          ]}
        >
          {editions.map((edition) => (
            <tr key={edition.id}>
              <th scope="row" className="px-4 py-2 font-medium">
                {edition.number}
              </th>
              <td className="whitespace-nowrap px-4 py-2">{edition.frozenAt}</td>
              <td className="px-4 py-2">{edition.frozenBy}</td>
              <td className="px-4 py-2 text-right tabular-nums">{edition.chapters}</td>
              <td className="px-4 py-2">{edition.note}</td>
              <td className="px-4 py-2">
                <ul className="space-y-1">
                  {edition.files.map((file) => (
                    <li key={file.format}>
                      {file.url ? (
                        <a href={file.url} download aria-label={t("exports.editions.fileLabel", { format: file.label, number: edition.number, size: file.size ?? "" })}>
                          {t("exports.editions.fileLink", { format: file.label, size: file.size ?? "" })}
                        </a>
                      ) : (
                        <span className="text-stone-600">{t(file.pending ? "exports.editions.pending" : "exports.editions.missing", { format: file.label })}</span>
                      )}
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}

function HistorySection() {
  const t = useT();
  const { history } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="history-title" className="space-y-3">
      <h2 id="history-title" className="text-xl font-semibold">
        {t("exports.history.title")}
      </h2>
      {history.length === 0 ? (
        <p className="text-stone-600">{t("exports.history.empty")}</p>
      ) : (
        <DataTable
          labelledBy="history-title"
          compact
          columns={[
            { label: t("exports.history.when") },
            { label: t("exports.history.who") },
            { label: t("exports.history.scope") },
            { label: t("exports.history.format") },
            { label: t("exports.history.status") },
            { label: t("exports.history.duration"), numeric: true },
            { label: t("exports.history.size"), numeric: true },
            { label: t("exports.history.file") },
          ]}
        >
          {history.map((job) => (
            <tr key={job.id} data-job-id={job.id}>
              <th scope="row" className="whitespace-nowrap px-2 py-2 font-normal">
                {job.when}
              </th>
              <td className="px-2 py-2">{job.who}</td>
              <td className="px-2 py-2">{job.scopeLabel}</td>
              <td className="px-2 py-2">{job.formatLabel}</td>
              <td className="px-2 py-2">
                {job.statusLabel}
                {job.failure ? (
                  <p className="mt-1 min-w-64 max-w-sm text-xs text-red-800">
                    <span className="font-medium">{t("exports.history.why")}</span> {job.failure}
                  </p>
                ) : null}
              </td>
              <td className="whitespace-nowrap px-2 py-2 text-right tabular-nums">{job.duration}</td>
              <td className="whitespace-nowrap px-2 py-2 text-right tabular-nums">{job.size}</td>
              <td className="px-2 py-2">
                {job.downloadUrl ? (
                  <a href={job.downloadUrl} download aria-label={t("exports.history.downloadLabel", { format: job.formatLabel, when: job.when })}>
                    {t("exports.history.download")}
                  </a>
                ) : job.status === "failed" ? (
                  <Form method="post">
                    <CsrfInput />
                    <input type="hidden" name="intent" value="retry" />
                    <input type="hidden" name="jobId" value={job.id} />
                    <button
                      type="submit"
                      aria-label={t("exports.start.retryLabel", { format: job.formatLabel, when: job.when })}
                      className="whitespace-nowrap rounded-md px-2 py-1 text-[var(--color-accent)] underline hover:bg-stone-100"
                    >
                      {t("exports.start.retry")}
                    </button>
                  </Form>
                ) : null}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
