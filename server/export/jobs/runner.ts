import { encodeFailure, onExportQueued, publishJobEvent } from "#app/models/export-jobs.server.ts";
import { db } from "#app/utils/db.server.ts";
import { singleton } from "#app/utils/singleton.server.ts";
import type { ProgressIntervals } from "./progress-reporter.ts";
import { runJob, type ClaimedJob } from "./run-job.ts";

export type ExportRunner = {
  /** Look for queued jobs now (queueing does this by itself in this process). */
  wake: () => void;
  /** Takes no new job, and waits for the one running to finish. */
  stop: () => Promise<void>;
};

export type ExportRunnerOptions = {
  /**
   * How often to look for queued jobs without being woken: only jobs queued by another process
   * need it (in this process queueing wakes the runner), so it can be slow.
   */
  fallbackIntervalMs?: number;
  progress?: Partial<ProgressIntervals>;
};

export const FALLBACK_INTERVAL_MS = 60_000;
const DEFAULT_PROGRESS: ProgressIntervals = { eventMs: 100, databaseMs: 500 };

/**
 * The ids of the jobs runners in this process are running. Start-up recovery leaves these alone:
 * a second server started in the same process (tests do) must not fail the first one's job.
 */
function jobsRunningHere(): Set<string> {
  return singleton("export-jobs-running", () => new Set<string>());
}

/**
 * Starts the background runner: it claims queued jobs one at a time, oldest first, and runs each
 * to its end (server/export/jobs/run-job.ts). One at a time because an export already uses what
 * the machine has (pandoc-wasm is not re-entrant; Typst takes a core). Jobs that a crash left
 * `running` are failed first, with a reason that says to try again.
 */
export function startExportRunner(options: ExportRunnerOptions = {}): ExportRunner {
  const fallbackMs = options.fallbackIntervalMs ?? FALLBACK_INTERVAL_MS;
  const intervals = { ...DEFAULT_PROGRESS, ...options.progress };
  let stopped = false;
  let woken = false;
  let sleeper: (() => void) | null = null;

  const wake = () => {
    woken = true;
    sleeper?.();
  };
  const sleep = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => done(), fallbackMs);
      // The timer must not keep a finished process (a CLI, a test) alive.
      timer.unref();
      const done = () => {
        clearTimeout(timer);
        sleeper = null;
        resolve();
      };
      sleeper = done;
      // A wake-up that came while the last job ran must not be lost.
      if (woken || stopped) done();
    });

  const unsubscribe = onExportQueued(wake);
  const loop = (async () => {
    try {
      await failInterruptedJobs();
    } catch (error) {
      console.error("[export] could not recover interrupted jobs:", error);
    }
    while (!stopped) {
      woken = false;
      let job: ClaimedJob | null = null;
      try {
        job = await claimNextJob();
      } catch (error) {
        console.error("[export] could not claim a job:", error);
      }
      if (!job) {
        await sleep();
        continue;
      }
      jobsRunningHere().add(job.id);
      try {
        await runJob(job, intervals);
      } finally {
        jobsRunningHere().delete(job.id);
      }
      woken = true; // there may be more queued
    }
  })();

  return {
    wake,
    async stop() {
      stopped = true;
      unsubscribe();
      sleeper?.();
      await loop;
    },
  };
}

/**
 * Claims the oldest queued job. The claim is a guarded update (`status` must still be `queued`),
 * so of two runners reading the same job only one changes it; the other tries the next one.
 */
export async function claimNextJob(): Promise<ClaimedJob | null> {
  for (;;) {
    const next = await db.exportJob.findFirst({
      where: { status: "queued" },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, bookId: true, format: true, scope: true, editionId: true },
    });
    if (!next) return null;
    const claimed = await db.exportJob.updateMany({
      where: { id: next.id, status: "queued" },
      data: { status: "running", startedAt: new Date(), step: "exports.step.preparing", percent: 0 },
    });
    if (claimed.count === 1) return next;
  }
}

/**
 * Jobs still `running` that no runner here runs were cut off by a crash or a kill. They are failed
 * rather than run again: a job that brought the server down would otherwise do so at every start.
 * The page offers to try again. (With several server processes on one database this would need a
 * lease per job; Kapittel runs one process, docs/decisions/001.)
 */
export async function failInterruptedJobs(): Promise<number> {
  const interrupted = await db.exportJob.findMany({
    where: { status: "running", id: { notIn: [...jobsRunningHere()] } },
    select: { id: true, bookId: true },
  });
  for (const job of interrupted) {
    const result = await db.exportJob.updateMany({
      where: { id: job.id, status: "running" },
      data: { status: "failed", error: encodeFailure({ key: "exports.error.interrupted" }), finishedAt: new Date() },
    });
    if (result.count === 1) publishJobEvent(job.bookId, { jobId: job.id, status: "failed", step: "", percent: 0 });
  }
  return interrupted.length;
}
