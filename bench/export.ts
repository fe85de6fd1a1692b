// npm run bench:export — how long exporting the book takes: the demo book scaled to 20 chapters
// (~60,000 words) to EPUB cold, warm, and after one chapter changed; the same content through
// native pandoc (Debian's `pandoc`) for comparison; the PDF too when server/export/pdf exists.
// Prints figures, ratios and peak memory; asserts nothing.
//   --chapters 20 --words 60000 --naive (also time one naive pandoc-wasm HTML → EPUB call)
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

const { values: args } = parseArgs({
  options: { chapters: { type: "string", default: "20" }, words: { type: "string", default: "60000" }, naive: { type: "boolean", default: false } },
});
const CHAPTERS = Number(args.chapters);
const WORDS = Number(args.words);
const ROOT = path.resolve(import.meta.dirname, "..");

// A database and data folder of its own, migrated, before any module reads the environment.
const dir = mkdtempSync(path.join(tmpdir(), "kapittel-bench-export-"));
process.env.DATABASE_URL = `file:${path.join(dir, "kapittel.db")}`;
process.env.DATA_DIR = dir;
process.env.SESSION_SECRET ??= "bench-secret-that-is-at-least-32-characters-long";
execFileSync(path.join(ROOT, "node_modules/.bin/prisma"), ["migrate", "deploy"], { cwd: ROOT, env: process.env, stdio: "ignore" });

const { db } = await import("#app/utils/db.server.ts");
const { loadDemoData } = await import("../prisma/demo-data.ts");
const { loadManuscript, hashDocument } = await import("#server/export/manuscript.ts");
const { renderEpub } = await import("#server/export/epub/index.ts");
const { chapterBlocks } = await import("#server/export/epub/chapter-ast.ts");
const { epubLabels } = await import("#server/export/epub/labels.ts");
const { pandocPool, PandocPool } = await import("#server/export/pandoc/runner.ts");
const { forgetSingleton } = await import("#app/utils/singleton.server.ts");
const { chapterSchema } = await import("#app/common/chapter-schema.ts");
const { proseMirrorToHtml } = await import("#app/models/chapter-content.server.ts");
type Manuscript = Awaited<ReturnType<typeof loadManuscript>>;
type ChapterJson = Manuscript["parts"][number]["chapters"][number]["doc"];

await loadDemoData(db);
await db.chapter.updateMany({ data: { status: "published" } });
const demo = await loadManuscript((await db.book.findFirstOrThrow()).id, "published");
const book = scaleBook(demo, CHAPTERS, WORDS);
const chapterCount = book.parts.reduce((sum, part) => sum + part.chapters.length, 0);
console.log(`Book: ${chapterCount} chapters in ${book.parts.length} parts, ${countWords(book).toLocaleString("en")} words (the demo book's ${demo.parts.flatMap((p) => p.chapters).length} chapters repeated)`);
console.log(`Machine: ${(await import("node:os")).availableParallelism()} cores, load average ${(await import("node:os")).loadavg().map((l) => l.toFixed(1)).join(" ")}\n`);

const rows: { what: string; seconds: number; cpu?: number; note?: string }[] = [];
const measure = async <T>(what: string, fn: () => Promise<T>, note?: (result: T) => string): Promise<T> => {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = await fn();
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  rows.push({ what, seconds, cpu: (used.user + used.system) / 1e6, note: note?.(result) });
  console.log(`${what.padEnd(58)} ${seconds.toFixed(2).padStart(6)} s   cpu ${((used.user + used.system) / 1e6).toFixed(2).padStart(6)} s   ${note?.(result) ?? ""}`);
  return result;
};
const stats = () => ({ converted: 0, reused: 0 });
const statsNote = (s: { converted: number; reused: number }) => `${s.converted} converted, ${s.reused} reused`;

// ── EPUB ──────────────────────────────────────────────────────────────────────────────────────
const cold = stats();
let epub = await measure("EPUB cold (fresh process, nothing cached)", () => renderEpub(book, undefined, cold), () => statsNote(cold));
const warm = stats();
await measure("EPUB warm (same book again)", () => renderEpub(book, undefined, warm), () => statsNote(warm));
const changed = stats();
await measure("EPUB after one chapter changed", () => renderEpub(changeOneChapter(book, 1), undefined, changed), () => statsNote(changed));
// Every chapter converted again by pandoc instances that are warm: what an export of a book
// whose chapters all changed costs once the server has been running a while.
for (let round = 1; round <= 3; round++) {
  forgetSingleton("epub-chapter-cache");
  forgetSingleton("epub-zip-entries");
  const uncached = stats();
  epub = await measure(`EPUB, every chapter converted again (round ${round})`, () => renderEpub(book, undefined, uncached), () => statsNote(uncached));
}
const epubPath = path.join(dir, "book.epub");
writeFileSync(epubPath, epub);
const changedAgain = stats();
await measure("EPUB after one chapter changed (warm pandoc)", () => renderEpub(changeOneChapter(book, 2), undefined, changedAgain), () => statsNote(changedAgain));
console.log(`EPUB size ${(epub.length / 1024).toFixed(0)} kB; peak RSS of this process so far ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (both pandoc-wasm workers included)\n`);

