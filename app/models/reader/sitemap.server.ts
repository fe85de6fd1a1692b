import { escapeHtml } from "#app/common/escape-html.ts";
import { db } from "#app/utils/db.server.ts";
import { absoluteUrl } from "#app/utils/public-url.server.ts";

/** One page in the sitemap: its path and, when known, when it last changed. */
export type SitemapEntry = { path: string; lastModified?: Date };

/**
 * Every public page a search engine should find: the home page and section indexes, each book and
 * the chapters of its current edition (the text readers read; older editions would be duplicates),
 * published tools and events, and the partners. Drafts and private pages never appear.
 */
export async function sitemapEntries(): Promise<SitemapEntry[]> {
  const [books, tools, events, partners] = await Promise.all([
    db.book.findMany({
      orderBy: { createdAt: "asc" },
      select: { slug: true, updatedAt: true, editions: { orderBy: { number: "desc" }, take: 1, select: { number: true, frozenAt: true, chapters: { orderBy: { position: "asc" }, select: { slug: true } } } } },
    }),
    db.tool.findMany({ where: { published: true }, orderBy: { slug: "asc" }, select: { slug: true, updatedAt: true } }),
    db.event.findMany({ where: { published: true }, orderBy: { startsAt: "asc" }, select: { slug: true, updatedAt: true } }),
    db.organisation.findMany({ orderBy: { slug: "asc" }, select: { slug: true, updatedAt: true } }),
  ]);
  return [
    { path: "/" },
    ...books.flatMap((book) => {
      const edition = book.editions[0];
      return [
        { path: `/boek/${book.slug}`, lastModified: book.updatedAt },
        ...(edition ? edition.chapters.map((chapter) => ({ path: `/boek/${book.slug}/editie/${edition.number}/${chapter.slug}`, lastModified: edition.frozenAt })) : []),
      ];
    }),
    { path: "/gereedschapskist" },
    ...tools.map((tool) => ({ path: `/gereedschapskist/${tool.slug}`, lastModified: tool.updatedAt })),
    { path: "/evenementen" },
    ...events.map((event) => ({ path: `/evenementen/${event.slug}`, lastModified: event.updatedAt })),
    { path: "/partners" },
    ...partners.map((partner) => ({ path: `/partners/${partner.slug}`, lastModified: partner.updatedAt })),
  ];
}

/** The sitemap protocol's XML (sitemaps.org 0.9), with absolute URLs from APP_URL. */
export function sitemapXml(entries: SitemapEntry[]): string {
  const urls = entries.map((entry) => {
    const loc = `<loc>${escapeHtml(absoluteUrl(encodeURI(entry.path)))}</loc>`;
    const lastmod = entry.lastModified ? `<lastmod>${entry.lastModified.toISOString().slice(0, 10)}</lastmod>` : "";
    return `  <url>${loc}${lastmod}</url>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join("\n")}\n</urlset>\n`;
}
