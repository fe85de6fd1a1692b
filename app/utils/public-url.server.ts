import { appUrl } from "./env.server.ts";

/**
 * The absolute address of a path on this site, from APP_URL: canonical links, Open Graph tags and
 * the sitemap must name the public address, not whatever Host header a request came with.
 */
export function absoluteUrl(path: string): string {
  return `${appUrl()}${path.startsWith("/") ? path : `/${path}`}`;
}
