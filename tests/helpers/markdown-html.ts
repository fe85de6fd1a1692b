import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { sanitizeChapterHtml } from "#app/utils/sanitize-html.server.ts";

const pipeline = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype, {
    // Footnotes are labelled in the book's language, not remark's English default.
    footnoteLabel: "Noten",
    footnoteBackLabel: (index: number) => `Terug naar noot ${index + 1}`,
  })
  .use(rehypeStringify);

/**
 * A chapter body in Markdown as sanitized HTML the way remark renders it: an HTML source independent
 * of our own Markdown import, for tests of the HTML ⇄ document conversion (pasted and imported HTML).
 */
export async function markdownToChapterHtml(markdown: string): Promise<string> {
  const html = String(await pipeline.process(markdown));
  return sanitizeChapterHtml(html);
}
