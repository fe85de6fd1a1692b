// npm run bench:search — full-text search over a generated knowledge platform: 1,000 tools and 200
// chapters of Dutch text in a temporary database, indexed by the real migration's triggers, then 50
// realistic Dutch queries through the real search() (counts per type, ranked page, snippets,
// permission filter). Prints index size and p50/p95 query times; asserts nothing. Target: p95 < 20 ms.
//   --tools 1000 --chapters 200 --rounds 5 --keep
//   --postgresql: the same on a throwaway PostgreSQL (tsvector twin, docs/decisions/019) instead of SQLite's FTS5
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { deployPostgresqlMigrations } from "../prisma/postgresql/deploy.ts";
import { startCluster } from "../tests/postgresql/cluster.ts";
import { generateChapter, generateTool, randomGenerator } from "./search/dutch-text.ts";
import { BENCH_QUERIES } from "./search/queries.ts";

const { values: args } = parseArgs({
  options: {
    tools: { type: "string", default: "1000" },
    chapters: { type: "string", default: "200" },
    rounds: { type: "string", default: "5" },
    // Keep the generated database (its path is printed) to look into it afterwards.
    keep: { type: "boolean", default: false },
    postgresql: { type: "boolean", default: false },
  },
});
const toolCount = Number(args.tools);
const chapterCount = Number(args.chapters);
const rounds = Number(args.rounds);

const dir = mkdtempSync(path.join(tmpdir(), "kapittel-bench-search-"));
const databaseFile = path.join(dir, "bench.db");
const onPostgresql = args.postgresql;
const cluster = onPostgresql ? await startCluster() : null;
process.env.DATA_DIR = dir;
process.env.SESSION_SECRET ??= "bench-secret-that-is-at-least-32-characters-long";
if (cluster) {
  const admin = new pg.Client({ connectionString: cluster.url("postgres") });
  await admin.connect();
  await admin.query(`CREATE DATABASE bench_search`);
  await admin.end();
  process.env.DATABASE_URL = cluster.url("bench_search");
  await deployPostgresqlMigrations(process.env.DATABASE_URL);
} else {
  process.env.DATABASE_URL = `file:${databaseFile}`;
  execFileSync("npx", ["prisma", "migrate", "deploy"], { env: process.env, stdio: "pipe" });
}

// Imported after DATABASE_URL is set: the database client connects on first use.
const { db, disconnectDb } = await import("#app/utils/db.server.ts");
const { search } = await import("#app/models/search.server.ts");

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const ms = (value: number) => `${value.toFixed(2)} ms`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

