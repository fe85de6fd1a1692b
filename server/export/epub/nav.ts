import type { EpubLabels } from "./labels.ts";
import { escapeXml as x } from "./links.ts";

/**
 * The EPUB navigation document: the table of contents (`role="doc-toc"`, which pandoc's own nav
 * lacks and DAISY Ace asks for) and the landmarks reading systems use to jump to the cover, the
 * contents or the start of the text. Links are relative to the nav's folder (text/).
 */

export type TocEntry = { title: string; href: string; children?: TocEntry[] };
export type Landmark = { type: string; title: string; href: string };

export function navBody(toc: TocEntry[], landmarks: Landmark[], labels: EpubLabels): string {
  return `<nav class="toc" epub:type="toc" role="doc-toc" id="toc" aria-labelledby="toc-title">
<h1 id="toc-title">${x(labels.contents)}</h1>
${list(toc)}
</nav>
<nav epub:type="landmarks" id="landmarks" aria-labelledby="landmarks-title" hidden="hidden">
<h2 id="landmarks-title">${x(labels.landmarks)}</h2>
<ol>
${landmarks.map((mark) => `<li><a epub:type="${mark.type}" href="${x(mark.href)}">${x(mark.title)}</a></li>`).join("\n")}
</ol>
</nav>`;
}

function list(entries: TocEntry[]): string {
  const items = entries.map((entry) => {
    const children = entry.children && entry.children.length > 0 ? `\n${list(entry.children)}\n` : "";
    return `<li><a href="${x(entry.href)}">${x(entry.title)}</a>${children}</li>`;
  });
  return `<ol>\n${items.join("\n")}\n</ol>`;
}
