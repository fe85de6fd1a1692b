import { storeByHash } from "#app/models/content-store.server.ts";
import { encodeFailure, EXPORTS_FOLDER, FORMAT_LABEL, isExportFormat, publishJobEvent, type ExportFormat, type FailureReason } from "#app/models/export-jobs.server.ts";
import { isMessageKey } from "#app/common/i18n/catalogue.ts";
import { db } from "#app/utils/db.server.ts";
import { readStoredDocument } from "../../chapter-files/stored-document.ts";
import { loadEditionManuscript, loadManuscript, type Manuscript } from "../manuscript.ts";
import type { ExportProgress } from "../progress.ts";
import { progressReporter, type ProgressIntervals } from "./progress-reporter.ts";
import { rendererFor } from "./renderers.ts";

/** A job as the runner claimed it. */
export type ClaimedJob = { id: string; bookId: string; format: string; scope: string; editionId: string | null };

/** A failure with the reason people see; `cause` (the technical error) goes to the log. */
class JobFailure extends Error {
  constructor(
    readonly reason: FailureReason,
    override readonly cause?: unknown,
  ) {
    super(reason.key);
  }
}

/**
 * Runs one claimed job to its end: loads the manuscript, renders it with progress, stores the file
 * by content hash and records it (on the edition too, for an edition's first file), or records
 * why it failed. Never throws: every outcome is written to the job.
 */
export async function runJob(job: ClaimedJob, intervals: ProgressIntervals): Promise<void> {
  const reporter = progressReporter(job, intervals);
  try {
    if (!isExportFormat(job.format)) throw new Error(`Unknown export format ${job.format}`);
    const format = job.format;
    reporter.report(0, "exports.step.preparing");
    const manuscript = await manuscriptFor(job);
    if (manuscript.parts.length === 0) throw new JobFailure({ key: "exports.error.empty" });
    const bytes = await render(format, manuscript, reporter.report, job.id);
    const file = await store(format, bytes, job.id);
    await reporter.flush();
    await recordSuccess(job, format, file, bytes.byteLength);
  } catch (error) {
    await reporter.flush();
    const failure = error instanceof JobFailure ? error : new JobFailure(renderFailure(job.format, job.id), error);
    console.error(
      `[export] job ${job.id} (${job.format}, ${job.scope}, book ${job.bookId}) failed: ${failure.reason.key}`,
      failure.cause ?? "",
    );
    await recordFailure(job, failure.reason);
  }
}

async function manuscriptFor(job: ClaimedJob): Promise<Manuscript> {
  try {
    if (job.scope === "edition" && job.editionId) return await loadEditionManuscript(job.editionId);
    if (job.scope === "draft" || job.scope === "published") return await loadManuscript(job.bookId, job.scope);
    throw new Error(`Unknown export scope ${job.scope}`);
  } catch (error) {
    throw new JobFailure(await diagnoseManuscript(job), error);
  }
}

/**
 * Which chapter could not be loaded, so the reason names it: the usual cause is a stored document
 * that no longer decodes. Reads each chapter of the scope again, one at a time.
 */
async function diagnoseManuscript(job: ClaimedJob): Promise<FailureReason> {
  if (job.scope === "draft" || job.scope === "published") {
    const chapters = await db.chapter.findMany({
      where: { bookId: job.bookId, ...(job.scope === "published" ? { status: "published" } : {}) },
      orderBy: [{ part: { position: "asc" } }, { position: "asc" }],
      select: { id: true, title: true },
    });
    for (const chapter of chapters) {
      try {
        await readStoredDocument(chapter.id);
      } catch {
        return { key: "exports.error.chapterUnreadable", params: { title: chapter.title } };
      }
    }
  }
  return { key: "exports.error.manuscript", params: { job: job.id } };
}

async function render(format: ExportFormat, manuscript: Manuscript, progress: ExportProgress, jobId: string) {
  try {
    const renderer = await rendererFor(format);
    return await renderer(manuscript, progress);
  } catch (error) {
    // A renderer may throw an Error whose message is a catalogue key: a reason written for people.
    if (error instanceof Error && isMessageKey(error.message) && error.message.startsWith("exports.error.")) {
      throw new JobFailure({ key: error.message, params: { format: FORMAT_LABEL[format], job: jobId } }, error);
    }
    throw new JobFailure(renderFailure(format, jobId), error);
  }
}

function renderFailure(format: string, jobId: string): FailureReason {
  return { key: "exports.error.render", params: { format: isExportFormat(format) ? FORMAT_LABEL[format] : format, job: jobId } };
}

async function store(format: ExportFormat, bytes: Uint8Array, jobId: string): Promise<string> {
  try {
    return await storeByHash(EXPORTS_FOLDER, bytes, format);
  } catch (error) {
    throw new JobFailure({ key: "exports.error.store", params: { format: FORMAT_LABEL[format], job: jobId } }, error);
  }
}

async function recordSuccess(job: ClaimedJob, format: ExportFormat, file: string, sizeBytes: number): Promise<void> {
  const sha256 = file.slice(0, 64);
  await db.$transaction(async (tx) => {
    await tx.exportJob.update({
      where: { id: job.id },
      data: { status: "done", step: "exports.step.checking", percent: 100, finishedAt: new Date(), file, sizeBytes, sha256, error: null, leaseUntil: null },
    });
    // An edition keeps the first file made of it: a later export of the same edition never replaces it.
    if (job.scope === "edition" && job.editionId) {
      const data = format === "epub" ? { epubFile: file, epubBytes: sizeBytes, epubSha256: sha256 } : { pdfFile: file, pdfBytes: sizeBytes, pdfSha256: sha256 };
      await tx.edition.updateMany({ where: { id: job.editionId, ...(format === "epub" ? { epubFile: null } : { pdfFile: null }) }, data });
    }
  });
  publishJobEvent(job.bookId, { jobId: job.id, status: "done", step: "exports.step.checking", percent: 100 });
}

async function recordFailure(job: ClaimedJob, reason: FailureReason): Promise<void> {
  try {
    await db.exportJob.update({ where: { id: job.id }, data: { status: "failed", error: encodeFailure(reason), finishedAt: new Date(), leaseUntil: null } });
  } catch (error) {
    console.error(`[export] could not record the failure of job ${job.id}:`, error);
  }
  publishJobEvent(job.bookId, { jobId: job.id, status: "failed", step: "", percent: 0 });
}
