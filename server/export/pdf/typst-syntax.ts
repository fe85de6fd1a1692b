import { printableInBook } from "./font-coverage.ts";

/**
 * The only places where text written by people becomes Typst source. Everything the PDF shows
 * from a chapter, a book setting or a partner passes through one of these, so no text can ever run
 * Typst code, open a comment, start a heading or a list, or change a style
 * (docs/decisions/015-pdf-with-typst.md).
 */

// Typst's markup gives meaning to many ASCII punctuation characters (`#` code, `$` math, `*` `_`
// emphasis, `` ` `` raw, `<` `>` labels, `@` references, `=` headings, `-` `+` `/` lists and
// shorthands, `\` escapes, `[` `]` content, `~` `...` shorthands, `//` comments, `https://`
// automatic links). A backslash before any character makes it literal, so every ASCII punctuation
// character is escaped: no list of "dangerous" ones to keep up to date. Straight quotes stay as they
// are: in markup they are smart quotes (typography, never code), so `"` and `'` come out curly in
// the book's language.
const ASCII_PUNCTUATION = /[!#$%&()*+,\-./:;<=>?@[\\\]^_`{|}~]/g;
const KEPT_QUOTES = /["']/;
// Typst reads a quote after a space as an opening quote; the Dutch elisions 's, 't and 'n (as in
// "'s ochtends") need the apostrophe instead.
const ELISION = /(^|[\s(])'(?=[stn]\b)/g;

// Control characters have no place in a book; line breaks inside a text run would end a paragraph
// or a markup line, so every kind of whitespace run becomes one space (a hard break is a node).
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const LINE_BREAKS = /[\t\n\r\u2028\u2029]+/g;

/**
 * Text as Typst markup that shows exactly this text (characters the book's fonts lack become a
 * replacement mark: see font-coverage.ts).
 */
export function markupText(text: string): string {
  return printableInBook(text.replace(CONTROL, ""))
    .replace(ELISION, "$1\u2019")
    .replace(LINE_BREAKS, " ")
    .replace(ASCII_PUNCTUATION, (character) => (KEPT_QUOTES.test(character) ? character : `\\${character}`));
}

/** Text as a Typst string literal (for attributes such as alt text, metadata and URLs). */
export function typstString(text: string): string {
  const escaped = text
    .replace(CONTROL, "")
    .replace(/\\/g, "\\\\")
    .replace(/"/g, '\\"')
    .replace(/\r\n?|\n|\u2028|\u2029/g, "\\n")
    .replace(/\t/g, "\\t");
  return `"${escaped}"`;
}

/** Text as a Typst content block: `[…]` holding the text literally. */
export function contentBlock(text: string): string {
  return `[${markupText(text)}]`;
}

const SAFE_LINK = /^(https?:\/\/[^\s]+|mailto:[^\s]+)$/i;

/**
 * The link target a PDF may carry: http, https and mailto only (the sanitizer's rule for HTML).
 * Anything else (javascript:, data:, file:, a relative path) is not a link in the book.
 */
export function safeLinkTarget(href: unknown): string | null {
  if (typeof href !== "string") return null;
  const trimmed = href.trim();
  if (!SAFE_LINK.test(trimmed)) return null;
  try {
    const url = new URL(trimmed);
    return ["http:", "https:", "mailto:"].includes(url.protocol) ? trimmed : null;
  } catch {
    return null;
  }
}

/**
 * A web address for the template's `link(…)`: the target as a string and the address as shown, as
 * content (so it passes the font check like all visible text), or `none` when it may not be a link.
 */
export function linkArgument(href: unknown): string {
  const target = safeLinkTarget(href);
  return target ? `(${typstString(target)}, ${contentBlock(target)})` : "none";
}