try {
  const random = randomGenerator(8);
  const organisations = await Promise.all(
    ["Gemeente Amersfoort", "Gemeente Eindhoven", "Provincie Utrecht", "Civity", "Kadaster", "TNO"].map((name, i) =>
      db.organisation.create({ data: { slug: `org-${i}`, name, kind: "municipality", description: `${name} werkt mee aan het boek.` } }),
    ),
  );
  const book = await db.book.create({ data: { slug: "bench", title: "Benchmarkboek" } });
  const part = await db.part.create({ data: { bookId: book.id, slug: "deel", title: "Deel", position: 1 } });

  // Every row goes in through Prisma, as the application writes it; the triggers index it in the same transaction.
  const started = performance.now();
  let words = 0;
  for (let i = 0; i < chapterCount; i += 20) {
    await db.$transaction(
      Array.from({ length: Math.min(20, chapterCount - i) }, (_, j) => {
        const chapter = generateChapter(random, i + j);
        words += chapter.bodyText.split(/\s+/).length;
        return db.chapter.create({
          data: {
            bookId: book.id,
            partId: part.id,
            slug: `hoofdstuk-${i + j}`,
            position: i + j,
            title: chapter.title,
            summary: chapter.summary,
            bodyText: chapter.bodyText,
            // Half the chapters are published; the rest are in the workflow (drafts for most people).
            status: (i + j) % 2 === 0 ? "published" : "draft",
            organisations: { create: [{ organisationId: organisations[(i + j) % organisations.length]!.id }] },
          },
        });
      }),
    );
  }
  const chaptersDone = performance.now();
  for (let i = 0; i < toolCount; i += 100) {
    await db.$transaction(
      Array.from({ length: Math.min(100, toolCount - i) }, (_, j) => {
        const tool = generateTool(random, i + j);
        words += tool.descriptionText.split(/\s+/).length;
        return db.tool.create({
          data: { slug: `tool-${i + j}`, name: tool.name, summary: tool.summary, descriptionHtml: tool.descriptionHtml, category: "substantive", form: "standard" },
        });
      }),
    );
  }
  const toolsDone = performance.now();
  await db.$executeRawUnsafe(onPostgresql ? `ANALYZE search_entry` : `INSERT INTO search_index(search_index) VALUES ('optimize')`);

  // SQLite: the FTS5 tables, "postings" all but the stored text; PostgreSQL: search_entry's indexes (GIN) are the postings.
  const sizes = await db.$queryRawUnsafe<{ name: string; bytes: number | bigint }[]>(
    onPostgresql
      ? `SELECT 'search_entry_content' AS name, pg_table_size('search_entry') AS bytes
         UNION ALL SELECT 'search_entry_indexes', pg_indexes_size('search_entry')
         UNION ALL SELECT 'search_word', pg_total_relation_size('search_word')`
      : `SELECT name, sum(pgsize) AS bytes FROM dbstat WHERE name LIKE 'search%' GROUP BY name ORDER BY name`,
  );
  const indexBytes = sizes.reduce((total, row) => total + Number(row.bytes), 0);
  const postings = sizes.filter((row) => !row.name.endsWith("_content")).reduce((total, row) => total + Number(row.bytes), 0);
  const vocabulary = await db.$queryRawUnsafe<{ terms: number | bigint }[]>(
    onPostgresql ? `SELECT count(*) AS terms FROM search_word` : `SELECT count(*) AS terms FROM search_vocabulary`,
  );
  const databaseBytes = onPostgresql
    ? Number((await db.$queryRawUnsafe<{ bytes: number | bigint }[]>(`SELECT pg_database_size(current_database()) AS bytes`))[0]?.bytes ?? 0)
    : statSync(databaseFile).size;

  console.log(`search benchmark (${onPostgresql ? "PostgreSQL" : "SQLite"}): ${chapterCount} chapters + ${toolCount} tools (${words.toLocaleString("en")} words), ${BENCH_QUERIES.length} queries × ${rounds} rounds`);
  console.log(`  writing with index triggers: chapters ${ms(chaptersDone - started)} (${ms((chaptersDone - started) / chapterCount)} each), tools ${ms(toolsDone - chaptersDone)} (${ms((toolsDone - chaptersDone) / toolCount)} each)`);
  console.log(`  index size: ${mb(indexBytes)} (of which postings ${mb(postings)}, stored text ${mb(indexBytes - postings)}); ${Number(vocabulary[0]?.terms ?? 0).toLocaleString("en")} distinct terms; database ${mb(databaseBytes)}`);

  const people = {
    visitor: null,
    author: { role: "author" as const, organisationIds: [organisations[0]!.id] },
    editor: { role: "editor" as const, organisationIds: [] },
  };
  for (const [who, user] of Object.entries(people)) {
    for (const query of BENCH_QUERIES) await search(query, user); // warm-up
    const times: number[] = [];
    const cpuTimes: number[] = [];
    const perQuery = new Map<string, number>();
    const modes = new Map<string, number>();
    let zero = 0;
    for (let round = 0; round < rounds; round++) {
      for (const query of BENCH_QUERIES) {
        const start = performance.now();
        const cpuStart = process.cpuUsage();
        const result = await search(query, user);
        const cpu = process.cpuUsage(cpuStart);
        const elapsed = performance.now() - start;
        times.push(elapsed);
        cpuTimes.push((cpu.user + cpu.system) / 1000);
        perQuery.set(query, Math.max(perQuery.get(query) ?? 0, elapsed));
        if (round === 0) {
          modes.set(result.mode, (modes.get(result.mode) ?? 0) + 1);
          if (result.total === 0) zero++;
        }
      }
    }
    times.sort((a, b) => a - b);
    cpuTimes.sort((a, b) => a - b);
    console.log(
      `  ${who.padEnd(8)} p50 ${ms(percentile(times, 50))}  p95 ${ms(percentile(times, 95))}  max ${ms(times.at(-1) ?? 0)}  ` +
        `| CPU p50 ${ms(percentile(cpuTimes, 50))} p95 ${ms(percentile(cpuTimes, 95))}  ` +
        `(${[...modes].map(([mode, n]) => `${n} ${mode}`).join(", ")}; ${zero} without hits)`,
    );
    if (who === "visitor") {
      const slowest = [...perQuery].sort((a, b) => b[1] - a[1]).slice(0, 5);
      console.log(`           slowest: ${slowest.map(([query, time]) => `"${query}" ${ms(time)}`).join(", ")}`);
    }
  }
  console.log(`  target: p95 < 20 ms (wall clock; CPU time is what the query costs when the machine is shared — load average now ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores)`);
} finally {
  await disconnectDb();
  if (cluster) await cluster.stop();
  if (args.keep && !cluster) console.log(`  database kept: ${databaseFile}`);
  else rmSync(dir, { recursive: true, force: true });
}
