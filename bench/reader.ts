// npm run bench:reader — how fast readers are served: the real server (built app, its own process)
// with the demo book frozen as an edition, hit by autocannon with 50 connections for a fixed time
// on a chapter page of the current edition, on the book page, and — in the same run, as the
// yardstick — on a static file the same server serves. Visitors get those pages from the page
// cache (docs/decisions/023); the same chapter page for a signed-in reader (who never does) shows
// what rendering costs. Prints req/s, p50/p95 latency and the ratio to the static file, then the
// JavaScript a chapter page ships (raw and gzipped).
// Targets (issue #7): ≥ 500 req/s and p95 < 50 ms for a chapter page. Asserts nothing.
//   --connections 50 --seconds 10
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";

const { values: args } = parseArgs({ options: { connections: { type: "string", default: "50" }, seconds: { type: "string", default: "10" } } });
const CONNECTIONS = Number(args.connections);
const SECONDS = Number(args.seconds);
const ROOT = path.resolve(import.meta.dirname, "..");

// A database and data folder of its own, migrated, before any module reads the environment.
const dir = mkdtempSync(path.join(os.tmpdir(), "kapittel-bench-reader-"));
process.env.DATABASE_URL = `file:${path.join(dir, "kapittel.db")}`;
process.env.DATA_DIR = dir;
process.env.SESSION_SECRET ??= "bench-secret-that-is-at-least-32-characters-long";
execFileSync(path.join(ROOT, "node_modules/.bin/prisma"), ["migrate", "deploy"], { cwd: ROOT, env: process.env, stdio: "ignore" });

const { db, disconnectDb } = await import("#app/utils/db.server.ts");
const { loadDemoData } = await import("../prisma/demo-data.ts");
const { putDemoBookOnSale } = await import("../prisma/demo-edition.ts");
const { freezeEdition } = await import("#app/models/editions.server.ts");
const { scriptUrls } = await import("#tests/reader/helpers.ts");
const { startSession } = await import("#app/utils/session.server.ts");

// The demo book, every chapter published and frozen as edition 1. Its EPUB/PDF jobs are dropped:
// the server would otherwise run pandoc and Typst in the background while we measure.
await loadDemoData(db);
await db.chapter.updateMany({ data: { status: "published" } });
await putDemoBookOnSale(db);
const book = await db.book.findFirstOrThrow({ select: { id: true, slug: true } });
const editor = await db.user.findFirstOrThrow({ where: { role: "editor" }, select: { id: true } });
const frozen = await freezeEdition({ bookId: book.id, userId: editor.id, note: "Benchmark" });
if (frozen.status !== "frozen") throw new Error("nothing to freeze");
await db.exportJob.deleteMany({});
// A signed-in reader's session: their pages are rendered for them, never taken from the cache.
const reader = (await db.user.findFirst({ where: { role: "reader" }, select: { id: true } })) ?? editor;
const sessionCookie = (await startSession(new Request("http://localhost/"), reader.id)).split(";")[0]!;
const chapter = await db.editionChapter.findFirstOrThrow({ where: { editionId: frozen.editionId }, orderBy: { position: "asc" }, select: { slug: true } });
await disconnectDb();

// The server in a process of its own, as in production: the load generator does not share its event loop.
const server = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
  cwd: ROOT,
  env: { ...process.env, NODE_ENV: "production", PORT: "0", HOST: "127.0.0.1" },
  stdio: ["ignore", "pipe", "inherit"],
});
const baseUrl = await new Promise<string>((resolve, reject) => {
  let output = "";
  const deadline = setTimeout(() => reject(new Error(`the server did not start within 60 s:\n${output}`)), 60_000);
  server.stdout!.on("data", (chunk: Buffer) => {
    output += chunk.toString();
    const match = /listens on (http:\/\/[^\s]+)/.exec(output);
    if (match) {
      clearTimeout(deadline);
      resolve(match[1]!);
    }
  });
  server.once("exit", (code) => reject(new Error(`the server exited (${code}):\n${output}`)));
});

