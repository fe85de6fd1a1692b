import { formatIsbn13 } from "#app/common/isbn.ts";
import type { Manuscript } from "../manuscript.ts";
import type { EpubLabels } from "./labels.ts";
import { longDate } from "./labels.ts";
import { escapeXml as x } from "./links.ts";

/**
 * The bodies of the pages before the first part: cover, title page, colophon and foreword, and
 * the opening page of each part. Written here rather than by pandoc: they are short, fixed in
 * shape, and built from plain-text settings that are escaped on the way in.
 */

export const FONT_LICENCE_FILE = "font-licence.xhtml";

/** The cover page: the cover image (uploaded or generated) filling the page. */
export function coverBody(imageHref: string, alt: string): string {
  return `<section class="cover">
<img class="cover-image" epub:type="cover" role="doc-cover" src="${x(imageHref)}" alt="${x(alt)}" />
</section>`;
}

export function titlePageBody(m: Manuscript, labels: EpubLabels): string {
  const { book } = m;
  const lines = [`<h1 id="title" class="title">${x(book.title)}</h1>`];
  if (book.subtitle) lines.push(`<p class="subtitle">${x(book.subtitle)}</p>`);
  if (book.editors) lines.push(`<p class="editors">${x(labels.editedBy)}: ${x(book.editors)}</p>`);
  if (book.publisher) lines.push(`<p class="publisher">${x(book.publisher)}</p>`);
  return `<section class="title-page" epub:type="titlepage" aria-labelledby="title">\n${lines.join("\n")}\n</section>`;
}

/** The colophon: who made the book and under what terms, edition and ISBN, the partners, the font. */
export function colophonBody(m: Manuscript, labels: EpubLabels, now: Date): string {
  const { book } = m;
  const paragraphs: string[] = [];
  const line = (text: string, className?: string) => paragraphs.push(`<p${className ? ` class="${className}"` : ""}>${text}</p>`);
  line(`<strong>${x(book.title)}</strong>${book.subtitle ? `<br />${x(book.subtitle)}` : ""}`);
  if (book.editors) line(`${x(labels.editedBy)}: ${x(book.editors)}`);
  for (const paragraph of book.colophon.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean)) {
    line(x(paragraph).replace(/\n/g, "<br />"));
  }
  if (m.partners.length > 0) line(`${x(labels.withContributionsBy)} ${x(labels.list(m.partners.map((p) => p.name)))}.`);
  const published: string[] = [];
  if (book.publisher) published.push(`${x(labels.publisher)}: ${x(book.publisher)}${book.year ? `, ${book.year}` : ""}`);
  else if (book.year) published.push(String(book.year));
  published.push(x(m.edition ? labels.edition(m.edition.number, longDate(m.edition.frozenAt, book.language)) : labels.draft(longDate(now, book.language))));
  if (book.isbn) published.push(`${x(labels.isbn)} ${x(formatIsbn13(book.isbn))}`);
  if (book.licence) published.push(`${x(labels.licence)}: ${x(book.licence)}`);
  line(published.join("<br />"));
  line(`${x(labels.fontCredit)} <a href="${FONT_LICENCE_FILE}">${x(labels.fontLicence)}</a>.`, "font-credit");
  return `<section class="colophon" epub:type="colophon" role="doc-colophon" aria-labelledby="colophon-title">
<h1 id="colophon-title">${x(labels.colophon)}</h1>
${paragraphs.join("\n")}
</section>`;
}

/** The foreword around its (already converted) XHTML. */
export function forewordBody(xhtml: string, labels: EpubLabels): string {
  return `<section class="foreword" epub:type="foreword" role="doc-foreword" aria-labelledby="foreword-title">
<h1 id="foreword-title">${x(labels.foreword)}</h1>
${xhtml}
</section>`;
}

export function partBody(title: string, number: number, labels: EpubLabels): string {
  return `<section class="part" epub:type="part" role="doc-part" aria-labelledby="part-title">
<p class="part-number">${x(labels.part(number))}</p>
<h1 id="part-title">${x(title)}</h1>
</section>`;
}
