import type { ToolCardData } from "#app/models/tool-cards.server.ts";

/**
 * The toolbox as the editor sees it, through app/routes/api.tools.ts. Card lookups are cached per
 * page (a chapter shows the same card in every re-render) and asked for together.
 */
const cache = new Map<string, Promise<ToolCardData | null>>();

/** A published tool by slug, or null when there is none (unknown, unpublished). */
export function loadToolCard(slug: string): Promise<ToolCardData | null> {
  let pending = cache.get(slug);
  if (!pending) {
    pending = fetchTools(`slug=${encodeURIComponent(slug)}`).then((tools) => tools.find((tool) => tool.slug === slug) ?? null);
    // A failed request is asked again next time rather than remembered as "no such tool".
    pending.catch(() => cache.delete(slug));
    cache.set(slug, pending);
  }
  return pending;
}

/** Published tools matching a search, for the insert dialog. */
export function searchTools(query: string): Promise<ToolCardData[]> {
  return fetchTools(`q=${encodeURIComponent(query)}`);
}

async function fetchTools(search: string): Promise<ToolCardData[]> {
  const response = await fetch(`/api/tools?${search}`, { headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(response.statusText);
  const body = (await response.json()) as { tools: ToolCardData[] };
  return body.tools;
}
