import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { hasPermission } from "#app/common/permissions.ts";
import { ActivityLog } from "#app/components/activity-log.tsx";
import { bookActivityLog, findBookBySlug } from "#app/models/activity-log.server.ts";
import { requireUser } from "#app/utils/auth.server.ts";
import { forbidden, notFound } from "#app/utils/http.server.ts";
import { getLocale, getTranslator } from "#app/utils/i18n.server.ts";
import { useT } from "#app/utils/root-data.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.pageTitle} — Kapittel` : "Kapittel" },
  { name: "robots", content: "noindex" },
];

/**
 * A book's activity log (/boek/<book>/activiteit; the `_` keeps it out of the book's layout):
 * editors and admins see every chapter's lines, partner authors those of their own chapters.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const book = await findBookBySlug(params.bookSlug ?? "");
  if (!book) throw await notFound(request);
  if (!hasPermission(user.role, "update:chapter:own-org")) throw await forbidden(request, "workflow.activity.bookForbidden");
  const t = await getTranslator(request);
  return {
    pageTitle: t("workflow.activity.bookTitle", { title: book.title }),
    book: { slug: book.slug, title: book.title },
    lines: await bookActivityLog(book, user, await getLocale(request)),
  };
}

export default function BookActivityPage() {
  const t = useT();
  const { pageTitle, book, lines } = useLoaderData<typeof loader>();
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <p className="text-sm">
        <Link to={`/boek/${book.slug}`}>← {t("chapter.backToBook")}</Link>
      </p>
      <h1 className="font-serif text-3xl font-semibold tracking-tight">{pageTitle}</h1>
      <ActivityLog lines={lines} />
    </div>
  );
}
