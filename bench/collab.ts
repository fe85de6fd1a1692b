// npm run bench:collab — keystroke-to-peer latency, CPU and memory of Kapittel's collaboration
// server against the stock y-websocket server (no auth, no persistence), measured in one run.
// Prints figures and ratios; asserts nothing.
//   --editors 200 --chapters 20 --seconds 20 --cps 3 --crowd 1000 --crowd-typists 100
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
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
  },
});
const chapters = Number(args.chapters);
const editors = Number(args.editors);
const crowd = Number(args.crowd);
const seconds = Number(args.seconds);
const cps = Number(args.cps);

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

type Figures = { p50: number; p95: number; p99: number; cpuPercent: number; peakRssMiB: number; keystrokesPerSecond: number; relayedPerSecond: number };

/** One scenario against one server process: connect, type, measure, disconnect. */
async function measure(server: Started, perRoom: number, typists: number): Promise<Figures> {
  const pid = server.child.pid!;
  const rss = watchPeakRss(pid);
  const connected = await connectEditors(server.url, server.rooms, perRoom);
  const cpuBefore = cpuSeconds(pid);
  const started = performance.now();
  const { latenciesMs, keystrokes } = await typeAndMeasure(connected, { typists, charsPerSecond: cps, durationMs: seconds * 1000 });
  const elapsed = (performance.now() - started) / 1000;
  const cpu = cpuSeconds(pid) - cpuBefore;
  const peakRssMiB = rss.stop();
  disconnectEditors(connected);
  return {
    p50: percentile(latenciesMs, 50),
    p95: percentile(latenciesMs, 95),
    p99: percentile(latenciesMs, 99),
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

console.log(`Collaboration benchmark: ${chapters} chapters, ${cps} keystrokes/s per typist, ${seconds} s of typing per scenario.`);
await scenario(`${editors} editors, all but one per chapter typing (${editors / chapters} per chapter)`, Math.ceil(editors / chapters), editors);
// --crowd 0 skips the crowd scenario (quicker runs when only the editors' figures matter).
if (crowd > 0) {
  await scenario(`${crowd} connected, ${args["crowd-typists"]} typing (${crowd / chapters} per chapter)`, Math.ceil(crowd / chapters), Number(args["crowd-typists"]));
}
