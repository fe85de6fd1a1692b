import { createHash } from "node:crypto";
import type { Manuscript } from "../manuscript.ts";
import type { EpubLabels } from "./labels.ts";
import { escapeXml as x } from "./links.ts";

/**
 * The package document (content.opf): metadata with the accessibility claims DAISY Ace checks,
 * the manifest of every file, and the reading order.
 */

export type ManifestItem = { id: string; href: string; mediaType: string; properties?: string };
export type SpineItem = { id: string; linear: boolean };

/** The book's identifier: its ISBN, otherwise a UUID that stays the same for the same book and edition. */
export function bookIdentifier(m: Manuscript): string {
  if (m.book.isbn) return `urn:isbn:${m.book.isbn}`;
  const digest = createHash("sha1").update(`kapittel:${m.book.slug}:${m.edition ? `edition-${m.edition.number}` : m.scope}`).digest("hex");
  // Shaped as a name-based (version 5) UUID, RFC 4122 variant.
  const variant = ((parseInt(digest[16]!, 16) & 0x3) | 0x8).toString(16);
  return `urn:uuid:${digest.slice(0, 8)}-${digest.slice(8, 12)}-5${digest.slice(13, 16)}-${variant}${digest.slice(17, 20)}-${digest.slice(20, 32)}`;
}

export function packageDocument(options: {
  m: Manuscript;
  labels: EpubLabels;
  modified: Date;
  hasImages: boolean;
  manifest: ManifestItem[];
  spine: SpineItem[];
}): string {
  const { m, labels, modified, manifest, spine } = options;
  const { book } = m;
  const lang = x(book.language);
  const meta = (property: string, value: string) => `<meta property="${property}">${x(value)}</meta>`;
  const metadata = [
    `<dc:identifier id="book-id">${x(bookIdentifier(m))}</dc:identifier>`,
    `<dc:title id="title">${x(book.title)}</dc:title>`,
    `<meta refines="#title" property="title-type">main</meta>`,
    ...(book.subtitle ? [`<dc:title id="subtitle">${x(book.subtitle)}</dc:title>`, `<meta refines="#subtitle" property="title-type">subtitle</meta>`] : []),
    ...(book.editors ? [`<dc:creator id="editors">${x(book.editors)}</dc:creator>`, `<meta refines="#editors" property="role" scheme="marc:relators">edt</meta>`] : []),
    ...m.partners.map((partner) => `<dc:contributor>${x(partner.name)}</dc:contributor>`),
    ...(book.publisher ? [`<dc:publisher>${x(book.publisher)}</dc:publisher>`] : []),
    ...(book.year ? [`<dc:date>${book.year}</dc:date>`] : []),
    `<dc:language>${lang}</dc:language>`,
    ...(book.licence ? [`<dc:rights>${x(book.licence)}</dc:rights>`] : []),
    ...(book.blurb ? [`<dc:description>${x(book.blurb)}</dc:description>`] : []),
    meta("dcterms:modified", modified.toISOString().replace(/\.\d{3}Z$/, "Z")),
    ...(m.edition ? [meta("schema:version", String(m.edition.number))] : []),
    meta("schema:accessMode", "textual"),
    meta("schema:accessMode", "visual"),
    meta("schema:accessModeSufficient", "textual"),
    meta("schema:accessibilityFeature", "structuralNavigation"),
    meta("schema:accessibilityFeature", "tableOfContents"),
    meta("schema:accessibilityFeature", "readingOrder"),
    meta("schema:accessibilityFeature", "alternativeText"),
    meta("schema:accessibilityFeature", "displayTransformability"),
    meta("schema:accessibilityHazard", "none"),
    meta("schema:accessibilitySummary", labels.accessibilitySummary(options.hasImages)),
    meta("dcterms:conformsTo", "EPUB Accessibility 1.1 - WCAG 2.1 Level AA"),
    meta("a11y:certifiedBy", book.publisher || "Kapittel"),
  ];
  const items = manifest.map(
    (item) => `<item id="${item.id}" href="${x(item.href)}" media-type="${item.mediaType}"${item.properties ? ` properties="${item.properties}"` : ""} />`,
  );
  const itemrefs = spine.map((item) => `<itemref idref="${item.id}"${item.linear ? "" : ` linear="no"`} />`);
  return `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="${lang}">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
${metadata.join("\n")}
</metadata>
<manifest>
${items.join("\n")}
</manifest>
<spine>
${itemrefs.join("\n")}
</spine>
</package>
`;
}

export const CONTAINER_XML = `<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles>
<rootfile full-path="EPUB/content.opf" media-type="application/oebps-package+xml" />
</rootfiles>
</container>
`;
