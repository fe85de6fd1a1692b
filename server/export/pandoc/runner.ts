import { createRequire } from "node:module";
import os from "node:os";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { singleton } from "#app/utils/singleton.server.ts";
import { warmUpDocument } from "./ast.ts";

export { PANDOC_API_VERSION } from "./ast.ts";

/**
 * pandoc-wasm behind a small pool of worker threads. One pandoc-wasm instance is not re-entrant
 * (a second call while one runs would share its WASI file system), so each worker owns its own
 * instance and runs one conversion at a time; the pool hands conversions to whichever worker is
 * free. With two cores, two workers convert two chapters at once (docs/decisions/014-epub-export.md).
 *
 * The worker is evaluated from source (`eval: true`) rather than loaded from a file: the same code
 * then runs under tsx, Vitest and a Vite server bundle, none of which agree on where a worker
 * file would be. It imports pandoc-wasm by absolute URL, resolved here.
 */

export type PandocOptions = Record<string, unknown>;

const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const pandoc = import(workerData.pandocUrl);
parentPort.on("message", async ({ id, options, input }) => {
  try {
    const { convert } = await pandoc;
    const result = await convert(options, input, {});
    parentPort.postMessage({ id, stdout: result.stdout, stderr: result.stderr });
  } catch (error) {
    parentPort.postMessage({ id, error: String((error && error.stack) || error) });
  }
});
`;

type Job = { id: number; options: PandocOptions; input: string; resolve: (stdout: string) => void; reject: (error: Error) => void };
type Reply = { id: number; stdout?: string; stderr?: string; error?: string };
type PoolWorker = { worker: Worker; job: Job | null; warmUpsLeft: number };

/** How many pandoc-wasm instances run at once: one per core, at most two (each holds ~400 MB when warm). */
export const DEFAULT_PANDOC_THREADS = Math.max(1, Math.min(2, Number(process.env.KAPITTEL_PANDOC_THREADS) || os.availableParallelism()));

/**
 * A fresh pandoc-wasm instance is slow for its first few dozen conversions (~10× slower per call:
 * its heap and V8's view of it are still growing; measured in docs/decisions/014-epub-export.md),
 * so each worker converts a page of sample text this many times while it has nothing else to do.
 */
export const WARM_UP_CONVERSIONS = 40;

export class PandocPool {
  private readonly workers: PoolWorker[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private warmUpInput: string | null = null;

  constructor(private readonly options: { size?: number; warmUp?: boolean } = {}) {}

  private get size(): number {
    return this.options.size ?? DEFAULT_PANDOC_THREADS;
  }

  /** Converts `input` with the given pandoc options and returns pandoc's output. */
  convert(options: PandocOptions, input: string): Promise<string> {
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, options, input, resolve, reject });
      this.dispatch();
    });
  }

  /** Starts every worker now (and their warm-up), so the first export does not wait for them. */
  start(): void {
    while (this.workers.length < this.size) this.spawn();
    this.dispatch();
  }

  /** Stops every worker (their pandoc-wasm memory is freed); the pool starts new ones when used again. */
  async close(): Promise<void> {
    const workers = this.workers.splice(0);
    for (const entry of workers) entry.job?.reject(new Error("pandoc-wasm pool closed"));
    await Promise.all(workers.map(({ worker }) => worker.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const free = this.workers.find((entry) => entry.job === null) ?? (this.workers.length < this.size ? this.spawn() : null);
      if (!free) return;
      const job = this.queue.shift()!;
      this.run(free, job);
      // A busy worker keeps the process alive (an export is awaiting it).
      free.worker.ref();
    }
    // Nothing waiting: idle workers that are not warm yet warm up (without keeping the process alive).
    for (const entry of this.workers) {
      if (entry.job !== null || entry.warmUpsLeft <= 0) continue;
      entry.warmUpsLeft -= 1;
      this.warmUpInput ??= JSON.stringify(warmUpDocument());
      this.run(entry, { id: this.nextId++, options: { from: "json", to: "html5" }, input: this.warmUpInput, resolve: () => {}, reject: () => {} });
    }
  }

  private run(entry: PoolWorker, job: Job): void {
    entry.job = job;
    entry.worker.postMessage({ id: job.id, options: job.options, input: job.input });
  }

  private spawn(): PoolWorker {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { pandocUrl: pandocWasmUrl() } });
    const entry: PoolWorker = { worker, job: null, warmUpsLeft: this.options.warmUp === false ? 0 : WARM_UP_CONVERSIONS };
    worker.unref();
    worker.on("message", (reply: Reply) => {
      const job = entry.job;
      if (!job || job.id !== reply.id) return;
      entry.job = null;
      worker.unref();
      if (reply.error !== undefined) job.reject(new Error(`pandoc-wasm failed: ${reply.error}`));
      else if (!reply.stdout && reply.stderr) job.reject(new Error(`pandoc-wasm: ${reply.stderr.trim()}`));
      else job.resolve(reply.stdout ?? "");
      this.dispatch();
    });
    const fail = (error: Error) => {
      const index = this.workers.indexOf(entry);
      if (index >= 0) this.workers.splice(index, 1);
      entry.job?.reject(error);
      entry.job = null;
      this.dispatch();
    };
    worker.on("error", fail);
    worker.on("exit", (code) => fail(new Error(`pandoc-wasm worker stopped (exit code ${code})`)));
    this.workers.push(entry);
    return entry;
  }
}

function pandocWasmUrl(): string {
  // The "node" export of pandoc-wasm (src/index.node.js), which reads the .wasm from disk.
  return pathToFileURL(createRequire(import.meta.url).resolve("pandoc-wasm")).href;
}

/**
 * The process's shared pool: exports reuse its warm pandoc-wasm instances. A singleton on
 * globalThis, so the server and the Remix bundle (two copies of this module) share one pool.
 */
export function pandocPool(): PandocPool {
  return singleton("pandoc-pool", () => new PandocPool());
}

/**
 * Starts the pandoc-wasm workers and lets them warm up in the background. Call it when the
 * server starts, so the first export of the day is as fast as the next.
 */
export function warmUpPandoc(): void {
  pandocPool().start();
}
