import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { canAccessChapter, chapterDocumentAccess } from "#app/common/permissions.ts";
import { ReaderCommentsSection } from "#app/components/reader-comments/reader-comments-section.tsx";
import { StatusBadge } from "#app/components/status-badge.tsx";
import { WorkflowPanel } from "#app/components/workflow-panel.tsx";
import { workflowPanelData } from "#app/models/chapter-workflow.server.ts";
import { findChapter, listChaptersInReadingOrder } from "#app/models/chapters.server.ts";
import { loadReactionsSection } from "#app/models/reader-comments/section-data.server.ts";
import { currentEditionOfChapter } from "#app/models/reader/edition-reading.server.ts";
import { fillToolCards } from "#app/models/tool-cards.server.ts";
import { getUser } from "#app/utils/auth.server.ts";
import { forbidden, notFound } from "#app/utils/http.server.ts";
import { getLocale, getTranslator } from "#app/utils/i18n.server.ts";
import { useT } from "#app/utils/root-data.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [
        { title: `${data.chapter.title} — ${data.chapter.book.title}` },
        { name: "description", content: data.chapter.summary },
      ]
    : [{ title: "Kapittel" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const chapter = await findChapter(params.bookSlug ?? "", params.chapterSlug ?? "");
  if (!chapter) throw await notFound(request);
  if (!canAccessChapter(user, chapter, "read")) throw await forbidden(request, "chapter.forbidden");

  const readable = (await listChaptersInReadingOrder(chapter.book.id)).filter((c) =>
    canAccessChapter(user, { status: c.status, organisationIds: c.organisations.map((o) => o.organisationId) }, "read"),
  );
  const index = readable.findIndex((c) => c.slug === chapter.slug);
  const neighbour = (i: number) => (readable[i] ? { slug: readable[i].slug, title: readable[i].title } : null);
  return {
    chapter: {
      slug: chapter.slug,
      title: chapter.title,
      summary: chapter.summary,
      status: chapter.status,
      bodyHtml: await fillToolCards(chapter.bodyHtml, await getTranslator(request)),
      book: chapter.book,
      part: chapter.part,
      organisations: chapter.organisations,
      authors: chapter.authors,
    },
    canEdit: canAccessChapter(user, chapter, "update"),
    documentAccess: user ? chapterDocumentAccess(user, chapter) : "none",
    previous: neighbour(index - 1),
    next: neighbour(index + 1),
    workflow: await workflowPanelData(user, chapter, await getLocale(request)),
    // Readers read the edition; this live page says where the chapter stands in it (docs/decisions/019).
    inEdition: chapter.status === "published" ? await currentEditionOfChapter(chapter.book.id, chapter.id) : null,
    // Only a published chapter takes reactions (null otherwise: no section).
    reactions: await loadReactionsSection(request, "chapter", chapter.id),
  };
}

export default function ChapterPage() {
  const t = useT();
  const { chapter, canEdit, documentAccess, previous, next, workflow, reactions, inEdition } = useLoaderData<typeof loader>();
  const base = `/boek/${chapter.book.slug}`;
  return (
    <article aria-labelledby="chapter-title" lang={chapter.book.language} className="mx-auto max-w-2xl">
      <p className="text-sm">
        <Link to={base}>{chapter.book.title}</Link>
        <span aria-hidden="true"> · </span>
        <span className="text-stone-600">{chapter.part.title}</span>
      </p>
      <header className="mt-4 border-b border-stone-200 pb-6">
        <h1 id="chapter-title" className="font-serif text-4xl font-semibold leading-tight tracking-tight">
          {chapter.title}
        </h1>
        {chapter.summary && <p className="mt-3 font-serif text-lg text-stone-600">{chapter.summary}</p>}
        <p className="mt-4 text-sm text-stone-700">
          {t("chapter.writtenBy")}: {chapter.organisations.map((o) => o.name).join(", ")}
          {chapter.authors.length > 0 && <> ({chapter.authors.map((a) => a.name).join(", ")})</>}
        </p>
        {chapter.status !== "published" && (
          <div className="mt-4 flex flex-wrap items-center gap-3 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950">
            <StatusBadge status={chapter.status} />
            <span>{t("chapter.notPublishedNotice")}</span>
          </div>
        )}
        {inEdition && (
          <p className="mt-4 rounded-md border border-stone-200 bg-white px-4 py-3 text-sm text-stone-800">
            {t("reader.live.inEdition", { number: inEdition.number })}{" "}
            <Link to={`${base}/editie/${inEdition.number}/${inEdition.slug}`} className="font-medium">
              {t("reader.live.readInEdition", { number: inEdition.number })}
            </Link>
          </p>
        )}
        {canEdit && <p className="mt-3 text-sm text-stone-700">{t("chapter.youCanEdit")}</p>}
        {(documentAccess === "write" || documentAccess === "suggest" || (documentAccess === "read" && chapter.status !== "published")) && (
          <p className="mt-3">
            <Link
              to={`${base}/${chapter.slug}/bewerken`}
              className="inline-block rounded-md bg-stone-900 px-4 py-2 text-sm font-medium text-white no-underline hover:bg-stone-700 hover:text-white"
            >
              {documentAccess === "write" ? t("editor.edit") : documentAccess === "suggest" ? t("suggestions.editLink") : t("editor.readAlong")}
            </Link>
          </p>
        )}
        {workflow && <WorkflowPanel panel={workflow} />}
      </header>

      <div className="prose-book mt-8" dangerouslySetInnerHTML={{ __html: chapter.bodyHtml }} />

      <nav aria-label={t("chapter.pagination")} className="mt-12 grid gap-4 border-t border-stone-200 pt-6 sm:grid-cols-2">
        <div>
          {previous && (
            <Link to={`${base}/${previous.slug}`} rel="prev" className="block">
              <span className="block text-sm text-stone-600">← {t("chapter.previous")}</span>
              <span className="font-serif text-lg">{previous.title}</span>
            </Link>
          )}
        </div>
        <div className="sm:text-right">
          {next && (
            <Link to={`${base}/${next.slug}`} rel="next" className="block">
              <span className="block text-sm text-stone-600">{t("chapter.next")} →</span>
              <span className="font-serif text-lg">{next.title}</span>
            </Link>
          )}
        </div>
      </nav>
      <p className="mt-6 text-center text-sm">
        <Link to={base}>{t("chapter.backToBook")}</Link>
      </p>
      <ReaderCommentsSection data={reactions} />
    </article>
  );
}
