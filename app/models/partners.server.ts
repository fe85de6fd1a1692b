import { canAccessChapter, type UserAccessFacts } from "#app/common/permissions.ts";
import { db } from "#app/utils/db.server.ts";
import { imageUrl } from "./images.server.ts";

/** The partner organisations, premium partners first, then by name. */
export async function listPartners() {
  const partners = await db.organisation.findMany({
    orderBy: { name: "asc" },
    select: { slug: true, name: true, kind: true, tier: true, description: true, logo: true },
  });
  return partners
    .sort((a, b) => Number(b.tier === "premium") - Number(a.tier === "premium"))
    .map(({ logo, ...partner }) => ({ ...partner, logoUrl: logo ? imageUrl(logo) : null }));
}

/**
 * A partner's page: who they are, the chapters they co-wrote that this person may read (readers
 * and visitors: the published ones), and the published tools they own. Null for an unknown slug.
 */
export async function findPartner(slug: string, user: UserAccessFacts) {
  const organisation = await db.organisation.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      name: true,
      kind: true,
      tier: true,
      description: true,
      website: true,
      logo: true,
      chapters: {
        select: {
          chapter: {
            select: {
              id: true,
              slug: true,
              title: true,
              summary: true,
              status: true,
              position: true,
              book: { select: { slug: true, title: true } },
              part: { select: { position: true } },
              organisations: { select: { organisationId: true } },
            },
          },
        },
      },
      tools: { where: { tool: { published: true } }, select: { tool: { select: { slug: true, name: true, summary: true } } } },
    },
  });
  if (!organisation) return null;
  const chapters = organisation.chapters
    .map(({ chapter }) => chapter)
    .filter((chapter) => canAccessChapter(user, { status: chapter.status, organisationIds: chapter.organisations.map((o) => o.organisationId) }, "read"))
    .sort((a, b) => a.part.position - b.part.position || a.position - b.position)
    .map(({ organisations: _, part: __, position: ___, ...chapter }) => chapter);
  const tools = organisation.tools.map(({ tool }) => tool).sort((a, b) => a.name.localeCompare(b.name));
  const { chapters: _chapters, tools: _tools, logo, ...partner } = organisation;
  return { ...partner, logoUrl: logo ? imageUrl(logo) : null, chapters, tools };
}
