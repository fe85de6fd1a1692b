import { isMessageKey, type MessageKey, type MessageParams, type Translate } from "#app/common/i18n/catalogue.ts";
import { hasPermission, type Role } from "#app/common/permissions.ts";
import { readByHash } from "#app/models/content-store.server.ts";
import { db, type DbTransaction } from "#app/utils/db.server.ts";
import { publish, type LiveEvent } from "#app/utils/live-events.server.ts";
import { singleton } from "#app/utils/singleton.server.ts";

/**
 * Export jobs: one row per format of one export (server/export/jobs/ runs them). This module is
 * what the app sees of them: queueing, listing, the live-event key, readable failure reasons and
 * the stored files. It holds no renderer, so the Remix bundle never loads pandoc or Typst.
 */

export const EXPORT_FORMATS = ["epub", "pdf"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const LIVE_SCOPES = ["draft", "published"] as const;
export type ExportJobScope = (typeof LIVE_SCOPES)[number] | "edition";
export type ExportJobStatus = "queued" | "running" | "done" | "failed";

export const FORMAT_LABEL: Record<ExportFormat, string> = { epub: "EPUB", pdf: "PDF" };
export const FORMAT_CONTENT_TYPE: Record<ExportFormat, string> = { epub: "application/epub+zip", pdf: "application/pdf" };

export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === "string" && (EXPORT_FORMATS as readonly string[]).includes(value);
}

/**
 * Who may export the book, freeze editions and download draft exports: editors and admins, the
 * people who may change any chapter (a partner author sees only their own chapters, and a draft
 * export would show them everyone's).
 */
export function canManageExports(role: Role | null | undefined): boolean {
  return hasPermission(role, "update:chapter:any");
}

/** The live-events key of a book's export progress (app/routes/api.books.$bookId.exports.ts). */
export function exportEventKey(bookId: string): string {
  return `book-exports:${bookId}`;
}

/** What the progress stream sends: a job's state; pages refetch anything more through the loader. */
export type ExportJobEvent = LiveEvent & {
  type: "export-job";
  jobId: string;
  status: ExportJobStatus;
  step: string;
  percent: number;
};

export function publishJobEvent(bookId: string, job: Omit<ExportJobEvent, "type">): void {
  publish(exportEventKey(bookId), { type: "export-job", ...job });
}

/**
 * The runners in this process, woken when a job is queued so none polls the database. A
 * process-wide singleton: the Remix bundle (which queues) and the server (which runs) each carry
 * their own copy of this module. A runner in another process finds the job on its slow timer.
 */
function runnerWakers(): Set<() => void> {
  return singleton("export-runner-wakers", () => new Set<() => void>());
}

/** Registers a runner's wake-up call; returns the function that unregisters it. */
export function onExportQueued(wake: () => void): () => void {
  runnerWakers().add(wake);
  return () => runnerWakers().delete(wake);
}

/** Wakes every runner in this process (after the transaction that queued jobs committed). */
export function wakeExportRunners(): void {
  for (const wake of [...runnerWakers()]) wake();
}

export type ExportRequest = {
  bookId: string;
  requestedById: string;
  formats: readonly ExportFormat[];
} & ({ scope: "draft" | "published"; editionId?: undefined } | { scope: "edition"; editionId: string });

/** Creates one queued job per format inside a transaction; the caller wakes the runners after commit. */
export async function createExportJobs(tx: DbTransaction, request: ExportRequest) {
  const jobs = [];
  for (const format of request.formats) {
    jobs.push(
      await tx.exportJob.create({
        data: {
          bookId: request.bookId,
          editionId: request.editionId ?? null,
          scope: request.scope,
          format,
          requestedById: request.requestedById,
        },
        select: { id: true, status: true },
      }),
    );
  }
  return jobs;
}

/** Queues the export (one job per format), tells open pages and wakes the runners. */
export async function queueExport(request: ExportRequest): Promise<string[]> {
  const jobs = await db.$transaction((tx) => createExportJobs(tx, request));
  announceQueued(request.bookId, jobs.map((job) => job.id));
  return jobs.map((job) => job.id);
}

