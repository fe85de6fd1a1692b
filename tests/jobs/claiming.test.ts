import { afterAll, describe, expect, test } from "vitest";
import { claimOutboxMessages, OUTBOX_LEASE_MS } from "#app/models/outbox-claim.server.ts";
import { deliverPendingEmails, MAX_DELIVERY_ATTEMPTS, queueEmail } from "#app/models/outbox.server.ts";
import { db, usesPostgresql, type Db } from "#app/utils/db.server.ts";
import { claimNextJob, failExpiredJobs, JOB_LEASE_MS, renewLease } from "#server/export/jobs/claim.ts";
import { createBook } from "#tests/factories.ts";
import { secondDbClient } from "#tests/helpers/second-db-client.ts";

// No server in this file: the only claimers are the competing workers each test starts. On
// PostgreSQL each worker has its own client (its own connections), as a separate server process
// would, so their transactions really run at the same time. On SQLite they share the app's client:
// two connections in one thread would block each other's writes (the busy wait holds the thread
// the other one needs to commit), and SQLite runs one writer at a time anyway; the workers'
// reads and guarded updates still interleave.
const created = usesPostgresql() ? [secondDbClient(), secondDbClient()] : [];
const others: Db[] = usesPostgresql() ? created : [db, db];
const workers: Db[] = [db, ...others];
afterAll(async () => {
  await Promise.all(created.map((client) => client.$disconnect()));
});

/** Lets the other workers' queries in between, as real work (rendering, SMTP) would. */
const yieldToOthers = () => new Promise((resolve) => setImmediate(resolve));

const countRuns = () => {
  const runs = new Map<string, number>();
  return { runs, record: (id: string) => runs.set(id, (runs.get(id) ?? 0) + 1) };
};

/**
 * Runs `check` while another client's transaction holds `FOR UPDATE` on the rows `lockSql` selects
 * (PostgreSQL): a claimer that waited for the lock instead of skipping it would hang in `check`.
 */
