import { afterAll, describe, expect, test } from "vitest";
import { exportEventKey } from "#app/models/export-jobs.server.ts";
import { db } from "#app/utils/db.server.ts";
import { subscribe, type LiveEvent } from "#app/utils/live-events.server.ts";
import { startServer, type KapittelServer } from "#server/app.ts";
import { createChapter } from "#tests/factories.ts";
import { expectConsoleError } from "#tests/helpers/console.ts";
import { useTestServer } from "#tests/helpers/server.ts";
import { clientFor, exportCast, jobsOf, openEventStream, sha256, waitForJob } from "./helpers.ts";

const app = useTestServer();

// Real exports (pandoc-wasm, Typst) on a busy two-core machine: minutes, not the default 30 s.
describe("export jobs", { timeout: 240_000 }, () => {
  test("a job runs to done, its progress streams live, and its file downloads", async () => {
    const cast = await exportCast({ published: 2, drafts: 1 });
    const editor = await clientFor(app.url, cast.people.editor.id);
    const stream = await openEventStream(editor, `/api/books/${cast.book.id}/exports`);
    try {
      expect(stream.response.headers.get("content-type")).toContain("text/event-stream");
      const exportPage = `/boek/${cast.book.slug}/export`;
      const posted = await editor.post(exportPage, { intent: "export", scope: "draft", format: "both" });
      expect(posted.status).toBe(302);
      const jobs = await jobsOf(cast.book.id);
      expect(jobs.map((job) => job.format).sort()).toEqual(["epub", "pdf"]);

      for (const job of jobs) {
        const done = await stream.until((event) => event.jobId === job.id && event.status === "done");
        expect(done.percent).toBe(100);
        const seen = stream.events.filter((event) => event.jobId === job.id);
        // Queued, then running through the renderer's steps, then done; the bar never goes back.
        expect(seen[0]?.status).toBe("queued");
        expect(seen.some((event) => event.status === "running" && event.step === "exports.step.chapters")).toBe(true);
        const percents = seen.filter((event) => event.status === "running").map((event) => event.percent ?? 0);
        expect(percents).toEqual([...percents].sort((a, b) => a - b));

        const stored = await waitForJob(job.id);
        expect(stored).toMatchObject({ status: "done", percent: 100, error: null });
        expect(stored.finishedAt!.getTime()).toBeGreaterThanOrEqual(stored.startedAt!.getTime());
        const download = await editor.get(`${exportPage}/${job.id}`);
        expect(download.status).toBe(200);
        expect(download.headers.get("content-type")).toBe(job.format === "epub" ? "application/epub+zip" : "application/pdf");
        expect(download.headers.get("content-disposition")).toMatch(new RegExp(`attachment; filename\\*=UTF-8''${cast.book.slug}-concept-\\d{4}-\\d\\d-\\d\\d\\.${job.format}`));
        const bytes = new Uint8Array(await download.arrayBuffer());
        expect(bytes.length).toBe(stored.sizeBytes);
        expect(sha256(bytes)).toBe(stored.sha256);
        expect(stored.file).toBe(`${stored.sha256}.${job.format}`);
        expect(Buffer.from(bytes.subarray(0, 4)).toString("latin1")).toBe(job.format === "epub" ? "PK\u0003\u0004" : "%PDF");
      }

      // The history shows who, the size and the download link.
      const { html } = await editor.page(exportPage);
      expect(html).toContain("Eva Redacteur");
      expect(html).toMatch(/\d+(,\d)? kB/);
      expect(html).toContain(`${exportPage}/${jobs[0]!.id}`);
      // Export files are not public static files.
      expect((await editor.get(`/exports/${jobs[0]!.file}`)).status).toBe(404);
    } finally {
      await stream.close();
    }
  });

  test("a book whose manuscript cannot load fails with a reason a person understands", async () => {
    expectConsoleError(/\[export\] job .* failed: exports\.error\.chapterUnreadable/);
    const cast = await exportCast({ published: 1, drafts: 0 });
    const broken = await createChapter({ bookId: cast.book.id, partId: cast.part.id, status: "draft", title: "Het beschadigde hoofdstuk" });
    // Stored live-document state that is not a Yjs update (a disk or copy error would look like this).
    await db.chapter.update({ where: { id: broken.id }, data: { docState: Buffer.from("dit is geen yjs-update") } });

    const editor = await clientFor(app.url, cast.people.editor.id);
    const exportPage = `/boek/${cast.book.slug}/export`;
    await editor.post(exportPage, { intent: "export", scope: "draft", format: "pdf" });
    const [job] = await jobsOf(cast.book.id);
    const failed = await waitForJob(job!.id);
    expect(failed.status).toBe("failed");
    expect(failed.file).toBeNull();
    const { html } = await editor.page(exportPage);
    expect(html).toContain("Het hoofdstuk ‘Het beschadigde hoofdstuk’ kon niet worden gelezen");
    expect(html).toContain("Opnieuw proberen");

    // The published chapters alone still export: the broken draft is not among them.
    await editor.post(exportPage, { intent: "export", scope: "published", format: "pdf" });
    const [published] = await jobsOf(cast.book.id);
    expect((await waitForJob(published!.id)).status).toBe("done");

    // Trying the failed one again queues a new job with the same choice (and fails the same way).
    const retried = await editor.post(exportPage, { intent: "retry", jobId: job!.id });
    expect(retried.status).toBe(302);
    const [again] = await jobsOf(cast.book.id);
    expect(again).toMatchObject({ scope: "draft", format: "pdf" });
    expect(again!.id).not.toBe(job!.id);
    expect((await waitForJob(again!.id)).status).toBe("failed");
  });

  describe("two servers on one database", () => {
    let second: KapittelServer | undefined;
    afterAll(async () => {
      await second?.close();
    });

    test("never run the same job twice", async () => {
      const cast = await exportCast({ published: 2, drafts: 0 });
      const starts = new Map<string, number>();
      let running = 0;
      let mostAtOnce = 0;
      const unsubscribe = subscribe(exportEventKey(cast.book.id), (event: LiveEvent) => {
        const jobId = String(event.jobId);
        // Each run starts with the "preparing" step; a second run of a job would start it again.
        if (event.status === "running" && event.step === "exports.step.preparing") {
          starts.set(jobId, (starts.get(jobId) ?? 0) + 1);
          running += 1;
          mostAtOnce = Math.max(mostAtOnce, running);
        }
        if (event.status === "done" || event.status === "failed") running -= 1;
      });
      try {
        const editor = await clientFor(app.url, cast.people.editor.id);
        const exportPage = `/boek/${cast.book.slug}/export`;
        for (let round = 0; round < 3; round++) {
          await editor.post(exportPage, { intent: "export", scope: "published", format: "pdf" });
        }
        // The second server's runner starts while the first one is busy and takes what is queued.
        second = await startServer({ port: 0, host: "127.0.0.1", buildDir: process.env.REMIX_BUILD_DIR ?? "build" });
        const secondEditor = await clientFor(second.url, cast.people.editor.id);
        for (let round = 0; round < 3; round++) {
          await secondEditor.post(exportPage, { intent: "export", scope: "published", format: "pdf" });
        }
        const jobs = await jobsOf(cast.book.id);
        expect(jobs).toHaveLength(6);
        for (const job of jobs) expect((await waitForJob(job.id)).status).toBe("done");
        expect([...starts.values()]).toEqual([1, 1, 1, 1, 1, 1]);
        expect(starts.size).toBe(6);
        // Both runners worked at the same time.
        expect(mostAtOnce).toBe(2);
      } finally {
        unsubscribe();
      }
    });
  });
});
