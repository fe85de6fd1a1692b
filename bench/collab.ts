// npm run bench:collab — keystroke-to-peer latency, CPU and memory of Kapittel's collaboration
// server against the stock y-websocket server (no auth, no persistence), measured in one run.
// Prints figures and ratios; asserts nothing.
//   --editors 200 --chapters 20 --seconds 20 --cps 3 --crowd 1000 --crowd-typists 100
//   --processes 2: instead, Kapittel on PostgreSQL as one process and as two processes sharing
//   Redis (half of each chapter's editors on each), with the cross-process latency beside.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { deployPostgresqlMigrations } from "../prisma/postgresql/deploy.ts";
import { startCluster, type Cluster } from "../tests/postgresql/cluster.ts";
import { startRedisServer } from "../tests/redis/server.ts";
import { cpuSeconds, watchPeakRss } from "./collab/process-stats.ts";
import { connectEditors, disconnectEditors, percentile, typeAndMeasure, type Room } from "./collab/editors.ts";

// Every stock y-websocket client in Node registers a process "exit" listener; hundreds are expected here.
process.setMaxListeners(0);

const { values: args } = parseArgs({
  options: {
    editors: { type: "string", default: "200" },
    chapters: { type: "string", default: "20" },
    seconds: { type: "string", default: "20" },
    cps: { type: "string", default: "3" },
    crowd: { type: "string", default: "1000" },
    "crowd-typists": { type: "string", default: "100" },
    processes: { type: "string", default: "1" },
  },
});
const chapters = Number(args.chapters);
const editors = Number(args.editors);
const crowd = Number(args.crowd);
const seconds = Number(args.seconds);
const cps = Number(args.cps);
const processes = Number(args.processes);
if (!Number.isInteger(processes) || processes < 1) throw new Error(`--processes must be a whole number of at least 1 (got ${args.processes})`);

type Started = { child: ChildProcess; url: string; rooms: Room[] };

