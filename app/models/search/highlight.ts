import { escapeHtml } from "#app/common/escape-html.ts";

/**
 * FTS5's snippet() and highlight() wrap matches in markers we choose. We choose two private-use
 * characters rather than "<mark>", so the text around them can be escaped as a whole: whatever
 * the indexed text holds ("<script>" typed into a title), only our own <mark> elements survive.
 */
export const MARK_OPEN = "\uE000";
export const MARK_CLOSE = "\uE001";
/** The same markers as SQL expressions, for snippet()/highlight() arguments. */
export const SQL_MARK_OPEN = "char(57344)";
export const SQL_MARK_CLOSE = "char(57345)";

/** Marked text as HTML: everything escaped, the markers turned into balanced <mark> elements. */
export function markedToHtml(marked: string): string {
  let html = "";
  let open = false;
  for (const part of marked.split(/([\uE000\uE001])/)) {
    if (part === MARK_OPEN) {
      if (!open) html += "<mark>";
      open = true;
    } else if (part === MARK_CLOSE) {
      if (open) html += "</mark>";
      open = false;
    } else {
      html += escapeHtml(part);
    }
  }
  return open ? `${html}</mark>` : html;
}

/** Whether the marked text contains a match. */
export function hasMark(marked: string): boolean {
  return marked.includes(MARK_OPEN);
}
