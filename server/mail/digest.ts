import { sendDailyDigest, usersDueForDigest } from "#app/models/notifications.server.ts";

export type DigestScheduler = { stop: () => Promise<void> };

/** How often the server looks for digests that are due; a digest goes out at most once a day per person. */
export const DIGEST_CHECK_INTERVAL_MS = 10 * 60 * 1000;

/**
 * The daily-digest job: for every person on "daily" whose last digest is a day old (or who never
 * had one) and who has notifications not yet e-mailed, queues one e-mail in the outbox with all
 * of them. Each person is one transaction (app/models/notifications.server.ts sendDailyDigest),
 * so a crash halfway leaves the others for the next run and nobody gets a digest twice.
 * `now` is a parameter so tests can move the clock. Returns how many digests were queued.
 */
export async function runDigestJob(now: Date = new Date()): Promise<number> {
  let queued = 0;
  for (const userId of await usersDueForDigest(now)) {
    try {
      if ((await sendDailyDigest(userId, now)) > 0) queued += 1;
    } catch (error) {
      // One person's failure (say, a deleted account) must not hold back everyone else's digest.
      console.error(`[digest] digest for user ${userId} failed:`, error);
    }
  }
  return queued;
}

/**
 * Runs the digest job in the background every `intervalMs`. The timer does not keep the process
 * alive, and stop() waits for a running round so the database is not closed under it.
 */
export function startDigestScheduler({ intervalMs = DIGEST_CHECK_INTERVAL_MS } = {}): DigestScheduler {
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const timer = setInterval(() => {
    if (stopped) return;
    running = running.then(() =>
      runDigestJob().catch((error: unknown) => {
        console.error("[digest] round failed:", error);
      }),
    );
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