// ── native pandoc, same content ───────────────────────────────────────────────────────────────
const nativePandoc = "/usr/bin/pandoc";
if (!existsSync(nativePandoc)) {
  console.log("Native pandoc is not installed: install it with `sudo apt-get install -y pandoc` to compare (skipped).\n");
} else {
  const version = execFileSync(nativePandoc, ["--version"], { encoding: "utf8" }).split("\n")[0];
  // The same Pandoc AST, whole book in one document, with the API version of Debian's pandoc
  // (its pandoc-types is 1.22; the parts of the AST Kapittel writes are the same in both).
  const nativeApi = (JSON.parse(execFileSync(nativePandoc, ["-f", "markdown", "-t", "json"], { input: "x", encoding: "utf8" })) as { "pandoc-api-version": number[] })["pandoc-api-version"];
  const labels = epubLabels(book.book.language);
  const blocks = book.parts.flatMap((part) => [
    { t: "Header", c: [1, ["", [], []], [{ t: "Str", c: part.title }]] },
    ...part.chapters.flatMap((chapter) => chapterBlocks(chapter, { labels, tools: book.tools, imagePath: () => null })),
  ]);
  const jsonFile = path.join(dir, "book.json");
  writeFileSync(jsonFile, JSON.stringify({ "pandoc-api-version": nativeApi, meta: { title: { t: "MetaInlines", c: [{ t: "Str", c: book.book.title }] }, lang: { t: "MetaInlines", c: [{ t: "Str", c: "nl" }] } }, blocks }));
  const htmlFile = path.join(dir, "book.html");
  writeFileSync(htmlFile, `<html lang="nl"><head><title>${book.book.title}</title></head><body>${book.parts.flatMap((part) => [`<h1>${part.title}</h1>`, ...part.chapters.map((c) => `<h1>${c.title}</h1>${proseMirrorToHtml(chapterSchema.nodeFromJSON(c.doc))}`)]).join("\n")}</body></html>`);
  const native = (what: string, input: string, from: string) => {
    const best = { seconds: Infinity, rssMb: 0, cpu: Infinity };
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      const run = spawnSync("/usr/bin/time", ["-f", "%M %U %S", nativePandoc, "-f", from, "-t", "epub3", "-o", path.join(dir, "native.epub"), input], { encoding: "utf8" });
      const seconds = (performance.now() - started) / 1000;
      if (run.status !== 0) throw new Error(`native pandoc failed: ${run.stderr}`);
      best.seconds = Math.min(best.seconds, seconds);
      const [rss, user, system] = run.stderr.trim().split("\n").at(-1)!.split(" ").map(Number);
      best.rssMb = Math.max(best.rssMb, rss! / 1024);
      best.cpu = Math.min(best.cpu, user! + system!);
    }
    rows.push({ what, seconds: best.seconds, cpu: best.cpu });
    console.log(`${what.padEnd(58)} ${best.seconds.toFixed(2).padStart(6)} s   cpu ${best.cpu.toFixed(2).padStart(6)} s   (best of 3; peak RSS ${best.rssMb.toFixed(0)} MB)`);
    return best.seconds;
  };
  console.log(version);
  const nativeJson = native("native pandoc, same AST (JSON) → EPUB 3", jsonFile, "json");
  native("native pandoc, chapter HTML → EPUB 3 (the naive pipeline)", htmlFile, "html");
  const seconds = (what: string) => rows.find((row) => row.what === what)!.seconds;
  const warmWhole = seconds("EPUB, every chapter converted again (round 3)");
  console.log(`\nRatio to native pandoc (same AST → EPUB, ${nativeJson.toFixed(2)} s):`);
  console.log(`  warm re-export, nothing changed          ${(seconds("EPUB warm (same book again)") / nativeJson).toFixed(2)}×   (target ≤ 2 s and ≤ 2×)`);
  console.log(`  every chapter converted, warm pandoc     ${(warmWhole / nativeJson).toFixed(2)}×`);
  console.log(`  after one chapter changed                ${seconds("EPUB after one chapter changed (warm pandoc)").toFixed(2)} s   (target ≤ 1 s)`);
  console.log(`  cold                                     ${(seconds("EPUB cold (fresh process, nothing cached)") / nativeJson).toFixed(2)}×`);
  const cpu = (what: string) => rows.find((row) => row.what === what)!.cpu!;
  console.log(`  by CPU time (fairer on a busy machine): every chapter converted ${(cpu("EPUB, every chapter converted again (round 3)") / cpu("native pandoc, same AST (JSON) → EPUB 3")).toFixed(2)}×, cold ${(cpu("EPUB cold (fresh process, nothing cached)") / cpu("native pandoc, same AST (JSON) → EPUB 3")).toFixed(2)}×\n`);

  if (args.naive) {
    // One pandoc-wasm call for the whole book, HTML in, EPUB out: the design this one replaces.
    const naivePool = new PandocPool({ size: 1, warmUp: false });
    const html = readFileSync(htmlFile, "utf8");
    // Only its HTML reader half (the worker returns text, not an EPUB file): the part this design skips.
    const naive = () => naivePool.convert({ from: "html", to: "json" }, html);
    await measure("pandoc-wasm naive: whole-book HTML reader (first call)", naive);
    await measure("pandoc-wasm naive: whole-book HTML reader (second call)", naive);
    await naivePool.close();
  }
}

