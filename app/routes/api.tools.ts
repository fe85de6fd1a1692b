import type { LoaderFunctionArgs } from "@remix-run/node";
import { findToolsForCards, publishedToolsBySlug } from "#app/models/tool-cards.server.ts";

/**
 * Published toolbox entries as JSON for the editor's tool cards: `?q=` searches (the insert
 * dialog), `?slug=a&slug=b` looks up cards already in a chapter. Only what the public toolbox
 * shows anyway, so no login is needed.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const slugs = params.getAll("slug").slice(0, 50);
  const tools = slugs.length > 0 ? [...(await publishedToolsBySlug(slugs)).values()] : await findToolsForCards(params.get("q") ?? "");
  return Response.json({ tools }, { headers: { "Cache-Control": "no-store" } });
}
