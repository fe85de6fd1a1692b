import { absoluteUrl } from "#app/utils/public-url.server.ts";

/**
 * /robots.txt: everything public may be indexed; account, editorial, admin and private order
 * pages are kept out (they need a login or a secret link anyway), and the sitemap is named.
 */
export function loader() {
  const body = [
    "User-agent: *",
    "Disallow: /admin",
    "Disallow: /redactie",
    "Disallow: /account",
    "Disallow: /bestelling/",
    "Disallow: /api/",
    "Allow: /",
    "",
    `Sitemap: ${absoluteUrl("/sitemap.xml")}`,
    "",
  ].join("\n");
  return new Response(body, { headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=3600" } });
}