async function whileLockedElsewhere(lockSql: string, params: unknown[], check: () => Promise<void>): Promise<void> {
  let locked!: () => void;
  let release!: () => void;
  const isLocked = new Promise<void>((resolve) => (locked = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  const holder = others[0]!.$transaction(
    async (tx) => {
      await tx.$queryRawUnsafe(lockSql, ...params);
      locked();
      await released;
    },
    { timeout: 30_000 },
  );
  try {
    await isLocked;
    await check();
  } finally {
    release();
    await holder;
  }
}

describe("export jobs are claimed exactly once", () => {
  test("three workers on separate connections drain twelve queued jobs: each runs once", async () => {
    const { book } = await createBook();
    const start = Date.now();
    await db.exportJob.createMany({
      data: Array.from({ length: 12 }, (_, index) => ({ bookId: book.id, scope: "draft", format: index % 2 ? "pdf" : "epub", createdAt: new Date(start + index) })),
    });
    const { runs, record } = countRuns();
    await Promise.all(
      workers.map(async (client) => {
        for (let job = await claimNextJob(client); job; job = await claimNextJob(client)) {
          record(job.id);
          await yieldToOthers();
          await client.exportJob.update({ where: { id: job.id }, data: { status: "done", finishedAt: new Date(), leaseUntil: null } });
        }
      }),
    );
    expect(runs.size).toBe(12);
    expect([...runs.values()].every((count) => count === 1)).toBe(true);
    expect(await db.exportJob.count({ where: { bookId: book.id, status: "done" } })).toBe(12);
  });

  test("a claim is a lease: renewed while running, and a runner that died has its job failed once the lease runs out", async () => {
    const { book } = await createBook();
    await db.exportJob.create({ data: { bookId: book.id, scope: "draft", format: "pdf" } });
    const now = new Date();
    const job = (await claimNextJob(db, now))!;
    const claimed = await db.exportJob.findUniqueOrThrow({ where: { id: job.id } });
    expect(claimed.leaseUntil!.getTime()).toBe(now.getTime() + JOB_LEASE_MS);

    // Renewed a while later: not expired at the old lease's end.
    const later = new Date(now.getTime() + JOB_LEASE_MS / 2);
    expect(await renewLease(job.id, others[0], later)).toBe(true);
    expect(await failExpiredJobs([], others[0], new Date(now.getTime() + JOB_LEASE_MS + 1))).toBe(0);
    // Then the runner dies (no more renewals): after the renewed lease, two other runners look at once.
    const afterLease = new Date(later.getTime() + JOB_LEASE_MS + 1);
    const failed = await Promise.all(others.map((client) => failExpiredJobs([], client, afterLease)));
    expect(failed.sort()).toEqual([0, 1]);
    const after = await db.exportJob.findUniqueOrThrow({ where: { id: job.id } });
    expect(after).toMatchObject({ status: "failed", leaseUntil: null });
    expect(after.error).toContain("exports.error.interrupted");
    expect(await renewLease(job.id)).toBe(false);
  });

  test.runIf(usesPostgresql())("PostgreSQL: a job another runner is claiming is skipped, not waited for", async () => {
    const { book } = await createBook();
    const start = Date.now();
    const [first, second] = await Promise.all(
      [0, 1].map((index) => db.exportJob.create({ data: { bookId: book.id, scope: "draft", format: "pdf", createdAt: new Date(start + index) } })),
    );
    await whileLockedElsewhere(`SELECT "id" FROM "ExportJob" WHERE "id" = $1 FOR UPDATE`, [first!.id], async () => {
      // A runner that waited for the lock would hang here until the holder gives up.
      expect((await claimNextJob(db))?.id).toBe(second!.id);
    });
    expect((await claimNextJob(db))?.id).toBe(first!.id);
  });
});

describe("outbox messages are claimed exactly once", () => {
  test("three senders on separate connections deliver forty messages: each is sent once", async () => {
    await db.outboxEmail.deleteMany();
    for (let index = 0; index < 40; index += 1) await queueEmail({ to: `lezer${index}@claim.test`, subject: "Nieuws", text: `Bericht ${index}`, kind: "test" });
    const { runs, record } = countRuns();
    const send = async (message: { to: string }) => {
      record(message.to);
      await yieldToOthers();
    };
    const sentBy = await Promise.all(
      workers.map(async (client) => {
        let sent = 0;
        for (let round = await deliverPendingEmails(send, { client, batch: 4 }); round > 0; round = await deliverPendingEmails(send, { client, batch: 4 })) sent += round;
        return sent;
      }),
    );
    expect(sentBy.reduce((a, b) => a + b, 0)).toBe(40);
    expect(runs.size).toBe(40);
    expect([...runs.values()].every((count) => count === 1)).toBe(true);
    expect(await db.outboxEmail.count({ where: { to: { endsWith: "@claim.test" }, sentAt: null } })).toBe(0);
  });

  test("messages a sender claimed and never sent (it died) go out after the lease, once", async () => {
    await db.outboxEmail.deleteMany();
    await queueEmail({ to: "wachtend@claim.test", subject: "Uitnodiging", text: "Welkom", kind: "test" });
    const now = new Date();
    expect(await claimOutboxMessages({ maxAttempts: MAX_DELIVERY_ATTEMPTS, client: others[0], now })).toHaveLength(1);
    const { runs, record } = countRuns();
    const send = async (message: { to: string }) => void record(message.to);
    // Still held: nobody sends it.
    expect(await deliverPendingEmails(send, { now: new Date(now.getTime() + OUTBOX_LEASE_MS - 1) })).toBe(0);
    // The lease ran out: two senders look at once, one sends it.
    const afterLease = new Date(now.getTime() + OUTBOX_LEASE_MS + 1);
    const sent = await Promise.all(others.map((client) => deliverPendingEmails(send, { client, now: afterLease })));
    expect(sent.sort()).toEqual([0, 1]);
    expect(runs.get("wachtend@claim.test")).toBe(1);
    expect((await db.outboxEmail.findFirstOrThrow({ where: { to: "wachtend@claim.test" } })).sentAt).not.toBeNull();
  });

  test.runIf(usesPostgresql())("PostgreSQL: messages another sender is claiming are skipped, not waited for", async () => {
    await db.outboxEmail.deleteMany();
    const start = Date.now();
    await db.outboxEmail.createMany({
      data: ["eerste", "tweede"].map((name, index) => ({ to: `${name}@claim.test`, subject: name, text: name, kind: "test", createdAt: new Date(start + index) })),
    });
    await whileLockedElsewhere(`SELECT "id" FROM "OutboxEmail" WHERE "to" = 'eerste@claim.test' FOR UPDATE`, [], async () => {
      const claimed = await claimOutboxMessages({ maxAttempts: MAX_DELIVERY_ATTEMPTS });
      expect(claimed.map((message) => message.to)).toEqual(["tweede@claim.test"]);
    });
  });
});