try {
  const chapterPath = `/boek/${book.slug}/editie/${frozen.number}/${chapter.slug}`;
  const bookPath = `/boek/${book.slug}`;
  const chapterHtml = await (await fetch(`${baseUrl}${chapterPath}`)).text();
  // A static file from the same server: the client entry the chapter page itself loads.
  const staticPath = new URL(scriptUrls(chapterHtml, baseUrl).find((url) => url.includes("/assets/")) ?? `${baseUrl}/favicon.svg`).pathname;
  for (const target of [chapterPath, bookPath, staticPath]) {
    const status = (await fetch(`${baseUrl}${target}`)).status;
    if (status !== 200) throw new Error(`${target} answered ${status}`);
  }
  const asReader = await fetch(`${baseUrl}${chapterPath}`, { headers: { cookie: sessionCookie } });
  if (asReader.status !== 200 || asReader.headers.has("x-page-cache")) throw new Error("the signed-in reader's chapter page is not rendered for them");

  console.log(`Machine: ${os.availableParallelism()} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")} (figures are indicative on a shared machine)`);
  console.log(`autocannon: ${CONNECTIONS} connections, ${SECONDS} s per target, after a 2 s warm-up\n`);

  const rows: { what: string; path: string; rps: number; p50: number; p95: number; errors: number }[] = [];
  const signedIn = { cookie: sessionCookie };
  for (const [what, target, headers] of [["static file", staticPath, {}], ["chapter page", chapterPath, {}], ["book page", bookPath, {}], ["signed in", chapterPath, signedIn]] as const) {
    await load(`${baseUrl}${target}`, 2, headers);
    const result = await load(`${baseUrl}${target}`, SECONDS, headers);
    rows.push({ what, path: target, ...result });
  }
  const staticRps = rows[0]!.rps;
  console.log(`${"target".padEnd(14)} ${"req/s".padStart(8)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"vs static".padStart(10)} ${"non-2xx".padStart(8)}  path`);
  for (const row of rows) {
    console.log(
      `${row.what.padEnd(14)} ${row.rps.toFixed(0).padStart(8)} ${row.p50.toFixed(1).padStart(8)} ${row.p95.toFixed(1).padStart(8)} ${`${((row.rps / staticRps) * 100).toFixed(0)}%`.padStart(10)} ${String(row.errors).padStart(8)}  ${row.path}`,
    );
  }
  const chapterRow = rows[1]!;
  console.log(`\nTarget for a chapter page: ≥ 500 req/s and p95 < 50 ms → ${chapterRow.rps >= 500 && chapterRow.p95 < 50 ? "met" : "NOT met"} (visitors, from the page cache; "signed in" is the same page rendered)`);

  // What a reader's browser downloads to run a chapter page: every module script and preload.
  const scripts = scriptUrls(chapterHtml, baseUrl);
  let raw = 0;
  let gzipped = 0;
  for (const url of scripts) {
    const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
    raw += bytes.length;
    gzipped += gzipSync(bytes).length;
  }
  const inline = [...chapterHtml.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].reduce((sum, match) => sum + Buffer.byteLength(match[1]!), 0);
  console.log(`JavaScript shipped to a chapter page: ${scripts.length} files, ${(raw / 1024).toFixed(1)} kB raw, ${(gzipped / 1024).toFixed(1)} kB gzipped; inline scripts ${(inline / 1024).toFixed(1)} kB`);
  console.log(`HTML of the chapter page: ${(Buffer.byteLength(chapterHtml) / 1024).toFixed(1)} kB raw, ${(gzipSync(chapterHtml).length / 1024).toFixed(1)} kB gzipped`);
} finally {
  server.kill("SIGTERM");
}

/** autocannon for a fixed time; latency percentiles from every response (autocannon reports no p95). */
async function load(url: string, seconds: number, headers: Record<string, string> = {}): Promise<{ rps: number; p50: number; p95: number; errors: number }> {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections: CONNECTIONS, duration: seconds, headers }, (error, done) => (error ? reject(error) : resolve(done)));
    instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? Number.NaN;
  return { rps: result.requests.average, p50: at(0.5), p95: at(0.95), errors: result.non2xx + result.errors };
}
