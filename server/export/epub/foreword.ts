import { createHash } from "node:crypto";
import { singleton } from "#app/utils/singleton.server.ts";
import { pandocPool } from "../pandoc/runner.ts";
import { safeHref } from "./links.ts";

/**
 * The foreword is sanitized HTML (book settings), not a chapter document. pandoc-wasm reads it
 * into its AST, where raw HTML, unsafe links and images (which would need files the EPUB does not
 * carry) are taken out, and writes it back as XHTML. Kept by content, like chapters.
 */
export async function forewordXhtml(html: string): Promise<string> {
  const key = createHash("sha256").update(html).digest("hex");
  const cache = singleton("epub-foreword-cache", () => new Map<string, string>());
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const pool = pandocPool();
  const ast = JSON.parse(await pool.convert({ from: "html", to: "json" }, html)) as { blocks: unknown };
  ast.blocks = clean(ast.blocks);
  const xhtml = await pool.convert({ from: "json", to: "html5", wrap: "none" }, JSON.stringify(ast));
  if (cache.size > 20) cache.clear();
  cache.set(key, xhtml);
  return xhtml;
}

type Node = { t?: string; c?: unknown };

/** The AST with raw markup and images removed, unsafe links unwrapped and headings below the page title. */
function clean(value: unknown): unknown {
  if (!Array.isArray(value)) {
    if (value && typeof value === "object") {
      const node = value as Node;
      if (node.t === "Header") {
        const [level, ...rest] = node.c as [number, ...unknown[]];
        return { t: "Header", c: [Math.max(2, level), ...(clean(rest) as unknown[])] };
      }
      if (typeof node.t === "string") return { ...node, c: clean(node.c) };
    }
    return value;
  }
  return value.flatMap((item: unknown) => {
    // An attribute pair (["onclick", "…"]): event handlers never travel, whatever let them through.
    if (Array.isArray(item) && item.length === 2 && typeof item[0] === "string" && typeof item[1] === "string" && /^on/i.test(item[0])) return [];
    const node = item as Node;
    if (node && typeof node === "object" && !Array.isArray(node)) {
      if (node.t === "RawBlock" || node.t === "RawInline" || node.t === "Image") return [];
      if (node.t === "Link") {
        const [attr, inlines, [url, title]] = node.c as [unknown, unknown[], [string, string]];
        const safe = safeHref(url);
        return safe ? [{ t: "Link", c: [attr, clean(inlines), [safe, title]] }] : (clean(inlines) as unknown[]);
      }
    }
    return [clean(item)];
  });
}
