import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

/**
 * Which characters the book's fonts can draw. A PDF/UA-1 document may not show a character its
 * font lacks (Typst refuses to compile it), and the book allows no fallback font, so text is
 * reduced to what every EB Garamond style covers before it becomes Typst source: an emoji or a
 * Chinese character in a chapter must not make the whole export fail.
 */

/** The EB Garamond TTFs (a registry package): the only fonts the book may use. */
export const FONT_DIRECTORY = path.dirname(createRequire(import.meta.url).resolve("@expo-google-fonts/eb-garamond/package.json"));

let bookCoverage: Set<number> | null = null;

/** Text reduced to what the book's fonts can draw (see `printable`). */
export function printableInBook(text: string): string {
  bookCoverage ??= fontCoverage(FONT_DIRECTORY);
  return printable(text, bookCoverage, bookCoverage.has(0xfffd) ? "\ufffd" : "?");
}

/** The code points every TTF in a folder (searched recursively) maps to a glyph. */
export function fontCoverage(directory: string): Set<number> {
  const files = readdirSync(directory, { recursive: true, encoding: "utf8" }).filter((file: string) => file.toLowerCase().endsWith(".ttf"));
  const sets = files.map((file) => cmapCodePoints(readFileSync(path.join(directory, file))));
  const [first, ...others] = sets;
  return new Set([...(first ?? [])].filter((codePoint) => others.every((covered) => covered.has(codePoint))));
}

/** The code points a TrueType/OpenType font's Unicode cmap (format 4 or 12) maps to a glyph. */
export function cmapCodePoints(font: Buffer): Set<number> {
  const tables = font.readUInt16BE(4);
  let cmap = -1;
  for (let i = 0; i < tables; i++) {
    const record = 12 + 16 * i;
    if (font.toString("latin1", record, record + 4) === "cmap") cmap = font.readUInt32BE(record + 8);
  }
  if (cmap < 0) throw new Error("Font has no cmap table");
  const subtables = font.readUInt16BE(cmap + 2);
  let best: { offset: number; format: number } | null = null;
  for (let i = 0; i < subtables; i++) {
    const record = cmap + 4 + 8 * i;
    const platform = font.readUInt16BE(record);
    const encoding = font.readUInt16BE(record + 2);
    const offset = cmap + font.readUInt32BE(record + 4);
    const format = font.readUInt16BE(offset);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (unicode && (format === 12 || (format === 4 && best?.format !== 12))) best = { offset, format };
  }
  if (!best) throw new Error("Font has no Unicode cmap");
  return best.format === 12 ? format12(font, best.offset) : format4(font, best.offset);
}

function format4(font: Buffer, offset: number): Set<number> {
  const codePoints = new Set<number>();
  const segments = font.readUInt16BE(offset + 6) / 2;
  const ends = offset + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const rangeOffsets = deltas + 2 * segments;
  for (let s = 0; s < segments; s++) {
    const end = font.readUInt16BE(ends + 2 * s);
    const start = font.readUInt16BE(starts + 2 * s);
    const delta = font.readInt16BE(deltas + 2 * s);
    const rangeOffsetAt = rangeOffsets + 2 * s;
    const rangeOffset = font.readUInt16BE(rangeOffsetAt);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (c + delta) & 0xffff;
      else {
        const raw = font.readUInt16BE(rangeOffsetAt + rangeOffset + 2 * (c - start));
        glyph = raw === 0 ? 0 : (raw + delta) & 0xffff;
      }
      if (glyph !== 0) codePoints.add(c);
    }
  }
  return codePoints;
}

function format12(font: Buffer, offset: number): Set<number> {
  const codePoints = new Set<number>();
  const groups = font.readUInt32BE(offset + 12);
  for (let g = 0; g < groups; g++) {
    const group = offset + 16 + 12 * g;
    const start = font.readUInt32BE(group);
    const end = font.readUInt32BE(group + 4);
    const glyph = font.readUInt32BE(group + 8);
    for (let c = start; c <= end; c++) if (glyph + (c - start) !== 0) codePoints.add(c);
  }
  return codePoints;
}

// Invisible characters (zero-width joiners, variation selectors, soft hyphens' relatives) carry no
// glyph of their own: they are dropped rather than replaced.
const INVISIBLE = /^[\p{Cf}\p{Mn}\uFE00-\uFE0F]$/u;

/**
 * Text reduced to characters the font has: a compatibility form where one exists (ﬁ → fi,
 * full-width letters), else the replacement mark; whitespace and invisible characters as such.
 */
export function printable(text: string, covered: Set<number>, replacement: string): string {
  let result = "";
  for (const character of text) {
    const codePoint = character.codePointAt(0)!;
    if (covered.has(codePoint) || codePoint < 0x20) {
      result += character;
      continue;
    }
    if (/\s/.test(character)) {
      result += " ";
      continue;
    }
    const decomposed = character.normalize("NFKD");
    if (decomposed !== character && [...decomposed].every((c) => covered.has(c.codePointAt(0)!) || INVISIBLE.test(c))) {
      result += [...decomposed].filter((c) => covered.has(c.codePointAt(0)!)).join("");
    } else if (!INVISIBLE.test(character)) {
      result += replacement;
    }
  }
  return result;
}
