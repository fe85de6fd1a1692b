import { encodeFailure, publishJobEvent } from "#app/models/export-jobs.server.ts";
import { db, usesPostgresql, type Db } from "#app/utils/db.server.ts";
import type { ClaimedJob } from "./run-job.ts";

/**
 * Claiming export jobs so that, with any number of runners in any number of processes, each job
 * runs once (docs/decisions/016, 019).
 *
 * PostgreSQL: the oldest queued row is selected `FOR UPDATE SKIP LOCKED` inside a transaction and
 * marked running there; a competing runner skips the locked row and takes the next one instead of
 * queueing behind it. SQLite (one writer at a time): a guarded update (`status` must still be
 * `queued`); of two runners that read the same job one changes it (count 1), the other moves on.
 *
 * A claim is a lease: `leaseUntil` is renewed while the job runs (renewLease). A running job whose
 * lease ran out lost its runner (crash, kill -9) and is failed by whichever runner looks next,
 * with "interrupted, try again", rather than run again: a job that brought a server down would
 * otherwise bring down one after the other (016).
 */

/** How long a claim holds without renewal; runners renew it every JOB_LEASE_RENEW_MS. */
export const JOB_LEASE_MS = 5 * 60_000;
export const JOB_LEASE_RENEW_MS = 60_000;

const CLAIMED = { id: true, bookId: true, format: true, scope: true, editionId: true } as const;

const claimData = (now: Date) => ({
  status: "running",
  startedAt: now,
  step: "exports.step.preparing",
  percent: 0,
  leaseUntil: new Date(now.getTime() + JOB_LEASE_MS),
});

/** Claims the oldest queued job for this runner, or returns null when none is queued. */
export function claimNextJob(client: Db = db, now = new Date()): Promise<ClaimedJob | null> {
  return usesPostgresql() ? claimSkippingLocked(client, now) : claimByGuardedUpdate(client, now);
}

async function claimSkippingLocked(client: Db, now: Date): Promise<ClaimedJob | null> {
  return client.$transaction(async (tx) => {
    const [next] = await tx.$queryRawUnsafe<{ id: string }[]>(
      `SELECT "id" FROM "ExportJob" WHERE "status" = 'queued' ORDER BY "createdAt", "id" LIMIT 1 FOR UPDATE SKIP LOCKED`,
    );
    if (!next) return null;
    return tx.exportJob.update({ where: { id: next.id }, data: claimData(now), select: CLAIMED });
  });
}

async function claimByGuardedUpdate(client: Db, now: Date): Promise<ClaimedJob | null> {
  for (;;) {
    const next = await client.exportJob.findFirst({ where: { status: "queued" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: CLAIMED });
    if (!next) return null;
    const claimed = await client.exportJob.updateMany({ where: { id: next.id, status: "queued" }, data: claimData(now) });
    if (claimed.count === 1) return next;
  }
}

/** Extends the claim of a job this runner is running (false if it is no longer running). */
export async function renewLease(jobId: string, client: Db = db, now = new Date()): Promise<boolean> {
  const renewed = await client.exportJob.updateMany({
    where: { id: jobId, status: "running" },
    data: { leaseUntil: new Date(now.getTime() + JOB_LEASE_MS) },
  });
  return renewed.count === 1;
}

/**
 * Fails running jobs whose lease ran out (their runner is gone), except the ones given (running in
 * this process). A job from before leases existed has none and counts as expired. Each is failed
 * by a guarded update, so of two runners looking at once one records and announces it.
 */
export async function failExpiredJobs(runningHere: readonly string[] = [], client: Db = db, now = new Date()): Promise<number> {
  const expired = await client.exportJob.findMany({
    where: { status: "running", id: { notIn: [...runningHere] }, OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] },
    select: { id: true, bookId: true, leaseUntil: true },
  });
  let failed = 0;
  for (const job of expired) {
    const result = await client.exportJob.updateMany({
      where: { id: job.id, status: "running", leaseUntil: job.leaseUntil },
      data: { status: "failed", error: encodeFailure({ key: "exports.error.interrupted" }), finishedAt: now, leaseUntil: null },
    });
    if (result.count === 1) {
      failed += 1;
      publishJobEvent(job.bookId, { jobId: job.id, status: "failed", step: "", percent: 0 });
    }
  }
  return failed;
}
