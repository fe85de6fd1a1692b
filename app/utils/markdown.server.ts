import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { sanitizeChapterHtml } from "./sanitize-html.server.ts";

const pipeline = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype, {
    // Footnotes are labelled in the book's language, not remark's English default.
    footnoteLabel: "Noten",
    footnoteBackLabel: (index: number) => `Terug naar noot ${index + 1}`,
  })
  .use(rehypeStringify);

/** A chapter body in Markdown (CommonMark + GFM tables and footnotes) as sanitized HTML. */
export async function markdownToChapterHtml(markdown: string): Promise<string> {
  const html = String(await pipeline.process(markdown));
  return sanitizeChapterHtml(html);
}
