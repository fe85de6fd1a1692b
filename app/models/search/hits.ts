import { canAccessChapter, type UserAccessFacts } from "#app/common/permissions.ts";
import type { SearchHit } from "../search.server.ts";
import { hasMark, markedToHtml } from "./highlight.ts";
import { searchHitUrl, type SearchKind } from "./kinds.ts";

/** One ranked hit as both index twins (FTS5, PostgreSQL) return it, matches marked (highlight.ts). */
export type RankedRow = {
  kind: SearchKind;
  id: string;
  title: string;
  titleMarked: string;
  summaryMarked: string;
  bodyMarked: string;
  slug: string | null;
  bookSlug: string | null;
  status: string | null;
  /** JSON array of the chapter's organisation ids. */
  organisationIds: string | null;
};

/** How a dialect gathers a chapter's organisation ids into the JSON text of RankedRow.organisationIds. */
const ORGANISATION_IDS_JSON = {
  sqlite: `json_group_array(co."organisationId")`,
  postgresql: `coalesce(json_agg(co."organisationId"), '[]')::text`,
} as const;

/**
 * The columns of RankedRow that link a hit and let canAccessChapter check it again (slug,
 * bookSlug, status, organisationIds), read for the index row called `row`, in either dialect:
 * one list of what each kind links to, for both index twins.
 */
export function hitLinkColumns(row: string, dialect: keyof typeof ORGANISATION_IDS_JSON): string {
  return `CASE ${row}.kind
          WHEN 'chapter' THEN (SELECT c."slug" FROM "Chapter" c WHERE c."id" = ${row}.ref_id)
          WHEN 'tool' THEN (SELECT t."slug" FROM "Tool" t WHERE t."id" = ${row}.ref_id AND t."published")
          WHEN 'event' THEN (SELECT e."slug" FROM "Event" e WHERE e."id" = ${row}.ref_id AND e."published")
          WHEN 'partner' THEN (SELECT o."slug" FROM "Organisation" o WHERE o."id" = ${row}.ref_id)
        END AS slug,
        (SELECT b."slug" FROM "Chapter" c JOIN "Book" b ON b."id" = c."bookId" WHERE ${row}.kind = 'chapter' AND c."id" = ${row}.ref_id) AS "bookSlug",
        (SELECT c."status" FROM "Chapter" c WHERE ${row}.kind = 'chapter' AND c."id" = ${row}.ref_id) AS status,
        (SELECT ${ORGANISATION_IDS_JSON[dialect]} FROM "ChapterOrganisation" co WHERE ${row}.kind = 'chapter' AND co."chapterId" = ${row}.ref_id) AS "organisationIds"`;
}

/** The passage to show: the body's best match, else the summary's, else the start of the summary. */
function pickSnippet(row: RankedRow): string {
  if (hasMark(row.bodyMarked)) return row.bodyMarked;
  if (hasMark(row.summaryMarked) || row.summaryMarked.trim()) return row.summaryMarked;
  return row.bodyMarked;
}

/**
 * The page's rows as hits. Chapters pass canAccessChapter once more, on the facts read with them:
 * a second, independent check that no chapter reaches someone who may not read it.
 */
export function toHits(rows: RankedRow[], user: UserAccessFacts): SearchHit[] {
  const hits: SearchHit[] = [];
  for (const row of rows) {
    if (!row.slug) continue;
    if (row.kind === "chapter") {
      const facts = { status: row.status ?? "", organisationIds: JSON.parse(row.organisationIds ?? "[]") as string[] };
      if (!row.status || !row.bookSlug || !canAccessChapter(user, facts, "read")) continue;
    }
    hits.push({
      kind: row.kind,
      id: row.id,
      title: row.title,
      titleHtml: markedToHtml(row.titleMarked),
      snippetHtml: markedToHtml(pickSnippet(row)),
      url: searchHitUrl({ kind: row.kind, slug: row.slug, bookSlug: row.bookSlug }),
      status: row.kind === "chapter" ? row.status : null,
    });
  }
  return hits;
}
