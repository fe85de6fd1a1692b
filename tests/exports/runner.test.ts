import { describe, expect, test } from "vitest";
import { describeFailure } from "#app/models/export-jobs.server.ts";
import { translator } from "#app/common/i18n/catalogue.ts";
import { db } from "#app/utils/db.server.ts";
import { claimNextJob, failInterruptedJobs } from "#server/export/jobs/runner.ts";
import { createBook } from "#tests/factories.ts";

// No server in this file: nothing else claims the jobs these tests queue.

describe("the job queue", { timeout: 60_000 }, () => {
  test("runners claiming at the same moment each get a different job", async () => {
    const { book } = await createBook();
    await db.exportJob.createMany({ data: Array.from({ length: 10 }, () => ({ bookId: book.id, scope: "draft", format: "pdf" })) });
    // Twenty claims at once: every pair reads the same oldest job before either updates it.
    const claims = await Promise.all(Array.from({ length: 20 }, () => claimNextJob()));
    const claimed = claims.filter((job) => job !== null).map((job) => job.id);
    expect(claimed).toHaveLength(10);
    expect(new Set(claimed).size).toBe(10);
    expect(await db.exportJob.count({ where: { bookId: book.id, status: "running" } })).toBe(10);
    expect(await claimNextJob()).toBeNull();
  });

  test("jobs a crash left running are failed at start-up, with a reason to try again", async () => {
    await db.exportJob.deleteMany();
    const { book } = await createBook();
    const crashed = await db.exportJob.create({ data: { bookId: book.id, scope: "draft", format: "epub", status: "running", startedAt: new Date(), step: "exports.step.chapters", percent: 40 } });
    const queued = await db.exportJob.create({ data: { bookId: book.id, scope: "draft", format: "pdf" } });
    expect(await failInterruptedJobs()).toBe(1);
    const after = await db.exportJob.findUniqueOrThrow({ where: { id: crashed.id } });
    expect(after.status).toBe("failed");
    expect(after.finishedAt).not.toBeNull();
    expect(describeFailure(after.error, translator("nl"))).toBe("De export is onderbroken doordat de server opnieuw startte. Probeer het opnieuw.");
    expect(describeFailure(after.error, translator("en"))).toBe("The export was interrupted because the server restarted. Try again.");
    // A queued job is left for the runner.
    expect((await db.exportJob.findUniqueOrThrow({ where: { id: queued.id } })).status).toBe("queued");
  });
});
