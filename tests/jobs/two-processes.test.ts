import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, describe, expect, test } from "vitest";
import { queueEmail } from "#app/models/outbox.server.ts";
import { db, usesPostgresql } from "#app/utils/db.server.ts";
import { startServerProcess, type ServerProcess } from "#tests/collab/server-processes.ts";
import { clientFor, exportCast } from "#tests/exports/helpers.ts";

// Two Kapittel processes on one PostgreSQL database compete for the same background work: queued
// exports and the e-mail outbox (issue #10). Counted where it lands: the runners' start lines in
// each process's log, and the messages a real SMTP server receives. PostgreSQL only: SQLite
// serves one process (docs/decisions/022).

const received = new Map<string, number>();
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  onData(stream, session, callback) {
    stream.on("data", () => {});
    stream.on("end", () => {
      for (const to of session.envelope.rcptTo) received.set(to.address, (received.get(to.address) ?? 0) + 1);
      callback();
    });
  },
});
const processes: ServerProcess[] = [];
afterAll(async () => {
  await Promise.all(processes.map((server) => server.kill()));
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

async function until(condition: () => Promise<boolean> | boolean, what: string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.runIf(usesPostgresql())("two processes draining the same queues", () => {
  test("every export job and every e-mail is handled once, by one of them", { timeout: 150_000 }, async () => {
    await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
    const smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
    const cast = await exportCast({ published: 1, drafts: 0 });
    const recipients = Array.from({ length: 80 }, (_, index) => `lezer${index}@twee-processen.test`);
    for (const to of recipients) await queueEmail({ to, subject: "Nieuws", text: "Een bericht.", kind: "test" });

    // The senders compete from their first ticks. Exports are asked for on both processes in turn:
    // queueing wakes that process's runner, which claims the oldest queued job, whoever queued it.
    processes.push(...(await Promise.all([0, 1].map(() => startServerProcess({ SMTP_URL: smtpUrl })))));
    const editors = await Promise.all(processes.map((server) => clientFor(server.url, cast.people.editor.id)));
    for (let round = 0; round < 3; round++) {
      for (const editor of editors) {
        const response = await editor.post(`/boek/${cast.book.slug}/export`, { intent: "export", scope: "published", format: "pdf" });
        expect(response.status).toBeLessThan(400);
      }
    }
    await until(async () => (await db.exportJob.count({ where: { bookId: cast.book.id, status: { in: ["queued", "running"] } } })) === 0, "the export jobs");
    await until(() => recipients.every((to) => received.has(to)), "the e-mails");

    const jobs = await db.exportJob.findMany({ where: { bookId: cast.book.id }, select: { id: true, status: true } });
    expect(jobs.map((job) => job.status)).toEqual(Array(6).fill("done"));
    const starts = processes.flatMap((server) =>
      server
        .output()
        .split("\n")
        .filter((line) => line.includes('"export.job.started"'))
        .map((line) => JSON.parse(line) as { job: string }),
    );
    expect(starts.map((start) => start.job).sort()).toEqual(jobs.map((job) => job.id).sort());
    expect([...received.entries()].filter(([, count]) => count !== 1)).toEqual([]);
    expect(received.size).toBe(recipients.length);
    expect(await db.outboxEmail.count({ where: { to: { endsWith: "@twee-processen.test" }, sentAt: null } })).toBe(0);
  });
});
