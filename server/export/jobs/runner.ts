import { onExportQueued } from "#app/models/export-jobs.server.ts";
import { db } from "#app/utils/db.server.ts";
import { singleton } from "#app/utils/singleton.server.ts";
import { claimNextJob, failExpiredJobs, JOB_LEASE_RENEW_MS, renewLease } from "./claim.ts";
import type { ProgressIntervals } from "./progress-reporter.ts";
import { invalidatePages } from "#app/utils/page-cache.server.ts";
import { runJob, type ClaimedJob } from "./run-job.ts";

export { claimNextJob };

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
 * to its end (server/export/jobs/run-job.ts), renewing its lease meanwhile (claim.ts). One at a
 * time because an export already uses what the machine has (pandoc-wasm is not re-entrant; Typst
 * takes a core). Before each claim, jobs whose runner died (lease run out) are failed, with a
 * reason that says to try again.
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
    while (!stopped) {
      woken = false;
      try {
        // Before each claim: another process's runner may have died since the last look.
        await failInterruptedJobs();
      } catch (error) {
        console.error("[export] could not recover interrupted jobs:", error);
      }
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
      // Which process ran which job: for the log, and for the test that two processes never run one twice.
      console.info(JSON.stringify({ event: "export.job.started", job: job.id, format: job.format, pid: process.pid }));
      const claimed = job;
      const heartbeat = setInterval(() => {
        renewLease(claimed.id).catch((error: unknown) => console.error(`[export] could not renew the lease of job ${claimed.id}:`, error));
      }, JOB_LEASE_RENEW_MS);
      heartbeat.unref();
      try {
        await runJob(job, intervals);
      } finally {
        clearInterval(heartbeat);
        jobsRunningHere().delete(job.id);
        // An edition's EPUB or PDF may now be on its book page: readers see it at once.
        invalidatePages();
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
 * Jobs still `running` whose lease ran out and that no runner here runs were cut off by a crash or
 * a kill (here or in another process). They are failed rather than run again: a job that brought
 * the server down would otherwise do so at every start. The page offers to try again.
 */
export function failInterruptedJobs(now = new Date()): Promise<number> {
  return failExpiredJobs([...jobsRunningHere()], db, now);
}
