import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { RevisionCompareForm } from "#app/components/revision-compare-form.tsx";
import { RevisionDiffContent, RevisionDiffLegend } from "#app/components/revision-diff-view.tsx";
import { StatusBadge } from "#app/components/status-badge.tsx";
import { diffChapterDocuments } from "#app/models/revision-diff.server.ts";
import { currentChapterDocument, requireChapterRevisionsAccess, revisionDocument } from "#app/models/revision-history.server.ts";
import { getRevision, listRevisions } from "#app/models/revisions.server.ts";
import { httpError, notFound } from "#app/utils/http.server.ts";
import { getTranslator } from "#app/utils/i18n.server.ts";
import { useT } from "#app/utils/root-data.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.pageTitle} — ${data.chapter.book.title}` : "Kapittel" },
  { name: "robots", content: "noindex" },
];

const RevisionNumber = z.coerce.number().int().positive().max(1_000_000);
/** ?van=<n>&naar=<m>|nu: from a revision to another revision or to the current text. */
const CompareQuery = z.object({ van: RevisionNumber, naar: z.union([z.literal("nu"), RevisionNumber]) });

/** The word diff between two revisions, or a revision and now (/boek/<book>/<chapter>/revisies/vergelijk). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { chapter } = await requireChapterRevisionsAccess(request, params);
  const url = new URL(request.url);
  const query = CompareQuery.safeParse({ van: url.searchParams.get("van") ?? undefined, naar: url.searchParams.get("naar") ?? undefined });
  if (!query.success) throw await httpError(request, 400, "revisions.compare.invalid");
  const { van, naar } = query.data;

  const [from, to, all, t] = await Promise.all([
    getRevision(chapter.id, van),
    naar === "nu" ? null : getRevision(chapter.id, naar),
    listRevisions(chapter.id),
    getTranslator(request),
  ]);
  if (!from || (naar !== "nu" && !to)) throw await notFound(request, "revisions.notFound");
  const after = to ? revisionDocument(to) : await currentChapterDocument(chapter.id);
  if (!after) throw await notFound(request);

  const diff = diffChapterDocuments(revisionDocument(from), after, {
    notesHeading: chapter.book.language === "en" ? "Notes" : "Noten",
    inserted: t("revisions.compare.spokenInserted"),
    deleted: t("revisions.compare.spokenDeleted"),
  });
  const fromLabel = t("revisions.number", { number: van });
  const toLabel = naar === "nu" ? t("revisions.now") : t("revisions.number", { number: naar });
  return {
    pageTitle: t("revisions.compare.pageTitle", { title: chapter.title }),
    title: t("revisions.compare.title", { from: fromLabel, to: toLabel }),
    chapter: { slug: chapter.slug, title: chapter.title, status: chapter.status, book: chapter.book },
    numbers: all.map((revision) => revision.number),
    van,
    naar,
    diff,
  };
}

export default function RevisionComparePage() {
  const t = useT();
  const { title, chapter, numbers, van, naar, diff } = useLoaderData<typeof loader>();
  const base = `/boek/${chapter.book.slug}/${chapter.slug}`;
  const changed = diff.insertedWords > 0 || diff.deletedWords > 0 || /<(ins|del)\b/.test(diff.html);
  return (
    <article aria-labelledby="compare-title" className="mx-auto max-w-3xl">
      <p className="text-sm">
        <Link to={`${base}/revisies`}>← {t("revisions.backToList")}</Link>
      </p>
      <header className="mt-3 space-y-4 border-b border-stone-200 pb-6">
        <div>
          <p className="text-sm text-stone-600">
            {chapter.book.title} · {chapter.title} <StatusBadge status={chapter.status} />
          </p>
          <h1 id="compare-title" className="mt-1 font-serif text-3xl font-semibold leading-tight tracking-tight">
            {title}
          </h1>
          <p className="mt-2 text-stone-800" role="status">
            {changed ? t("revisions.compare.summary", { inserted: diff.insertedWords, deleted: diff.deletedWords }) : t("revisions.compare.same")}
          </p>
        </div>
        <RevisionCompareForm key={`${van}-${naar}`} action={`${base}/revisies/vergelijk`} numbers={numbers} from={van} to={naar} />
        <RevisionDiffLegend />
      </header>
      <RevisionDiffContent html={diff.html} lang={chapter.book.language} />
    </article>
  );
}
