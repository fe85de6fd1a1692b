import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { canAccessChapter } from "#app/common/permissions.ts";
import { ActivityLog } from "#app/components/activity-log.tsx";
import { chapterActivityLog } from "#app/models/activity-log.server.ts";
import { findChapter } from "#app/models/chapters.server.ts";
import { requireUser } from "#app/utils/auth.server.ts";
import { forbidden, notFound } from "#app/utils/http.server.ts";
import { getLocale, getTranslator } from "#app/utils/i18n.server.ts";
import { useT } from "#app/utils/root-data.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.pageTitle} — Kapittel` : "Kapittel" },
  { name: "robots", content: "noindex" },
];

/** A chapter's activity log (/boek/<book>/<chapter>/activiteit): for its authors, editors and admins. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const chapter = await findChapter(params.bookSlug ?? "", params.chapterSlug ?? "");
  if (!chapter) throw await notFound(request);
  // Those who may change the chapter: its partner authors, editors and admins; not its readers.
  if (!canAccessChapter(user, chapter, "update")) throw await forbidden(request, "workflow.activity.forbidden");
  const t = await getTranslator(request);
  return {
    pageTitle: t("workflow.activity.chapterTitle", { title: chapter.title }),
    chapter: { slug: chapter.slug, title: chapter.title, book: { slug: chapter.book.slug, title: chapter.book.title } },
    lines: await chapterActivityLog(chapter.id, await getLocale(request)),
  };
}

export default function ChapterActivityPage() {
  const t = useT();
  const { pageTitle, chapter, lines } = useLoaderData<typeof loader>();
  const bookHref = `/boek/${chapter.book.slug}`;
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <p className="text-sm">
        <Link to={`${bookHref}/${chapter.slug}`}>← {chapter.title}</Link>
        <span aria-hidden="true"> · </span>
        <Link to={`${bookHref}/activiteit`}>{t("workflow.activity.bookLink")}</Link>
      </p>
      <h1 className="font-serif text-3xl font-semibold tracking-tight">{pageTitle}</h1>
      <ActivityLog lines={lines} />
    </div>
  );
}
