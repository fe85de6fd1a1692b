import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { z } from "zod";
import { hasPermission } from "#app/common/permissions.ts";
import { BookAdminHeader } from "#app/components/book-structure/book-admin-header.tsx";
import { MatterOutline } from "#app/components/book-structure/matter-outline.tsx";
import { AddPartForm, PartTitleSchema, PartTools } from "#app/components/book-structure/part-forms.tsx";
import { StructureEditor, type ReorderReply } from "#app/components/book-structure/structure-editor.tsx";
import { FormMessage } from "#app/components/forms.tsx";
import { requireBookEditor } from "#app/models/book-settings.server.ts";
import { addPart, deletePart, getBookOutline, getBookStructure, renamePart, saveBookOrder } from "#app/models/book-structure.server.ts";
import { readForm } from "#app/utils/csrf.server.ts";
import { httpError, notFound } from "#app/utils/http.server.ts";
import { getTranslator } from "#app/utils/i18n.server.ts";
import { pageTitle } from "#app/utils/meta.ts";
import { useT } from "#app/utils/root-data.ts";

/** The order as posted: JSON, every part with its chapter ids (checked against the book in the model). */
const OrderSchema = z.array(z.object({ partId: z.string().min(1), chapterIds: z.array(z.string().min(1)) })).max(500);
const PartIdSchema = z.object({ partId: z.string({ error: "form.required" }).min(1) });

const NOTICES = {
  "deel-toegevoegd": "bookSettings.structure.partAdded",
  "deel-hernoemd": "bookSettings.structure.partRenamed",
  "deel-verwijderd": "bookSettings.structure.partDeleted",
} as const;
const isNotice = (value: unknown): value is keyof typeof NOTICES => typeof value === "string" && Object.hasOwn(NOTICES, value);

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, "bookSettings.structure.title", ...(data ? [{ text: data.book.title }] : []));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireBookEditor(request);
  const book = await getBookStructure(params.bookSlug ?? "");
  if (!book) throw await notFound(request);
  const notice = new URL(request.url).searchParams.get("melding");
  return {
    book,
    outline: await getBookOutline(book.id),
    canManageOrganisations: hasPermission(user.role, "manage:organisation:any"),
    notice: isNotice(notice) ? notice : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireBookEditor(request);
  const form = await readForm(request);
  const book = await getBookStructure(params.bookSlug ?? "");
  if (!book) throw await notFound(request);
  const t = await getTranslator(request);
  const here = `/boek/${book.slug}/indeling`;
  const intent = form.get("intent");

  if (intent === "reorder") {
    const refuse = (message: string) => data<ReorderReply>({ intent, ok: false, message }, { status: 400 });
    let posted: unknown;
    try {
      posted = JSON.parse(String(form.get("order") ?? ""));
    } catch {
      return refuse(t("bookSettings.order.malformed"));
    }
    const order = OrderSchema.safeParse(posted);
    if (!order.success) return refuse(t("bookSettings.order.malformed"));
    const result = await saveBookOrder(book.id, order.data, user.id);
    if (result.status === "refused") return refuse(t(result.problem));
    return data<ReorderReply>({ intent, ok: true, message: t("bookSettings.structure.saved") });
  }

  if (intent === "add-part") {
    const submission = parseWithZod(form, { schema: PartTitleSchema });
    if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 400 });
    await addPart(book.id, submission.value.title, user.id);
    return redirect(`${here}?melding=deel-toegevoegd`);
  }

  if (intent === "rename-part") {
    const submission = parseWithZod(form, { schema: PartTitleSchema.extend(PartIdSchema.shape) });
    if (submission.status !== "success") {
      return data({ intent, partId: String(form.get("partId") ?? ""), result: submission.reply() }, { status: 400 });
    }
    const renamed = await renamePart(book.id, submission.value.partId, submission.value.title);
    if (renamed === "not-found") throw await notFound(request, "bookSettings.structure.partNotFound");
    return redirect(`${here}?melding=deel-hernoemd`);
  }

  if (intent === "delete-part") {
    const submission = parseWithZod(form, { schema: PartIdSchema });
    if (submission.status !== "success") throw await httpError(request, 400, "bookSettings.structure.partNotFound");
    const deleted = await deletePart(book.id, submission.value.partId, user.id);
    if (deleted === "not-found") throw await notFound(request, "bookSettings.structure.partNotFound");
    if (deleted === "has-chapters") {
      return data({ intent, partId: submission.value.partId, message: t("bookSettings.structure.partNotEmpty") }, { status: 409 });
    }
    return redirect(`${here}?melding=deel-verwijderd`);
  }
  throw await httpError(request, 400, "bookSettings.unknownIntent");
}

export default function BookStructurePage() {
  const t = useT();
  const { book, outline, canManageOrganisations, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { key: locationKey } = useLocation();
  const result = actionData && "result" in actionData ? (actionData.result as SubmissionResult) : undefined;
  const addResult = actionData?.intent === "add-part" ? result : undefined;
  const renameFor = (partId: string) =>
    actionData?.intent === "rename-part" && "partId" in actionData && actionData.partId === partId ? result : undefined;
  const deleteMessageFor = (partId: string) =>
    actionData?.intent === "delete-part" && "partId" in actionData && actionData.partId === partId && "message" in actionData ? actionData.message : undefined;
  return (
    <div className="space-y-8">
      <BookAdminHeader bookSlug={book.slug} bookTitle={book.title} title={t("bookSettings.structure.title")} />
      {notice ? <FormMessage tone="success">{t(NOTICES[notice])}</FormMessage> : null}
      {/* The page's own answer to an order posted without the script (the editor uses a fetcher). */}
      {actionData?.intent === "reorder" && "ok" in actionData ? (
        <FormMessage tone={actionData.ok ? "success" : "error"}>{actionData.message}</FormMessage>
      ) : null}
      <MatterOutline which="front" bookSlug={book.slug} outline={outline} canManageOrganisations={canManageOrganisations} />

      <section id="indeling" aria-labelledby="arrangement-title" className="scroll-mt-6 space-y-4">
        <h2 id="arrangement-title" className="text-2xl font-semibold">
          {t("bookSettings.structure.partsAndChapters")}
        </h2>
        <p className="max-w-3xl text-stone-700">{t("bookSettings.structure.help")}</p>
        <StructureEditor
          parts={book.parts}
          renderPartTools={(part) => (
            <PartTools key={`${part.id}-${locationKey}`} part={part} renameResult={renameFor(part.id)} deleteMessage={deleteMessageFor(part.id)} />
          )}
        />
      </section>

      <section aria-labelledby="add-part-title" className="rounded-lg border border-stone-200 bg-white p-6 shadow-sm">
        <h2 id="add-part-title" className="mb-4 text-xl font-semibold">
          {t("bookSettings.structure.addPartTitle")}
        </h2>
        <AddPartForm key={`add-${locationKey}`} lastResult={addResult} />
      </section>

      <MatterOutline which="back" bookSlug={book.slug} outline={outline} canManageOrganisations={canManageOrganisations} />
    </div>
  );
}