// ── PDF (server/export/pdf, written alongside) ────────────────────────────────────────────────
if (existsSync(path.join(ROOT, "server/export/pdf/index.ts"))) {
  const pdf = (await import("#server/export/pdf/index.ts")) as { renderPdf: (m: Manuscript) => Promise<Uint8Array> };
  await measure("PDF cold", () => pdf.renderPdf(book), (bytes) => `${(bytes.length / 1024).toFixed(0)} kB`);
  await measure("PDF warm (same book again)", () => pdf.renderPdf(book), (bytes) => `${(bytes.length / 1024).toFixed(0)} kB   (target ≤ 5 s)`);
  await measure("PDF after one chapter changed", () => pdf.renderPdf(changeOneChapter(book, 3)));
  const compiler = (await import("#server/export/pdf/typst-compiler.ts").catch(() => null)) as { stopTypstWorker?: () => Promise<void> } | null;
  await compiler?.stopTypstWorker?.();
} else {
  console.log("server/export/pdf/index.ts does not exist yet: PDF skipped.");
}

console.log(`\nPeak RSS of this process: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
await pandocPool().close();
await db.$disconnect();
rmSync(dir, { recursive: true, force: true });

/** The demo book with its chapters repeated into `chapters` chapters of about `words / chapters` words each. */
function scaleBook(m: Manuscript, chapters: number, words: number): Manuscript {
  const sources = m.parts.flatMap((part) => part.chapters);
  const perChapter = Math.round(words / chapters);
  const scaled = Array.from({ length: chapters }, (_, i) => {
    const source = sources[i % sources.length]!;
    const content: ChapterJson[] = [];
    while (wordsIn({ type: "doc", content }) < perChapter) content.push(...(source.doc.content ?? []));
    const doc = { ...source.doc, content };
    return { ...source, id: null, slug: `${source.slug}-${i + 1}`, title: `${source.title} (${i + 1})`, doc, hash: hashDocument(doc) };
  });
  const partSize = Math.ceil(chapters / 3);
  const parts = [0, 1, 2].map((p) => ({ title: m.parts[p % m.parts.length]!.title, chapters: scaled.slice(p * partSize, (p + 1) * partSize) })).filter((part) => part.chapters.length > 0);
  return { ...m, parts };
}

function changeOneChapter(m: Manuscript, n: number): Manuscript {
  const parts = m.parts.map((part, p) =>
    p !== 0
      ? part
      : {
          ...part,
          chapters: part.chapters.map((chapter, c) => {
            if (c !== 0) return chapter;
            const doc = { ...chapter.doc, content: [{ type: "paragraph", content: [{ type: "text", text: `Een gewijzigde alinea (${n}).` }] }, ...(chapter.doc.content ?? [])] };
            return { ...chapter, doc, hash: hashDocument(doc) };
          }),
        },
  );
  return { ...m, parts };
}

function wordsIn(node: ChapterJson): number {
  return (node.text ? node.text.split(/\s+/).filter(Boolean).length : 0) + (node.content ?? []).reduce((sum, child) => sum + wordsIn(child), 0);
}

function countWords(m: Manuscript): number {
  return m.parts.reduce((sum, part) => sum + part.chapters.reduce((s, chapter) => s + wordsIn(chapter.doc), 0), 0);
}
