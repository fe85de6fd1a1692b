import type { EpubFile } from "./container.ts";

/**
 * The last line of defence before a book leaves the server: no content document may carry a
 * script, an event handler or a javascript: address, whatever let it through upstream. Chapter
 * content cannot (only the chapter schema's nodes reach pandoc), so this failing means a bug, and
 * the export stops rather than ship it.
 */
// Only markup is searched: text is escaped (`&lt;`), so prose about "javascript:" or "onload =" passes.
const ACTIVE_CONTENT = /<script[\s>/]|<[^>]*\son[a-z]+\s*=|<[^>]*\s(?:href|src|xlink:href|action)\s*=\s*["']\s*(?:javascript|vbscript|data):/i;

export function assertNoActiveContent(files: EpubFile[]): void {
  for (const file of files) {
    if (typeof file.data !== "string" || !/\.(xhtml|svg|opf)$/.test(file.path)) continue;
    const match = ACTIVE_CONTENT.exec(file.data);
    if (match) throw new Error(`EPUB export stopped: ${file.path} contains active content ("${match[0]}")`);
  }
}
