import { useRevalidator } from "@remix-run/react";
import { useEffect, useId, useState } from "react";
import { isMessageKey } from "#app/common/i18n/catalogue.ts";
import { useT } from "#app/utils/root-data.ts";

export type ExportJobState = { jobId: string; status: "queued" | "running" | "done" | "failed"; step: string; percent: number };

/** What the export page shows of one recent job. */
export type RecentExportJob = ExportJobState & {
  formatLabel: string;
  scopeLabel: string;
  downloadUrl: string | null;
  failure: string | null;
};

const STATUS_ORDER = { queued: 0, running: 1, done: 2, failed: 2 } as const;

/**
 * Follows a book's export progress over Server-Sent Events (app/routes/api.books.$bookId.exports.ts)
 * and returns the latest state per job. When a job ends, or one appears that the page does not know
 * (queued by someone else), the page's loader runs again for download links, sizes and reasons.
 */
export function useExportProgress(bookId: string, knownJobIds: readonly string[]): Map<string, ExportJobState> {
  const [states, setStates] = useState(() => new Map<string, ExportJobState>());
  const { revalidate } = useRevalidator();
  const known = knownJobIds.join(" ");
  useEffect(() => {
    const source = new EventSource(`/api/books/${encodeURIComponent(bookId)}/exports`);
    const knownIds = new Set(known.split(" "));
    source.onmessage = (message: MessageEvent<string>) => {
      let event: Partial<ExportJobState> & { type?: string };
      try {
        event = JSON.parse(message.data) as typeof event;
      } catch {
        return;
      }
      if (event.type !== "export-job" || typeof event.jobId !== "string" || !event.status) return;
      const state: ExportJobState = { jobId: event.jobId, status: event.status, step: event.step ?? "", percent: event.percent ?? 0 };
      setStates((previous) => new Map(previous).set(state.jobId, state));
      if (state.status === "done" || state.status === "failed" || !knownIds.has(state.jobId)) revalidate();
    };
    return () => source.close();
  }, [bookId, known, revalidate]);
  return states;
}

/** The later of two states of a job (events may arrive before or after the loader's data). */
export function laterState(fromLoader: ExportJobState, live: ExportJobState | undefined): ExportJobState {
  if (!live) return fromLoader;
  const order = STATUS_ORDER[live.status] - STATUS_ORDER[fromLoader.status];
  if (order !== 0) return order > 0 ? live : fromLoader;
  return live.percent >= fromLoader.percent ? live : fromLoader;
}

/**
 * One job's progress: a native <progress> named by its label, the step and state as text that
 * screen readers hear when it changes (not every percent: that would drown everything else), and
 * the download link or the reason it failed once it ended.
 */
export function ExportProgress({ job, state }: { job: RecentExportJob; state: ExportJobState }) {
  const t = useT();
  const labelId = useId();
  const stepLabel = isMessageKey(state.step) ? t(state.step) : "";
  const statusText =
    state.status === "queued"
      ? t("exports.progress.queued")
      : state.status === "running"
        ? stepLabel || t("exports.status.running")
        : state.status === "done"
          ? t("exports.progress.done")
          : t("exports.progress.failed");
  const percent = state.status === "done" ? 100 : state.percent;
  return (
    <li className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm" data-job-id={job.jobId} data-status={state.status}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p id={labelId} className="font-medium">
          {t("exports.progress.label", { format: job.formatLabel, scope: job.scopeLabel })}
        </p>
        {state.status === "running" || state.status === "done" ? (
          <p className="text-sm tabular-nums text-stone-600">{t("exports.progress.percent", { percent })}</p>
        ) : null}
      </div>
      {/* No value while queued: an indeterminate bar says "waiting", 0% would say "stuck". */}
      <progress
        aria-labelledby={labelId}
        max={100}
        {...(state.status === "queued" ? {} : { value: percent })}
        className={`mt-2 h-3 w-full overflow-hidden rounded-full [&::-webkit-progress-bar]:bg-stone-200 ${state.status === "failed" ? "[&::-moz-progress-bar]:bg-red-700 [&::-webkit-progress-value]:bg-red-700" : "[&::-moz-progress-bar]:bg-[var(--color-accent)] [&::-webkit-progress-value]:bg-[var(--color-accent)]"}`}
      />
      <p aria-live="polite" className="mt-2 text-sm text-stone-700">
        {statusText}
      </p>
      {state.status === "done" && job.downloadUrl ? (
        <p className="mt-2">
          <a href={job.downloadUrl} download className="font-medium">
            {t("exports.progress.download", { format: job.formatLabel })}
          </a>
        </p>
      ) : null}
      {state.status === "failed" && job.failure ? <p className="mt-2 text-sm text-red-800">{job.failure}</p> : null}
    </li>
  );
}
