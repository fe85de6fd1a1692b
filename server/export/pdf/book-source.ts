import type { ChapterJson } from "#app/common/chapter-schema.ts";
import { formatIsbn13 } from "#app/common/isbn.ts";
import type { Manuscript, ManuscriptChapter } from "#server/export/manuscript.ts";
import { BOOK_TEMPLATE } from "./book-template.ts";
import { documentToTypst, type TypstContext } from "./document-to-typst.ts";
import { bookLabels, longDate, organisationKind, type BookLabels } from "./labels.ts";
import { contentBlock, linkArgument, markupText, typstString } from "./typst-syntax.ts";

/**
 * The whole book as one Typst source: metadata, the design (book-template.ts), then cover, title
 * page, colophon, foreword, contents, parts with their chapters, and the back matter. Chapters are
 * generated one by one (`chapterSource`) so the caller can report progress between them.
 */

export type BookSourceInput = {
  manuscript: Manuscript;
  /** Chapter sources in book order (from `chapterSource`). */
  chapters: string[][];
  /** The foreword as a ProseMirror document (already sanitized), or null for none. */
  foreword: ChapterJson | null;
  /** Typst paths of stored images, by their /uploads/ URL. */
  imagePath: (src: string) => string | null;
  /** When the PDF is dated: the edition's freeze, else now. */
  date: Date;
};

/** The Typst markup of one chapter: its opening (number, title, organisations) and its text. */
export function chapterSource(chapter: ManuscriptChapter, number: number, manuscript: Manuscript, imagePath: TypstContext["imagePath"]): string {
  const labels = bookLabels(manuscript.book.language);
  const credit = chapter.organisations.length > 0 ? contentBlock(joinNames(chapter.organisations, labels)) : "none";
  const opening = `#chapter-opening(${typstString(labels.chapter(number))}, ${contentBlock(chapter.title.trim() || labels.chapter(number))}, ${credit})`;
  const body = documentToTypst(chapter.doc, { headingOffset: 3, imagePath, tools: manuscript.tools, toolCardLabel: labels.toolCard });
  return `${opening}\n\n${body}\n`;
}

export function bookSource(input: BookSourceInput): string {
  const { manuscript } = input;
  const { book } = manuscript;
  const labels = bookLabels(book.language);
  const title = documentTitle(manuscript);
  const sections: string[] = [
    metadata(manuscript, input.date),
    BOOK_TEMPLATE,
    cover(manuscript, labels, input.imagePath),
    `#title-page(${contentBlock(title)}, ${optionalBlock(book.subtitle)}, ${optionalBlock(book.editors)}, ${optionalBlock(book.publisher)})`,
    `#colophon-page[${colophon(manuscript, labels, input.date)}]`,
  ];
  if (input.foreword) {
    const foreword = documentToTypst(input.foreword, { headingOffset: 2, imagePath: input.imagePath, tools: manuscript.tools, toolCardLabel: labels.toolCard });
    if (foreword.trim() !== "") sections.push(`#matter-opening(${contentBlock(labels.foreword)})\n\n${foreword}`);
  }
  sections.push(`#contents-page(${contentBlock(labels.contents)})`);
  // Main matter: numbered from 1 on the first part page (roman numbers before).
  if (manuscript.parts.length > 0) sections.push("#recto-break()\n#set page(numbering: \"1\")\n#counter(page).update(1)");
  manuscript.parts.forEach((part, index) => {
    sections.push(`#part-page(${typstString(labels.part(index + 1))}, ${contentBlock(part.title.trim() || labels.part(index + 1))})`);
    sections.push(...(input.chapters[index] ?? []));
  });
  sections.push(...backMatter(manuscript, labels));
  return sections.join("\n\n");
}

/** The title a PDF/UA document must declare: the book's title, never empty. */
export function documentTitle(manuscript: Manuscript): string {
  return manuscript.book.title.trim() || manuscript.book.slug;
}

function metadata(manuscript: Manuscript, date: Date): string {
  const { book } = manuscript;
  const authors = splitNames(book.editors);
  const keywords = manuscript.parts.map((part) => part.title).filter(Boolean);
  const [language, region] = languageTag(book.language);
  const description = book.blurb.trim() || book.subtitle.trim();
  return [
    `#set document(title: ${typstString(documentTitle(manuscript))}, author: (${authors.map(typstString).join(", ")}${authors.length === 1 ? "," : ""}), keywords: (${keywords.map(typstString).join(", ")}${keywords.length === 1 ? "," : ""}), description: ${description ? typstString(description) : "none"}, date: datetime(year: ${date.getUTCFullYear()}, month: ${date.getUTCMonth() + 1}, day: ${date.getUTCDate()}))`,
    `#set text(lang: ${typstString(language)}${region ? `, region: ${typstString(region)}` : ""})`,
    `#let running-book-title = ${contentBlock(documentTitle(manuscript))}`,
  ].join("\n");
}

