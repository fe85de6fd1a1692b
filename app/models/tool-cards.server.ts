import { TOOL_CARD_ATTRIBUTE } from "#app/common/chapter-schema.ts";
import type { Translate } from "#app/common/i18n/catalogue.ts";
import { escapeHtml } from "#app/common/escape-html.ts";
import { db } from "#app/utils/db.server.ts";

/**
 * Tool cards between the book and the toolbox (docs/decisions/018-tool-cards.md). A chapter stores
 * only the slug (`<aside class="tool-card" data-tool="slug"></aside>` in its HTML); this module
 * fills the cards with the tool's name and summary when a chapter is shown, finds the chapters
 * that cite a tool, and answers the editor's questions about tools.
 */

/** What a card shows of a tool. */
export type ToolCardData = { slug: string; name: string; summary: string };

const EMPTY_CARD = new RegExp(`<aside\\b[^>]*\\b${TOOL_CARD_ATTRIBUTE}="([^"]*)"[^>]*>\\s*</aside>`, "g");

/** The slugs of the tool cards in chapter HTML, in order. */
export function toolCardSlugs(html: string): string[] {
  return [...html.matchAll(EMPTY_CARD)].map((match) => decodeAttribute(match[1] ?? ""));
}

/**
 * Chapter HTML with every tool card filled in: a labelled box with the tool's name (a link to its
 * page) and summary. A card whose tool is gone or unpublished says so instead of showing nothing.
 */
export async function fillToolCards(html: string, t: Translate): Promise<string> {
  const slugs = toolCardSlugs(html);
  if (slugs.length === 0) return html;
  const tools = await publishedToolsBySlug(slugs);
  return html.replace(EMPTY_CARD, (_card, encodedSlug: string) => {
    const slug = decodeAttribute(encodedSlug);
    const tool = tools.get(slug);
    const label = `<p class="tool-card-label">${escapeHtml(t("toolCards.label"))}</p>`;
    if (!tool) return `<aside class="tool-card tool-card-missing" ${TOOL_CARD_ATTRIBUTE}="${escapeHtml(slug)}">${label}<p>${escapeHtml(t("toolCards.missing"))}</p></aside>`;
    const link = `<a href="/gereedschapskist/${encodeURIComponent(tool.slug)}">${escapeHtml(tool.name)}</a>`;
    return `<aside class="tool-card" ${TOOL_CARD_ATTRIBUTE}="${escapeHtml(slug)}" aria-label="${escapeHtml(t("toolCards.ariaLabel", { name: tool.name }))}">${label}<p class="tool-card-name">${link}</p><p class="tool-card-summary">${escapeHtml(tool.summary)}</p></aside>`;
  });
}

/** Published tools by slug (unknown and unpublished slugs are absent). */
export async function publishedToolsBySlug(slugs: string[]): Promise<Map<string, ToolCardData>> {
  const tools = await db.tool.findMany({ where: { slug: { in: [...new Set(slugs)] }, published: true }, select: { slug: true, name: true, summary: true } });
  return new Map(tools.map((tool) => [tool.slug, tool]));
}

/** Published tools whose name or summary contains the query, for the editor's "insert tool" dialog. */
export function findToolsForCards(query: string, take = 20): Promise<ToolCardData[]> {
  const words = query.trim().slice(0, 100);
  return db.tool.findMany({
    where: { published: true, ...(words ? { OR: [{ name: { contains: words } }, { summary: { contains: words } }, { slug: { contains: words } }] } : {}) },
    orderBy: { name: "asc" },
    take,
    select: { slug: true, name: true, summary: true },
  });
}

/** The published chapters that cite a tool, in book order. */
export function chaptersCitingTool(slug: string) {
  return db.chapter.findMany({
    where: { status: "published", bodyHtml: { contains: `${TOOL_CARD_ATTRIBUTE}="${escapeHtml(slug)}"` } },
    orderBy: [{ book: { title: "asc" } }, { part: { position: "asc" } }, { position: "asc" }],
    select: { title: true, slug: true, book: { select: { slug: true, title: true } } },
  });
}

function decodeAttribute(value: string): string {
  return value.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}
