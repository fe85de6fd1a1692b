import { escapeXml as x } from "./links.ts";

/**
 * A cover for a book that has no cover image yet: an SVG (a core EPUB image type) with title,
 * subtitle and publisher set in type, so reading systems show a real cover in their library
 * instead of a blank one. 1600 × 2400, the 2:3 shape retailers ask for.
 */
export function generatedCoverSvg(book: { title: string; subtitle: string; editors: string; publisher: string }): string {
  const title = wrap(book.title, 16).slice(0, 6);
  const subtitle = book.subtitle ? wrap(book.subtitle, 34).slice(0, 5) : [];
  const titleSize = title.length > 4 ? 120 : 140;
  const titleLines = title.map((line, i) => `<tspan x="160" y="${520 + i * titleSize * 1.15}">${x(line)}</tspan>`).join("");
  const subtitleTop = 520 + title.length * titleSize * 1.15 + 90;
  const subtitleLines = subtitle.map((line, i) => `<tspan x="160" y="${subtitleTop + i * 78}">${x(line)}</tspan>`).join("");
  const label = [book.title, book.subtitle].filter(Boolean).join(" — ");
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" version="1.1" viewBox="0 0 1600 2400" width="1600" height="2400" role="img" aria-labelledby="cover-title">
<title id="cover-title">${x(label)}</title>
<rect width="1600" height="2400" fill="#1f3a4d"/>
<rect x="100" y="100" width="1400" height="2200" fill="none" stroke="#e9d8a6" stroke-width="6"/>
<rect x="160" y="380" width="220" height="12" fill="#e9d8a6"/>
<text font-family="'EB Garamond', Garamond, Georgia, serif" font-size="${titleSize}" fill="#fdfaf3">${titleLines}</text>
<text font-family="'EB Garamond', Garamond, Georgia, serif" font-size="60" font-style="italic" fill="#e9d8a6">${subtitleLines}</text>
${book.editors ? `<text x="160" y="2040" font-family="'EB Garamond', Garamond, Georgia, serif" font-size="56" fill="#fdfaf3">${x(book.editors)}</text>` : ""}
${book.publisher ? `<text x="160" y="2180" font-family="'EB Garamond', Garamond, Georgia, serif" font-size="52" letter-spacing="6" fill="#e9d8a6">${x(book.publisher.toUpperCase())}</text>` : ""}
</svg>
`;
}

/** Words into lines of at most `width` characters (a long word gets a line of its own). */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}
