import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { formatDateTime } from "#app/common/format.ts";
import { CsrfInput } from "#app/components/csrf-input.tsx";
import { StatusBadge } from "#app/components/status-badge.tsx";
import {
  requireChapterRevisionsAccess,
  restoreRefusal,
  restoreRevision,
  transitionLabel,
} from "#app/models/revision-history.server.ts";
import { getRevision } from "#app/models/revisions.server.ts";
import { readForm } from "#app/utils/csrf.server.ts";
import { forbidden, httpError, notFound } from "#app/utils/http.server.ts";
import { getLocale, getTranslator } from "#app/utils/i18n.server.ts";
import { sanitizeChapterHtml } from "#app/utils/sanitize-html.server.ts";
import { useT } from "#app/utils/root-data.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.pageTitle} — ${data.chapter.book.title}` : "Kapittel" },
  { name: "robots", content: "noindex" },
];

const RevisionNumber = z.coerce.number().int().positive().max(1_000_000);

/** The revision of the URL, or a 404 (an unknown or malformed number alike). */
async function requireRevision(request: Request, chapterId: string, param: string | undefined) {
  const number = RevisionNumber.safeParse(param);
  const revision = number.success ? await getRevision(chapterId, number.data) : null;
  if (!revision) throw await notFound(request, "revisions.notFound");
  return revision;
}

/** One revision, read-only (/boek/<book>/<chapter>/revisies/<n>), with "restore" for those who may. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, chapter } = await requireChapterRevisionsAccess(request, params);
  const revision = await requireRevision(request, chapter.id, params.number);
  const [t, locale] = await Promise.all([getTranslator(request), getLocale(request)]);
  return {
    pageTitle: t("revisions.view.pageTitle", { number: revision.number, title: chapter.title }),
    chapter: { slug: chapter.slug, title: chapter.title, status: chapter.status, book: chapter.book },
    revision: {
      number: revision.number,
      date: formatDateTime(revision.createdAt, locale),
      dateTime: revision.createdAt.toISOString(),
      author: revision.author?.name ?? t("revisions.unknownAuthor"),
      transition: transitionLabel(t, revision.fromStatus, revision.toStatus),
      message: revision.message,
      // Stored HTML is sanitized again on the way out, as the read view does with bodyHtml.
      html: sanitizeChapterHtml(revision.html),
    },
    restore: restoreRefusal(user, chapter),
  };
}

/**
 * "Herstel deze versie". Checked here whatever the page showed: who may see revisions, then
 * whether this person may change the text now (restoreRefusal: read-only states → 409, otherwise
 * not a direct writer → 403).
 */
export async function action({ request, params }: ActionFunctionArgs) {
  // The form's origin first: a forged request learns nothing, not even whether the chapter exists.
  const form = await readForm(request);
  const { user, chapter } = await requireChapterRevisionsAccess(request, params);
  if (form.get("intent") !== "restore") throw await httpError(request, 400, "revisions.restore.invalid");
  const revision = await requireRevision(request, chapter.id, params.number);
  const t = await getTranslator(request);
  const refusal = restoreRefusal(user, chapter);
  if (refusal === "read-only") return data({ error: t("revisions.restore.readOnly") }, { status: 409 });
  if (refusal === "forbidden") throw await forbidden(request, "revisions.restore.forbidden");
  const result = await restoreRevision({
    chapter: { id: chapter.id, bookId: chapter.book.id, status: chapter.status },
    revision,
    actorId: user.id,
    backupMessage: t("revisions.restore.backupMessage", { number: revision.number }),
  });
  if (!result) throw await notFound(request);
  return redirect(`/boek/${chapter.book.slug}/${chapter.slug}/revisies?hersteld=${revision.number}&bewaard=${result.backupNumber}`);
}

export default function RevisionPage() {
  const t = useT();
  const { chapter, revision, restore } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const base = `/boek/${chapter.book.slug}/${chapter.slug}`;
  return (
    <article aria-labelledby="revision-title" lang={chapter.book.language} className="mx-auto max-w-2xl">
      <p className="flex flex-wrap gap-x-4 text-sm">
        <Link to={`${base}/revisies`}>← {t("revisions.backToList")}</Link>
        <Link to={`${base}/revisies/vergelijk?van=${revision.number}&naar=nu`}>{t("revisions.compareWithNow")}</Link>
      </p>
      <header className="mt-4 border-b border-stone-200 pb-6">
        <p className="text-sm text-stone-600">{chapter.book.title}</p>
        <h1 id="revision-title" className="font-serif text-3xl font-semibold leading-tight tracking-tight">
          {chapter.title}
          <span className="mt-1 block text-xl font-normal text-stone-700">{t("revisions.number", { number: revision.number })}</span>
        </h1>
        <p className="mt-3 text-sm text-stone-700">
          {t("revisions.view.meta", { date: revision.date, author: revision.author, transition: revision.transition })}
        </p>
        {revision.message && (
          <blockquote className="mt-3 border-l-4 border-stone-300 pl-3 text-sm whitespace-pre-line text-stone-800">
            <span className="sr-only">{t("revisions.view.message")}: </span>
            {revision.message}
          </blockquote>
        )}
        <p className="mt-4 flex flex-wrap items-center gap-3 rounded-md border border-sky-300 bg-sky-50 px-4 py-3 text-sm text-sky-950">
          <span>{t("revisions.view.readOnly")}</span>
          <span className="text-stone-700">
            <StatusBadge status={chapter.status} />
          </span>
        </p>
        {actionData?.error && (
          <p role="alert" className="mt-4 rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900">
            {actionData.error}
          </p>
        )}
        {restore === null && (
          <Form method="post" className="mt-4 rounded-md border border-stone-200 bg-white p-4">
            <CsrfInput />
            <p className="text-sm text-stone-700">{t("revisions.restore.explanation")}</p>
            <button
              type="submit"
              name="intent"
              value="restore"
              disabled={navigation.state !== "idle"}
              className="mt-3 rounded-md bg-stone-900 px-4 py-2 text-sm font-medium text-white hover:bg-stone-700 disabled:opacity-50"
            >
              {t("revisions.restore.button")}
            </button>
          </Form>
        )}
        {restore === "read-only" && !actionData?.error && <p className="mt-4 text-sm text-stone-700">{t("revisions.restore.readOnly")}</p>}
      </header>

      <div className="prose-book mt-8" dangerouslySetInnerHTML={{ __html: revision.html }} />
    </article>
  );
}
