import { hasPermission, type UserAccessFacts } from "#app/common/permissions.ts";

/** How a dialect writes "this organisation id is in the list passed as the one parameter `?`". */
export type OrganisationListSql = "sqlite" | "postgresql";

const IN_LIST: Record<OrganisationListSql, string> = {
  sqlite: `IN (SELECT value FROM json_each(?))`,
  postgresql: `= ANY(?::text[])`,
};

/**
 * The SQL condition "this index row may be shown" (index row `d` with `kind` and `ref_id`), with
 * its parameters, for SQLite (FTS5) and PostgreSQL alike: canAccessChapter's rules as SQL. The
 * role's permissions become constants (they come from our own table of permissions, never from
 * the request); the person's organisations travel as one parameter (JSON on SQLite, an array on
 * PostgreSQL).
 */
export function visibilityCondition(user: UserAccessFacts, dialect: OrganisationListSql = "sqlite"): { sql: string; params: unknown[] } {
  const role = user?.role ?? null;
  const readsAny = hasPermission(role, "read:chapter:any");
  const readsOwnOrg = Boolean(user) && hasPermission(role, "read:chapter:own-org") && (user?.organisationIds.length ?? 0) > 0;
  const readsPublished = hasPermission(role, "read:chapter:published");
  const chapterRule = readsAny
    ? "true"
    : [
        readsPublished ? `c."status" = 'published'` : "false",
        readsOwnOrg ? `EXISTS (SELECT 1 FROM "ChapterOrganisation" co WHERE co."chapterId" = c."id" AND co."organisationId" ${IN_LIST[dialect]})` : "false",
      ].join(" OR ");
  const organisations = user?.organisationIds ?? [];
  return {
    sql: `CASE d.kind
      WHEN 'chapter' THEN EXISTS (SELECT 1 FROM "Chapter" c WHERE c."id" = d.ref_id AND (${chapterRule}))
      WHEN 'tool' THEN EXISTS (SELECT 1 FROM "Tool" t WHERE t."id" = d.ref_id AND t."published")
      WHEN 'event' THEN EXISTS (SELECT 1 FROM "Event" e WHERE e."id" = d.ref_id AND e."published")
      WHEN 'partner' THEN EXISTS (SELECT 1 FROM "Organisation" o WHERE o."id" = d.ref_id)
      ELSE false END`,
    params: !readsAny && readsOwnOrg ? [dialect === "sqlite" ? JSON.stringify(organisations) : organisations] : [],
  };
}
