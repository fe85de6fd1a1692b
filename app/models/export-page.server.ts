import { parseWithZod } from "@conform-to/zod/v4";
import { z } from "zod";
import { formatDateTime } from "#app/common/format.ts";
import type { Translate } from "#app/common/i18n/catalogue.ts";
import type { Locale } from "#app/common/i18n/locales.ts";
import type { RecentExportJob } from "#app/components/export-progress.tsx";
import { findEditionOfBook, listEditions, nextEditionNumber } from "#app/models/editions.server.ts";
import {
  chapterCounts,
  describeFailure,
  EXPORT_FORMATS,
  findExportJob,
  FORMAT_LABEL,
  formatBytes,
  isExportFormat,
  listExportJobs,
  type ExportFormat,
  type ExportJobStatus,
} from "#app/models/export-jobs.server.ts";
import { db } from "#app/utils/db.server.ts";

/** Jobs that ended this recently still show as progress bars (with their download link). */
const RECENT_MS = 15 * 60 * 1000;
const RECENT_LIMIT = 6;

/** The book an export page or request is about, or null. */
export function findBookForExport(slug: string) {
  return db.book.findUnique({ where: { slug }, select: { id: true, slug: true, title: true } });
}

/**
 * Everything the export page shows, formatted on the server in the reader's language: what each
 * scope would export, the jobs running or just ended, the history and the editions with their files.
 */
export async function exportPageData(book: { id: string; slug: string }, t: Translate, locale: Locale) {
  const [counts, jobs, editions, nextNumber] = await Promise.all([
    chapterCounts(book.id),
    listExportJobs(book.id),
    listEditions(book.id),
    nextEditionNumber(book.id),
  ]);
  const now = Date.now();
  const history = jobs.map((job) => {
    const status = asStatus(job.status);
    const formatLabel = isExportFormat(job.format) ? FORMAT_LABEL[job.format] : job.format;
    const durationMs = job.startedAt && job.finishedAt ? job.finishedAt.getTime() - job.startedAt.getTime() : null;
    return {
      id: job.id,
      when: formatDateTime(job.createdAt, locale),
      who: job.requestedBy?.name ?? t("exports.history.unknownPerson"),
      scopeLabel: job.edition
        ? t("exports.scope.edition", { number: job.edition.number })
        : t(job.scope === "published" ? "exports.scope.published" : "exports.scope.draft"),
      formatLabel,
      status,
      statusLabel: t(`exports.status.${status}`),
      step: job.step,
      percent: job.percent,
      duration:
        durationMs === null
          ? ""
          : t("exports.history.seconds", { seconds: new Intl.NumberFormat(locale === "nl" ? "nl-NL" : "en-GB", { maximumFractionDigits: 1 }).format(durationMs / 1000) }),
      size: job.sizeBytes === null ? "" : formatBytes(job.sizeBytes, locale),
      downloadUrl: status === "done" && job.file ? `/boek/${book.slug}/export/${job.id}` : null,
      failure: status === "failed" ? describeFailure(job.error, t) : null,
      recent: status === "queued" || status === "running" || (job.finishedAt !== null && now - job.finishedAt.getTime() < RECENT_MS),
    };
  });
  const recent: RecentExportJob[] = history
    .filter((job) => job.recent)
    .slice(0, RECENT_LIMIT)
    .map((job) => ({
      jobId: job.id,
      status: job.status,
      step: job.step,
      percent: job.percent,
      formatLabel: job.formatLabel,
      scopeLabel: job.scopeLabel,
      downloadUrl: job.downloadUrl,
      failure: job.failure,
    }));
  return {
    chapterCounts: counts,
    nextEditionNumber: nextNumber,
    recent,
    history,
    editions: editions.map((edition) => ({
      id: edition.id,
      number: edition.number,
      frozenAt: formatDateTime(edition.frozenAt, locale),
      frozenBy: edition.frozenBy?.name ?? t("exports.history.unknownPerson"),
      note: edition.note,
      chapters: edition._count.chapters,
      files: EXPORT_FORMATS.map((format) => {
        const file = format === "epub" ? edition.epubFile : edition.pdfFile;
        const bytes = format === "epub" ? edition.epubBytes : edition.pdfBytes;
        return {
          format,
          label: FORMAT_LABEL[format],
          url: file ? `/boek/${book.slug}/edities/${edition.number}/${format}` : null,
          size: bytes === null ? null : formatBytes(bytes, locale),
          pending: edition.exportJobs.some((job) => job.format === format),
        };
      }),
    })),
  };
}

function asStatus(status: string): ExportJobStatus {
  return status === "running" || status === "done" || status === "failed" ? status : "queued";
}

const ExportSchema = z.object({
  // "draft", "published" or "edition:<id>"
  scope: z.string({ error: "form.invalidChoice" }).min(1, "form.invalidChoice"),
  format: z.enum(["epub", "pdf", "both"], { error: "form.invalidChoice" }),
});
const RetrySchema = z.object({ jobId: z.string().min(1) });
const FORMATS: Record<"epub" | "pdf" | "both", ExportFormat[]> = { epub: ["epub"], pdf: ["pdf"], both: ["epub", "pdf"] };

type Queueable = { formats: ExportFormat[] } & ({ scope: "draft" | "published" } | { scope: "edition"; editionId: string });
type Refusal = { error: "form.invalidChoice" | "exports.start.nothingToExport" | "exports.start.unknownEdition" };

/** The export the start form asks for, or why it cannot be made (a published export of nothing, say). */
export async function readExportRequest(form: FormData, bookId: string): Promise<Queueable | Refusal> {
  const submission = parseWithZod(form, { schema: ExportSchema });
  if (submission.status !== "success") return { error: "form.invalidChoice" };
  const { scope, format } = submission.value;
  const formats = FORMATS[format];
  if (scope === "draft" || scope === "published") {
    return (await chapterCounts(bookId))[scope] > 0 ? { scope, formats } : { error: "exports.start.nothingToExport" };
  }
  const edition = scope.startsWith("edition:") ? await findEditionOfBook(bookId, scope.slice("edition:".length)) : null;
  return edition ? { scope: "edition", editionId: edition.id, formats } : { error: "exports.start.unknownEdition" };
}

/** A failed job again: the same scope (or edition) and format, as a new job. */
export async function readRetryRequest(form: FormData, bookId: string): Promise<Queueable | Refusal> {
  const submission = parseWithZod(form, { schema: RetrySchema });
  if (submission.status !== "success") return { error: "form.invalidChoice" };
  const job = await findExportJob(submission.value.jobId);
  if (!job || job.bookId !== bookId || !isExportFormat(job.format)) return { error: "form.invalidChoice" };
  if (job.scope === "edition" && job.editionId) return { scope: "edition", editionId: job.editionId, formats: [job.format] };
  if (job.scope === "draft" || job.scope === "published") return { scope: job.scope, formats: [job.format] };
  return { error: "form.invalidChoice" };
}
