import { publishJobEvent } from "#app/models/export-jobs.server.ts";
import { db } from "#app/utils/db.server.ts";
import type { ExportProgress, ExportStep } from "../progress.ts";

export type ProgressReporter = {
  /** Hand this to the renderer. */
  report: ExportProgress;
  /** Sends what is still held back and waits for the database writes (before the final state is written). */
  flush: () => Promise<void>;
};

export type ProgressIntervals = { eventMs: number; databaseMs: number };

/**
 * Renderers report progress as often as they like (once per chapter, say); open pages get it at
 * most every `eventMs` and the database at most every `databaseMs`, always including the last
 * value (a trailing update) and at once when the step changes. The bar never moves backwards.
 * Writes are chained, so they land in order and flush() can wait for them.
 */
export function progressReporter(job: { id: string; bookId: string }, intervals: ProgressIntervals): ProgressReporter {
  let step: ExportStep | "" = "";
  let percent = 0;
  let writes: Promise<void> = Promise.resolve();
  const event = throttled(intervals.eventMs, () => publishJobEvent(job.bookId, { jobId: job.id, status: "running", step, percent }));
  const write = throttled(intervals.databaseMs, () => {
    const state = { step, percent };
    writes = writes.then(async () => {
      try {
        // Only while running: a late write must not touch a job already marked done or failed.
        await db.exportJob.updateMany({ where: { id: job.id, status: "running" }, data: state });
      } catch (error) {
        // Progress is a nicety; the job itself goes on and its end state is written separately.
        console.warn(JSON.stringify({ event: "export-job.progress-write-failed", jobId: job.id, error: String(error) }));
      }
    });
  });

  return {
    report(rawPercent, nextStep) {
      const value = Math.max(percent, Math.min(100, Math.max(0, Math.round(Number.isFinite(rawPercent) ? rawPercent : 0))));
      const stepChanged = nextStep !== step;
      if (!stepChanged && value === percent) return;
      step = nextStep;
      percent = value;
      event.call(stepChanged);
      write.call(stepChanged);
    },
    async flush() {
      event.flush();
      write.flush();
      await writes;
    },
  };
}

/** Runs `send` at most every `intervalMs`, later for the last call held back; `now` skips the wait. */
function throttled(intervalMs: number, send: () => void) {
  let lastSent = 0;
  let timer: NodeJS.Timeout | null = null;
  const fire = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    lastSent = Date.now();
    send();
  };
  return {
    call(now: boolean) {
      const wait = lastSent + intervalMs - Date.now();
      if (now || wait <= 0) return fire();
      timer ??= setTimeout(fire, wait);
    },
    flush() {
      if (timer) fire();
    },
  };
}
