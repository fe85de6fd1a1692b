/** Hits per results page. */
export const SEARCH_PAGE_SIZE = 10;

/** What search finds, in the order the results page lists the type filters. */
export const SEARCH_KINDS = ["chapter", "tool", "event", "partner"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export function isSearchKind(value: unknown): value is SearchKind {
  return typeof value === "string" && (SEARCH_KINDS as readonly string[]).includes(value);
}

/** Where each kind of hit lives. Events: the events pages (/evenementen/<slug>). */
export function searchHitUrl(hit: { kind: SearchKind; slug: string; bookSlug?: string | null }): string {
  switch (hit.kind) {
    case "chapter":
      return `/boek/${hit.bookSlug}/${hit.slug}`;
    case "tool":
      return `/gereedschapskist/${hit.slug}`;
    case "event":
      return `/evenementen/${hit.slug}`;
    case "partner":
      return `/partners/${hit.slug}`;
  }
}
