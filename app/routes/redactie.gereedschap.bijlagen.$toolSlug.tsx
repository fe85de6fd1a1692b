import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { CsrfInput } from "#app/components/csrf-input.tsx";
import { Field, FormMessage, SubmitButton } from "#app/components/forms.tsx";
import {
  addToolAttachment,
  formatFileSize,
  listToolAttachments,
  moveToolAttachment,
  readFormWithDocument,
  removeToolAttachment,
} from "#app/models/tool-attachments.server.ts";
import { requireToolModerator } from "#app/models/tool-submissions/moderation.server.ts";
import { db } from "#app/utils/db.server.ts";
import { httpError, notFound } from "#app/utils/http.server.ts";
import { getLocale, getTranslator } from "#app/utils/i18n.server.ts";
import { pageTitle } from "#app/utils/meta.ts";
import { useT } from "#app/utils/root-data.ts";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  ...pageTitle(matches, "toolSubmissions.attachments.manageTitle", ...(data ? [{ text: data.tool.name }] : [])),
  { name: "robots", content: "noindex" },
];

const FILE_FIELD = "file";

async function findToolOr404(request: Request, slug: string) {
  const tool = await db.tool.findUnique({ where: { slug }, select: { id: true, slug: true, name: true, published: true, submission: { select: { id: true } } } });
  if (!tool) throw await notFound(request);
  return tool;
}

/** Editors add PDF attachments to a tool (published or submitted), order and remove them. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireToolModerator(request);
  const tool = await findToolOr404(request, params.toolSlug ?? "");
  const locale = await getLocale(request);
  const attachments = await listToolAttachments(tool.id);
  return {
    tool: { slug: tool.slug, name: tool.name, published: tool.published, submissionId: tool.submission?.id ?? null },
    attachments: attachments.map((a) => ({ id: a.id, title: a.title, url: a.url, size: formatFileSize(a.sizeBytes, locale) })),
    added: new URL(request.url).searchParams.has("toegevoegd"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { form, document } = await readFormWithDocument(request, FILE_FIELD);
  await requireToolModerator(request);
  const tool = await findToolOr404(request, params.toolSlug ?? "");
  const here = `/redactie/gereedschap/bijlagen/${tool.slug}`;
  const intent = String(form.get("intent") ?? "");
  const attachmentId = String(form.get("attachmentId") ?? "");
  const t = await getTranslator(request);
  if (intent === "add") {
    const title = String(form.get("title") ?? "").trim();
    const errors: { title?: string; file?: string } = {};
    if (!title) errors.title = t("form.required");
    else if (title.length > 200) errors.title = t("form.tooLong");
    if (!document) errors.file = t("toolSubmissions.attachments.missing");
    else if (!document.ok) errors.file = t(document.error);
    if (errors.title || errors.file || !document?.ok) return data({ errors, title }, { status: document && !document.ok && document.error === "toolSubmissions.attachment.tooLarge" ? 413 : 400 });
    await addToolAttachment(tool.id, title, document.bytes);
    return redirect(`${here}?toegevoegd=1`);
  }
  if (intent === "up" || intent === "down") {
    if (!(await moveToolAttachment(tool.id, attachmentId, intent))) throw await notFound(request);
    return redirect(here);
  }
  if (intent === "remove") {
    if (!(await removeToolAttachment(tool.id, attachmentId))) throw await notFound(request);
    return redirect(here);
  }
  throw await httpError(request, 400, "toolSubmissions.error.unknownDecision");
}

export default function ToolAttachmentsPage() {
  const t = useT();
  const { tool, attachments, added } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const button = "rounded-md border border-stone-300 bg-white px-2 py-1 text-sm hover:bg-stone-50 disabled:opacity-50";
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <p className="text-sm">
        {tool.submissionId ? (
          <Link to={`/redactie/gereedschap/inzending/${tool.submissionId}`}>← {t("toolSubmissions.attachments.backToSubmission")}</Link>
        ) : (
          <Link to={`/gereedschapskist/${tool.slug}`}>← {t("toolSubmissions.attachments.backToTool")}</Link>
        )}
      </p>
      <header>
        <h1 className="text-3xl font-semibold tracking-tight">{t("toolSubmissions.attachments.manageTitle")}</h1>
        <p className="mt-2 text-stone-700">
          <Link to={`/gereedschapskist/${tool.slug}`}>{tool.name}</Link>
          {!tool.published && ` · ${t("toolSubmissions.attachments.unpublished")}`}
        </p>
      </header>
      {added && <FormMessage tone="success">{t("toolSubmissions.attachments.added")}</FormMessage>}

      <section aria-labelledby="current-attachments">
        <h2 id="current-attachments" className="text-xl font-semibold">
          {t("toolSubmissions.attachments.title")}
        </h2>
        {attachments.length === 0 ? (
          <p className="mt-2 text-stone-700">{t("toolSubmissions.attachments.none")}</p>
        ) : (
          <ol className="mt-3 divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white shadow-sm">
            {attachments.map((attachment, index) => (
              <li key={attachment.id} className="flex flex-wrap items-center gap-3 px-4 py-3">
                <span className="grow">
                  <a href={attachment.url} download>
                    {attachment.title}
                  </a>{" "}
                  <span className="text-sm text-stone-700">({t("toolSubmissions.attachments.pdfSize", { size: attachment.size })})</span>
                </span>
                <Form method="post" className="flex gap-2">
                  <CsrfInput />
                  <input type="hidden" name="attachmentId" value={attachment.id} />
                  <button type="submit" name="intent" value="up" className={button} disabled={index === 0} aria-label={t("toolSubmissions.attachments.moveUp", { title: attachment.title })}>
                    ↑
                  </button>
                  <button
                    type="submit"
                    name="intent"
                    value="down"
                    className={button}
                    disabled={index === attachments.length - 1}
                    aria-label={t("toolSubmissions.attachments.moveDown", { title: attachment.title })}
                  >
                    ↓
                  </button>
                  <button type="submit" name="intent" value="remove" className={`${button} text-red-800`} aria-label={t("toolSubmissions.attachments.remove", { title: attachment.title })}>
                    {t("toolSubmissions.attachments.removeShort")}
                  </button>
                </Form>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="add-attachment" className="rounded-lg border border-stone-200 bg-white p-5 shadow-sm">
        <h2 id="add-attachment" className="text-xl font-semibold">
          {t("toolSubmissions.attachments.add")}
        </h2>
        <Form method="post" encType="multipart/form-data" className="mt-4 space-y-4">
          <CsrfInput />
          <input type="hidden" name="intent" value="add" />
          <Field
            label={t("toolSubmissions.attachments.titleField")}
            errors={actionData?.errors.title ? [actionData.errors.title] : undefined}
            inputProps={{ id: "attachment-title", name: "title", type: "text", required: true, maxLength: 200, defaultValue: actionData?.title ?? "" }}
          />
          <Field
            label={t("toolSubmissions.attachments.file")}
            help={t("toolSubmissions.attachments.fileHelp")}
            errors={actionData?.errors.file ? [actionData.errors.file] : undefined}
            inputProps={{ id: "attachment-file", name: FILE_FIELD, type: "file", required: true, accept: "application/pdf,.pdf" }}
          />
          <SubmitButton busy={busy}>{t("toolSubmissions.attachments.addButton")}</SubmitButton>
        </Form>
      </section>
    </div>
  );
}
