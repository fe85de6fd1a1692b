import { escapeHtml } from "#app/common/escape-html.ts";
import type { DbTransaction } from "#app/utils/db.server.ts";
import { sanitizeChapterHtml } from "#app/utils/sanitize-html.server.ts";
import { DEMO_TOOLS } from "./seed-data/tools.ts";

/** Loads the demo toolbox (inside the demo's transaction); owners are demo organisations by slug. */
export async function createDemoTools(tx: DbTransaction): Promise<void> {
  const organisations = new Map((await tx.organisation.findMany({ select: { id: true, slug: true } })).map((o) => [o.slug, o.id]));
  for (const tool of DEMO_TOOLS) {
    await tx.tool.create({
      data: {
        slug: tool.slug,
        name: tool.name,
        summary: tool.summary,
        descriptionHtml: sanitizeChapterHtml(tool.description.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join("")),
        category: tool.category,
        form: tool.form,
        status: tool.status,
        principles: { create: Object.entries(tool.principles).map(([principle, explanation]) => ({ principle, explanation })) },
        pilots: { create: tool.pilotMunicipalities.map((municipality) => ({ municipality })) },
        owners: {
          create: tool.owners.map((slug) => {
            const organisationId = organisations.get(slug);
            if (!organisationId) throw new Error(`Demo tool ${tool.slug}: unknown owner organisation ${slug}`);
            return { organisationId };
          }),
        },
        links: { create: tool.links.map((link, position) => ({ ...link, position })) },
      },
    });
  }
}
