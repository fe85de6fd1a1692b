import { DESIGN_PRINCIPLES, VALIDATED_AFTER_PILOTS, type ToolboxFilters } from "#app/common/toolbox.ts";
import type { Prisma } from "#app/generated/prisma/client.ts";
import { db } from "#app/utils/db.server.ts";

/** The published tools that pass every filter given (filters combine), by name. */
export async function listTools(filters: ToolboxFilters) {
  const where: Prisma.ToolWhereInput = {
    published: true,
    ...(filters.category && { category: filters.category }),
    ...(filters.form && { form: filters.form }),
    ...(filters.status && { status: filters.status }),
    ...(filters.principle && { principles: { some: { principle: filters.principle } } }),
    ...(filters.municipality && { pilots: { some: { municipality: filters.municipality } } }),
  };
  const tools = await db.tool.findMany({
    where,
    orderBy: { name: "asc" },
    select: {
      slug: true,
      name: true,
      summary: true,
      category: true,
      form: true,
      status: true,
      principles: { select: { principle: true } },
      _count: { select: { pilots: true } },
    },
  });
  return tools.map(({ _count, principles, ...tool }) => ({
    ...tool,
    principles: principles.map((p) => p.principle),
    pilotCount: _count.pilots,
    validated: _count.pilots >= VALIDATED_AFTER_PILOTS,
  }));
}

/** Every municipality that pilots a published tool, for the filter. */
export async function listPilotMunicipalities(): Promise<string[]> {
  const pilots = await db.toolPilot.findMany({
    where: { tool: { published: true } },
    distinct: ["municipality"],
    orderBy: { municipality: "asc" },
    select: { municipality: true },
  });
  return pilots.map((pilot) => pilot.municipality);
}

/**
 * One published tool with everything its page shows, or null. `includeUnpublished` is for editors
 * previewing a submission (app/routes/gereedschapskist.$toolSlug.tsx checks who asks).
 */
export async function findTool(slug: string, { includeUnpublished = false }: { includeUnpublished?: boolean } = {}) {
  const tool = await db.tool.findFirst({
    where: { slug, ...(includeUnpublished ? {} : { published: true }) },
    include: {
      principles: true,
      pilots: { orderBy: { municipality: "asc" } },
      owners: { include: { organisation: { select: { name: true, slug: true } } } },
      links: { orderBy: { position: "asc" } },
      attachments: { orderBy: [{ position: "asc" }, { createdAt: "asc" }], select: { id: true, title: true, file: true, sizeBytes: true } },
    },
  });
  if (!tool) return null;
  // In the order the toolbox states its principles, not the database's.
  const rank = (principle: string) => (DESIGN_PRINCIPLES as readonly string[]).indexOf(principle);
  const principles = [...tool.principles].sort((a, b) => rank(a.principle) - rank(b.principle));
  return { ...tool, principles, validated: tool.pilots.length >= VALIDATED_AFTER_PILOTS };
}
