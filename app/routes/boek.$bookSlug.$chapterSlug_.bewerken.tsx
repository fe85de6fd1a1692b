import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { lazy, Suspense } from "react";
import { chapterDocumentAccess, hasPermission } from "#app/common/permissions.ts";
import { ClientOnly } from "#app/components/client-only.tsx";
import { StatusBadge } from "#app/components/status-badge.tsx";
import { WorkflowPanel } from "#app/components/workflow-panel.tsx";
import { workflowPanelData } from "#app/models/chapter-workflow.server.ts";
import { findChapter } from "#app/models/chapters.server.ts";
import { commentAccess, listMentionablePeople } from "#app/models/comments.server.ts";
import { requireUser } from "#app/utils/auth.server.ts";
import { forbidden, notFound } from "#app/utils/http.server.ts";
import { getLocale, getTranslator } from "#app/utils/i18n.server.ts";
import { useT } from "#app/utils/root-data.ts";

// Loaded only in the browser, after hydration: see app/editor/index.client.tsx.
const ChapterEditor = lazy(() => import("#app/editor/index.client.tsx"));

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.pageTitle} — ${data.chapter.book.title}` : "Kapittel" },
  { name: "robots", content: "noindex" },
];

/**
 * The chapter's edit page (/boek/<book>/<chapter>/bewerken; the `_` keeps it out of the read
 * view's layout). Writers edit; people who may only read follow along live ("Meelezen").
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const chapter = await findChapter(params.bookSlug ?? "", params.chapterSlug ?? "");
  if (!chapter) throw await notFound(request);
  const access = chapterDocumentAccess(user, chapter);
  if (access === "none") throw await forbidden(request, "chapter.forbidden");
  const t = await getTranslator(request);
  const commentsAccess = commentAccess(user, chapter);
  return {
    pageTitle: t("editor.pageTitle", { title: chapter.title }),
    chapter: { id: chapter.id, slug: chapter.slug, title: chapter.title, status: chapter.status, bodyHtml: chapter.bodyHtml, book: chapter.book },
    access,
    user: { id: user.id, name: user.name },
    // Accept or reject every suggestion at once: an editor's call (docs/decisions/010).
    canDecideAll: hasPermission(user.role, "update:chapter:any"),
    workflow: await workflowPanelData(user, chapter, await getLocale(request)),
    // Comments: who may see and write them, and whom one can @mention (app/models/comments.server.ts).
    comments: { access: commentsAccess, people: commentsAccess === "none" ? [] : await listMentionablePeople(chapter) },
  };
}

export default function EditChapterPage() {
  const t = useT();
  const { chapter, access, user, canDecideAll, workflow, comments } = useLoaderData<typeof loader>();
  // Until the editor has loaded (and on the server) the last rendered text stands in for it.
  const placeholder = (
    <div aria-busy="true">
      <p className="mt-4 text-sm text-stone-600" role="status">
        {t("editor.loading")}
      </p>
      <div className="prose-book mt-4 opacity-70" dangerouslySetInnerHTML={{ __html: chapter.bodyHtml }} />
    </div>
  );
  return (
    <article aria-labelledby="chapter-title" lang={chapter.book.language} className={`mx-auto ${comments.access === "none" ? "max-w-3xl" : "max-w-6xl"}`}>
      <p className="text-sm">
        <Link to={`/boek/${chapter.book.slug}/${chapter.slug}`}>← {t("editor.backToChapter")}</Link>
      </p>
      <header className="mt-3 flex flex-wrap items-center gap-3">
        <h1 id="chapter-title" className="font-serif text-3xl font-semibold leading-tight tracking-tight">
          {chapter.title}
        </h1>
        <StatusBadge status={chapter.status} />
      </header>
      {workflow && <WorkflowPanel panel={workflow} />}
      <ClientOnly fallback={placeholder}>
        {() => (
          <Suspense fallback={placeholder}>
            <ChapterEditor chapterId={chapter.id} access={access} user={user} canDecideAll={canDecideAll} comments={comments} />
          </Suspense>
        )}
      </ClientOnly>
    </article>
  );
}
