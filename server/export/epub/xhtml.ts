import { escapeXml } from "./links.ts";

/** Where things live inside the EPUB container (content documents sit in text/). */
export const EPUB_ROOT = "EPUB";
export const STYLESHEET = "styles/book.css";

/**
 * A complete XHTML content document around a body. `bodyType` is the EPUB structural semantics
 * of the whole file (frontmatter, bodymatter, backmatter).
 */
export function xhtmlDocument(options: { language: string; title: string; body: string; bodyType?: string; depth?: number }): string {
  const up = "../".repeat(options.depth ?? 1);
  const lang = escapeXml(options.language);
  const bodyType = options.bodyType ? ` epub:type="${options.bodyType}"` : "";
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="${lang}" xml:lang="${lang}">
<head>
<meta charset="utf-8" />
<title>${escapeXml(options.title)}</title>
<link rel="stylesheet" type="text/css" href="${up}${STYLESHEET}" />
</head>
<body${bodyType}>
${options.body}
</body>
</html>
`;
}