function cover(manuscript: Manuscript, labels: BookLabels, imagePath: BookSourceInput["imagePath"]): string {
  const { book } = manuscript;
  const image = book.coverImage ? imagePath(`/uploads/${book.coverImage}`) : null;
  const title = documentTitle(manuscript);
  return `#cover-page(${image ? typstString(image) : "none"}, ${typstString(labels.coverAlt(title))}, ${contentBlock(title)}, ${optionalBlock(book.subtitle)}, ${optionalBlock(book.editors)})`;
}

function colophon(manuscript: Manuscript, labels: BookLabels, date: Date): string {
  const { book } = manuscript;
  const paragraphs: string[] = [];
  const line = (label: string | null, value: string) => (label ? `#emph${contentBlock(label)}: ${markupText(value)}` : markupText(value));
  paragraphs.push(`#strong${contentBlock(documentTitle(manuscript))}${book.subtitle.trim() ? `#linebreak()${markupText(book.subtitle.trim())}` : ""}`);
  if (book.editors.trim()) paragraphs.push(line(labels.editedBy, book.editors.trim()));
  if (manuscript.partners.length > 0) paragraphs.push(line(labels.withContributionsBy, joinNames(manuscript.partners.map((p) => p.name), labels)));
  for (const paragraph of book.colophon.split(/\n\s*\n/)) if (paragraph.trim()) paragraphs.push(line(null, paragraph.trim()));
  const published = [book.publisher.trim(), book.year ? String(book.year) : ""].filter(Boolean).join(", ");
  if (published) paragraphs.push(line(labels.publisher, published));
  if (book.isbn) paragraphs.push(line(labels.isbn, formatIsbn(book.isbn)));
  const edition = manuscript.edition
    ? labels.edition(manuscript.edition.number, longDate(manuscript.edition.frozenAt, book.language))
    : labels.draft(longDate(date, book.language));
  paragraphs.push(line(null, edition));
  if (book.licence.trim()) paragraphs.push(line(labels.licence, book.licence.trim()));
  return paragraphs.join("\n\n");
}

function backMatter(manuscript: Manuscript, labels: BookLabels): string[] {
  const sections: string[] = [];
  if (manuscript.partners.length > 0) {
    const entries = manuscript.partners.map((partner) => {
      return `#back-entry(${contentBlock(partner.name)}, ${optionalBlock(organisationKind(partner.kind, manuscript.book.language))}, ${optionalBlock(partner.description)}, ${linkArgument(partner.website)})`;
    });
    sections.push(`#matter-opening(${contentBlock(labels.partners)})\n\n${entries.join("\n")}`);
  }
  const tools = Object.values(manuscript.tools).sort((a, b) => a.name.localeCompare(b.name, manuscript.book.language));
  if (tools.length > 0) {
    const entries = tools.map((tool) => {
      return `#back-entry(${contentBlock(tool.name)}, none, ${optionalBlock(tool.summary)}, ${linkArgument(tool.url)})`;
    });
    sections.push(`#matter-opening(${contentBlock(labels.tools)})\n\n${markupText(labels.toolsIntro)}\n\n${entries.join("\n")}`);
  }
  return sections;
}

function optionalBlock(text: string | null | undefined): string {
  return text && text.trim() ? contentBlock(text.trim()) : "none";
}

/** "A", "A en B", "A, B en C" in the book's language. */
function joinNames(names: string[], labels: BookLabels): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} ${labels.and} ${names.at(-1)}`;
}

/** The editors as separate authors for the metadata ("A, B en C" → three names). */
export function splitNames(editors: string): string[] {
  return editors
    .split(/\s*(?:,|;|\n|&|\s+en\s+|\s+and\s+)\s*/)
    .map((name) => name.trim())
    .filter(Boolean);
}

/** An ISBN-13 as printed, the way the site shows it (app/common/isbn.ts: prefix and check digit set off). */
export function formatIsbn(isbn: string): string {
  return formatIsbn13(isbn.replace(/[^0-9]/g, ""));
}

/** The book language as Typst wants it: an ISO 639 code and an optional region ("nl", "en-GB"). */
function languageTag(language: string): [string, string | null] {
  const match = /^([a-z]{2,3})(?:[-_]([a-z]{2}))?$/i.exec(language.trim());
  return match?.[1] ? [match[1].toLowerCase(), match[2]?.toUpperCase() ?? null] : ["nl", null];
}
