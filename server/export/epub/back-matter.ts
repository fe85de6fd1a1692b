import type { Manuscript, ManuscriptTool } from "../manuscript.ts";
import type { EpubLabels } from "./labels.ts";
import { escapeXml as x, safeHref } from "./links.ts";

/**
 * The pages after the last chapter: about the partners, the toolbox entries the book cites, and
 * the licence of the embedded font (which the SIL Open Font License asks to travel with it).
 */

export function partnersBody(m: Manuscript, labels: EpubLabels): string {
  const entries = m.partners.map((partner) => {
    const lines = [`<h2>${x(partner.name)}</h2>`];
    if (partner.description) lines.push(...paragraphs(partner.description));
    const website = partner.website ? safeHref(partner.website) : null;
    if (website) lines.push(`<p class="website">${x(labels.website)}: <a href="${x(website)}">${x(displayUrl(website))}</a></p>`);
    return `<section class="partner">\n${lines.join("\n")}\n</section>`;
  });
  return appendix("partners", labels.partners, entries.join("\n"));
}

export function toolsBody(tools: ManuscriptTool[], labels: EpubLabels): string {
  const entries = tools.map((tool) => {
    const lines = [`<h2>${x(tool.name)}</h2>`];
    if (tool.summary) lines.push(...paragraphs(tool.summary));
    const url = safeHref(tool.url);
    if (url) lines.push(`<p class="website">${x(labels.more)}: <a href="${x(url)}">${x(displayUrl(url))}</a></p>`);
    return `<section class="tool">\n${lines.join("\n")}\n</section>`;
  });
  return appendix("tools", labels.tools, `<p class="intro">${x(labels.toolsIntro)}</p>\n${entries.join("\n")}`);
}

export function fontLicenceBody(licenceText: string, labels: EpubLabels): string {
  return appendix("font-licence", labels.fontLicence, `<pre class="licence">${x(licenceText.trim())}</pre>`);
}

function appendix(id: string, title: string, inner: string): string {
  return `<section class="back-matter" epub:type="appendix" role="doc-appendix" aria-labelledby="${id}-title">
<h1 id="${id}-title">${x(title)}</h1>
${inner}
</section>`;
}

function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${x(p).replace(/\n/g, "<br />")}</p>`);
}

/** An address as people read it: without the scheme and a trailing slash. */
function displayUrl(url: string): string {
  return url.replace(/^https?:\/\//, "").replace(/^mailto:/, "").replace(/\/$/, "");
}