/** After jobs were committed: pages show them, runners pick them up. */
export function announceQueued(bookId: string, jobIds: string[]): void {
  for (const jobId of jobIds) publishJobEvent(bookId, { jobId, status: "queued", step: "", percent: 0 });
  wakeExportRunners();
}

/** How many chapters each live scope would export now (a published export of nothing is refused). */
export async function chapterCounts(bookId: string): Promise<Record<"draft" | "published", number>> {
  const [draft, published] = await Promise.all([
    db.chapter.count({ where: { bookId } }),
    db.chapter.count({ where: { bookId, status: "published" } }),
  ]);
  return { draft, published };
}

/** The book's jobs, newest first, with what the history table shows. */
export function listExportJobs(bookId: string, limit = 50) {
  return db.exportJob.findMany({
    where: { bookId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      format: true,
      scope: true,
      status: true,
      step: true,
      percent: true,
      error: true,
      createdAt: true,
      startedAt: true,
      finishedAt: true,
      file: true,
      sizeBytes: true,
      requestedBy: { select: { name: true } },
      edition: { select: { number: true } },
    },
  });
}

export function findExportJob(jobId: string) {
  return db.exportJob.findUnique({
    where: { id: jobId },
    select: {
      id: true,
      bookId: true,
      format: true,
      scope: true,
      status: true,
      file: true,
      editionId: true,
      createdAt: true,
      book: { select: { slug: true } },
      edition: { select: { number: true } },
    },
  });
}

/**
 * Why a job failed, as a message key with parameters: stored as JSON in ExportJob.error so each
 * person reads it in their own language. Details for the administrator go to the log instead.
 */
export type FailureReason = { key: MessageKey; params?: MessageParams };

export function encodeFailure(reason: FailureReason): string {
  return JSON.stringify(reason);
}

/** A stored failure reason in words; text that is not an encoded reason is shown as it is. */
export function describeFailure(stored: string | null, t: Translate): string | null {
  if (!stored) return null;
  try {
    const parsed = JSON.parse(stored) as Partial<FailureReason>;
    if (isMessageKey(parsed.key)) return t(parsed.key, parsed.params);
  } catch {
    // not JSON: a reason written as text
  }
  return stored;
}

/** Export files: DATA_DIR/exports/<sha256>.<epub|pdf>, never served as public static files. */
export const EXPORTS_FOLDER = "exports";
const EXPORT_FILE_NAME = /^[0-9a-f]{64}\.(epub|pdf)$/;

export function readExportFile(name: string): Promise<Buffer | null> {
  return readByHash(EXPORTS_FOLDER, name, EXPORT_FILE_NAME);
}

/** "3,4 MB", "812 kB": sizes as people read them (decimal units, like file managers). */
export function formatBytes(bytes: number, locale: "nl" | "en"): string {
  const tag = locale === "nl" ? "nl-NL" : "en-GB";
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${new Intl.NumberFormat(tag, { maximumFractionDigits: 0 }).format(bytes / 1000)} kB`;
  return `${new Intl.NumberFormat(tag, { maximumFractionDigits: 1 }).format(bytes / 1_000_000)} MB`;
}

/** A file name people recognise: "ruimte-voor-iedereen-concept-2026-11-25.epub", "…-editie-2.pdf". */
export function downloadFileName(bookSlug: string, job: { scope: string; format: string; createdAt: Date; edition: { number: number } | null }): string {
  const what = job.edition ? `editie-${job.edition.number}` : `${job.scope === "draft" ? "concept" : "gepubliceerd"}-${job.createdAt.toISOString().slice(0, 10)}`;
  return `${bookSlug}-${what}.${job.format}`;
}

/** The headers of an export file sent as a download. */
export function downloadHeaders(format: ExportFormat, fileName: string, bytes: number, cacheControl: string): HeadersInit {
  return {
    "Content-Type": FORMAT_CONTENT_TYPE[format],
    "Content-Length": String(bytes),
    "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    "Cache-Control": cacheControl,
  };
}