/** Starts a server script as its own process (so its CPU and memory can be read) and waits for its first line. */
async function startChild(script: string, env: Record<string, string>, perRoom: number): Promise<Started> {
  // BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the servers (NODE_OPTIONS may not).
  const nodeArgs = process.env.BENCH_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, "--import", "tsx", script], {
    env: { ...process.env, ...env, BENCH_CHAPTERS: String(chapters), BENCH_EDITORS_PER_CHAPTER: String(perRoom) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  // The server logs one JSON line per connection; show anything else (warnings, errors).
  child.stderr!.on("data", (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n")) if (line.trim() && !line.startsWith("{")) console.error(`[${path.basename(script)}] ${line}`);
  });
  const line = await new Promise<string>((resolve, reject) => {
    let buffer = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      buffer += chunk;
      const newline = buffer.indexOf("\n");
      if (newline >= 0) resolve(buffer.slice(0, newline));
    });
    child.once("exit", (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  // The server logs a line per connection; drain stdout so it never blocks.
  child.stdout!.resume();
  const started = JSON.parse(line) as { url: string; chapters?: { id: string; tokens: string[] }[] };
  const rooms = started.chapters ?? Array.from({ length: chapters }, (_, i) => ({ id: `chapter-${i}` }));
  return { child, url: started.url, rooms };
}

async function stopChild(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

type Figures = {
  p50: number;
  p95: number;
  p99: number;
  /** With several processes: keystrokes whose writer and observer are on different / the same process. */
  crossP95: number;
  sameP95: number;
  cpuPercent: number;
  peakRssMiB: number;
  keystrokesPerSecond: number;
  relayedPerSecond: number;
};

/**
 * One scenario against one server process, or several sharing the chapters (each chapter's
 * editors spread over them): connect, type, measure, disconnect. CPU and memory are summed.
 */
async function measure(servers: Started | Started[], perRoom: number, typists: number): Promise<Figures> {
  const all = Array.isArray(servers) ? servers : [servers];
  const pids = all.map((server) => server.child.pid!);
  const rss = pids.map((pid) => watchPeakRss(pid));
  const connected = await connectEditors(all.map((server) => server.url), all[0]!.rooms, perRoom);
  const cpuOf = () => pids.reduce((sum, pid) => sum + cpuSeconds(pid), 0);
  const cpuBefore = cpuOf();
  const started = performance.now();
  const { latenciesMs, crossProcessMs, sameProcessMs, keystrokes } = await typeAndMeasure(connected, { typists, charsPerSecond: cps, durationMs: seconds * 1000 });
  const elapsed = (performance.now() - started) / 1000;
  const cpu = cpuOf() - cpuBefore;
  const peakRssMiB = rss.reduce((sum, watch) => sum + watch.stop(), 0);
  disconnectEditors(connected);
  return {
    p50: percentile(latenciesMs, 50),
    p95: percentile(latenciesMs, 95),
    p99: percentile(latenciesMs, 99),
    crossP95: percentile(crossProcessMs, 95),
    sameP95: percentile(sameProcessMs, 95),
    cpuPercent: (cpu / elapsed) * 100,
    peakRssMiB,
    keystrokesPerSecond: keystrokes / seconds,
    relayedPerSecond: (keystrokes * (perRoom - 1)) / seconds,
  };
}

function report(title: string, kapittel: Figures, baseline: Figures): void {
  const rows: [string, keyof Figures, number][] = [
    ["latency p50 (ms)", "p50", 1],
    ["latency p95 (ms)", "p95", 1],
    ["latency p99 (ms)", "p99", 1],
    ["server CPU (% of one core)", "cpuPercent", 0],
    ["server peak RSS (MiB)", "peakRssMiB", 0],
    ["keystrokes/s sent", "keystrokesPerSecond", 0],
    ["updates/s relayed", "relayedPerSecond", 0],
  ];
  console.log(`\n${title}`);
  console.log(`${"".padEnd(28)}${"Kapittel".padStart(12)}${"baseline".padStart(12)}${"ratio".padStart(9)}`);
  for (const [label, key, digits] of rows) {
    const ratio = kapittel[key] / baseline[key];
    console.log(`${label.padEnd(28)}${kapittel[key].toFixed(digits).padStart(12)}${baseline[key].toFixed(digits).padStart(12)}${ratio.toFixed(2).padStart(9)}`);
  }
}

async function scenario(title: string, perRoom: number, typists: number): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), "kapittel-bench-"));
  const databaseUrl = `file:${path.join(dir, "bench.db")}`;
  execFileSync("npx", ["prisma", "migrate", "deploy"], { env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: "ignore" });
  try {
    const baselineServer = await startChild("bench/collab/baseline-server.ts", {}, perRoom);
    const baseline = await measure(baselineServer, perRoom, typists);
    await stopChild(baselineServer.child);
    const kapittelServer = await startChild(
      "bench/collab/kapittel-server.ts",
      { DATABASE_URL: databaseUrl, DATA_DIR: dir, SESSION_SECRET: "benchmark-secret-of-at-least-32-characters", NODE_ENV: "production" },
      perRoom,
    );
    const kapittel = await measure(kapittelServer, perRoom, typists);
    await stopChild(kapittelServer.child);
    report(title, kapittel, baseline);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A fresh, migrated database on the throwaway PostgreSQL. */
async function postgresqlDatabase(cluster: Cluster, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: cluster.url("postgres") });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  await deployPostgresqlMigrations(cluster.url(name));
  return cluster.url(name);
}

/**
 * --processes N: Kapittel on a throwaway PostgreSQL, once as one process and once as N processes
 * sharing a throwaway Redis, in the same run; every chapter's editors spread over the N. Prints
 * the cross-process keystroke-to-peer latency next to the one-process figure.
 */
async function severalProcesses(perRoom: number, typists: number): Promise<void> {
  const cluster = await startCluster();
  const redis = await startRedisServer();
  const dir = mkdtempSync(path.join(tmpdir(), "kapittel-bench-"));
  const env = { DATA_DIR: dir, SESSION_SECRET: "benchmark-secret-of-at-least-32-characters", NODE_ENV: "production" };
  const script = "bench/collab/kapittel-server.ts";
  try {
    const single = await startChild(script, { ...env, DATABASE_URL: await postgresqlDatabase(cluster, "bench_one") }, perRoom);
    const one = await measure(single, perRoom, typists);
    await stopChild(single.child);

    const shared = { ...env, DATABASE_URL: await postgresqlDatabase(cluster, "bench_several"), REDIS_URL: redis.url };
    const first = await startChild(script, shared, perRoom);
    const others = await Promise.all(Array.from({ length: processes - 1 }, () => startChild(script, { ...shared, BENCH_SEED: "0" }, perRoom)));
    const several = await measure([first, ...others], perRoom, typists);
    await Promise.all([first, ...others].map((server) => stopChild(server.child)));

    const rows: [string, keyof Figures, number][] = [
      ["latency p50 (ms)", "p50", 1],
      ["latency p95 (ms)", "p95", 1],
      ["latency p99 (ms)", "p99", 1],
      ["p95 same process (ms)", "sameP95", 1],
      ["p95 cross-process (ms)", "crossP95", 1],
      ["server CPU (% of one core)", "cpuPercent", 0],
      ["server peak RSS (MiB)", "peakRssMiB", 0],
      ["keystrokes/s sent", "keystrokesPerSecond", 0],
    ];
    const label = `${processes} processes`;
    console.log(`\n${perRoom * chapters} editors on PostgreSQL (${perRoom} per chapter, spread over the processes)`);
    console.log(`${"".padEnd(28)}${"1 process".padStart(12)}${label.padStart(14)}${"ratio".padStart(9)}`);
    for (const [name, key, digits] of rows) {
      const shown = (figures: Figures) => (Number.isNaN(figures[key]) ? "-" : figures[key].toFixed(digits));
      console.log(`${name.padEnd(28)}${shown(one).padStart(12)}${shown(several).padStart(14)}${(several[key] / one[key]).toFixed(2).padStart(9)}`);
    }
    console.log(`\nCross-process p95 ${several.crossP95.toFixed(1)} ms, against ${one.p95.toFixed(1)} ms in one process.`);
  } finally {
    await redis.dispose();
    await cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(`Collaboration benchmark: ${chapters} chapters, ${cps} keystrokes/s per typist, ${seconds} s of typing per scenario.`);
if (processes > 1) {
  await severalProcesses(Math.ceil(editors / chapters), editors);
  process.exit(0);
}
await scenario(`${editors} editors, all but one per chapter typing (${editors / chapters} per chapter)`, Math.ceil(editors / chapters), editors);
// --crowd 0 skips the crowd scenario (quicker runs when only the editors' figures matter).
if (crowd > 0) {
  await scenario(`${crowd} connected, ${args["crowd-typists"]} typing (${crowd / chapters} per chapter)`, Math.ceil(crowd / chapters), Number(args["crowd-typists"]));
}
