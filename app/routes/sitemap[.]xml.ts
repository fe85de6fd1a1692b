import { sitemapEntries, sitemapXml } from "#app/models/reader/sitemap.server.ts";

/** /sitemap.xml: the public pages, for search engines (robots.txt points here). */
export async function loader() {
  return new Response(sitemapXml(await sitemapEntries()), {
    headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "public, max-age=3600" },
  });
}
