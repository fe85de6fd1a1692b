import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { categoryLabel, formLabel, principleLabel, statusLabel } from "#app/common/toolbox.ts";
import { chaptersCitingTool } from "#app/models/tool-cards.server.ts";
import { findTool } from "#app/models/tools.server.ts";
import { loadReactionsSection } from "#app/models/reader-comments/section-data.server.ts";
import { ReaderCommentsSection } from "#app/components/reader-comments/reader-comments-section.tsx";
import { ToolAttachments, ToolPreviewNotice } from "#app/components/tool-submissions/tool-page-extras.tsx";
import { toolPageExtras } from "#app/models/tool-submissions/tool-page.server.ts";
import { hasPermission } from "#app/common/permissions.ts";
import { getUser } from "#app/utils/auth.server.ts";
import { notFound } from "#app/utils/http.server.ts";
import { sanitizeChapterHtml } from "#app/utils/sanitize-html.server.ts";
import { useT } from "#app/utils/root-data.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data ? [{ title: `${data.tool.name} — Kapittel` }, { name: "description", content: data.tool.summary }] : [{ title: "Kapittel" }];

/** One tool of the toolbox: what it is, how it meets the design principles, where it is tested, who owns it. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  // Editors may preview a submitted tool before it is published; for anyone else it does not exist.
  const editor = hasPermission((await getUser(request))?.role, "update:chapter:any");
  const tool = await findTool(params.toolSlug ?? "", { includeUnpublished: editor });
  if (!tool) throw await notFound(request);
  // Stored sanitized; sanitized again on the way out, like every piece of user content.
  return { tool: { ...tool, descriptionHtml: sanitizeChapterHtml(tool.descriptionHtml) }, citedIn: await chaptersCitingTool(tool.slug), reactions: await loadReactionsSection(request, "tool", tool.id), extras: await toolPageExtras(request, tool, editor) };
}

export default function ToolPage() {
  const t = useT();
  const { tool, citedIn, reactions, extras } = useLoaderData<typeof loader>();
  return (
    <article aria-labelledby="tool-title" className="mx-auto max-w-3xl space-y-8">
      <p className="text-sm">
        <Link to="/gereedschapskist">← {t("toolbox.backToToolbox")}</Link>
      </p>
      <ToolPreviewNotice extras={extras} />
      <header>
        <h1 id="tool-title" className="font-serif text-4xl font-semibold tracking-tight">
          {tool.name}
        </h1>
        <p className="mt-2 text-sm text-stone-600">
          {t(categoryLabel(tool.category))} · {t(formLabel(tool.form))} · {t(statusLabel(tool.status))}
          {tool.validated && (
            <span className="ml-2 rounded-full border border-emerald-700 px-2 py-0.5 text-xs font-medium text-emerald-800">{t("toolbox.validated")}</span>
          )}
        </p>
        <p className="mt-4 font-serif text-xl text-stone-700">{tool.summary}</p>
      </header>

      <div className="prose-book" dangerouslySetInnerHTML={{ __html: tool.descriptionHtml }} />

      {tool.principles.length > 0 && (
        <section aria-labelledby="tool-principles">
          <h2 id="tool-principles" className="text-xl font-semibold">
            {t("toolbox.principles")}
          </h2>
          <dl className="mt-3 space-y-3">
            {tool.principles.map((principle) => (
              <div key={principle.principle}>
                <dt className="font-medium">{t(principleLabel(principle.principle))}</dt>
                <dd className="text-stone-700">{principle.explanation}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}

      <section aria-labelledby="tool-pilots">
        <h2 id="tool-pilots" className="text-xl font-semibold">
          {t("toolbox.pilots")}
        </h2>
        {tool.pilots.length === 0 ? (
          <p className="mt-2 text-stone-700">{t("toolbox.noPilots")}</p>
        ) : (
          <>
            <ul className="mt-2 flex flex-wrap gap-2">
              {tool.pilots.map((pilot) => (
                <li key={pilot.municipality} className="rounded-full border border-stone-300 px-3 py-0.5 text-sm">
                  {pilot.municipality}
                </li>
              ))}
            </ul>
            <p className="mt-2 text-sm text-stone-600">{t("toolbox.validatedExplanation", { count: tool.pilots.length })}</p>
          </>
        )}
      </section>

      {tool.owners.length > 0 && (
        <section aria-labelledby="tool-owners">
          <h2 id="tool-owners" className="text-xl font-semibold">
            {t("toolbox.owners")}
          </h2>
          <ul className="mt-2 flex flex-wrap gap-x-4">
            {tool.owners.map((owner) => (
              <li key={owner.organisation.slug}>
                <Link to={`/partners/${owner.organisation.slug}`}>{owner.organisation.name}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="tool-cited-in">
        <h2 id="tool-cited-in" className="text-xl font-semibold">
          {t("toolCards.citedIn")}
        </h2>
        {citedIn.length === 0 ? (
          <p className="mt-2 text-stone-700">{t("toolCards.citedInNone")}</p>
        ) : (
          <ul className="mt-2 list-disc pl-5">
            {citedIn.map((chapter) => (
              <li key={`${chapter.book.slug}/${chapter.slug}`}>
                <Link to={`/boek/${chapter.book.slug}/${chapter.slug}`}>{chapter.title}</Link>{" "}
                <span className="text-stone-700">— {chapter.book.title}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      {tool.links.length > 0 && (
        <section aria-labelledby="tool-links">
          <h2 id="tool-links" className="text-xl font-semibold">
            {t("toolbox.links")}
          </h2>
          <ul className="mt-2 list-disc pl-5">
            {tool.links.map((link) => (
              <li key={link.id}>
                <a href={link.url} rel="noopener noreferrer">
                  {link.title}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      <ToolAttachments extras={extras} />

      <ReaderCommentsSection data={reactions} />
    </article>
  );
}
