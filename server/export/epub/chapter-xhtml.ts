import { createHash } from "node:crypto";
import { singleton } from "#app/utils/singleton.server.ts";
import { citedToolSlugs, type ManuscriptChapter } from "../manuscript.ts";
import { pandocDocument } from "../pandoc/ast.ts";
import { pandocPool } from "../pandoc/runner.ts";
import { chapterBlocks, type ChapterAstContext } from "./chapter-ast.ts";

/**
 * A chapter's XHTML body, written by pandoc-wasm from the Pandoc AST of its document, and kept:
 * an export reuses the body of every chapter whose document, title, credit line, cited tools and
 * images are what they were, so re-exporting a book after one chapter changed converts one
 * chapter. The key covers everything the body depends on; the cache is in this process only.
 */

/** Bump when the chapter markup changes, so bodies written by older code are not reused. */
const RENDER_VERSION = "epub-chapter-1";
/** Bodies kept: a few books' worth (a chapter body is ~20–60 kB). */
const MAX_ENTRIES = 400;

const cache = () => singleton("epub-chapter-cache", () => new Map<string, string>());

export type ChapterBodyStats = { converted: number; reused: number };

export async function chapterBody(chapter: ManuscriptChapter, language: string, context: ChapterAstContext, stats?: ChapterBodyStats): Promise<string> {
  const key = cacheKey(chapter, language, context);
  const bodies = cache();
  const cached = bodies.get(key);
  if (cached !== undefined) {
    // Map order doubles as recency: re-insert on use, evict from the front.
    bodies.delete(key);
    bodies.set(key, cached);
    if (stats) stats.reused += 1;
    return cached;
  }
  const document = pandocDocument(chapterBlocks(chapter, context));
  const body = await pandocPool().convert({ from: "json", to: "html5", wrap: "none" }, JSON.stringify(document));
  bodies.set(key, body);
  while (bodies.size > MAX_ENTRIES) bodies.delete(bodies.keys().next().value!);
  if (stats) stats.converted += 1;
  return body;
}

function cacheKey(chapter: ManuscriptChapter, language: string, context: ChapterAstContext): string {
  const tools = citedToolSlugs(chapter.doc).map((slug) => context.tools[slug] ?? null);
  const images = imageSources(chapter.doc).map((src) => context.imagePath(src));
  return createHash("sha256")
    .update(JSON.stringify([RENDER_VERSION, chapter.hash, chapter.title, chapter.organisations, language, tools, images]))
    .digest("hex");
}

/** The `src` of every image in a document, in order. */
export function imageSources(doc: ManuscriptChapter["doc"]): string[] {
  const sources: string[] = [];
  const visit = (node: ManuscriptChapter["doc"]) => {
    if (node.type === "image" && typeof node.attrs?.src === "string") sources.push(node.attrs.src);
    node.content?.forEach(visit);
  };
  visit(doc);
  return sources;
}
