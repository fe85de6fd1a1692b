import { useT } from "#app/utils/root-data.ts";
import { submissionStatusLabel } from "./submission-schema.ts";

const TONE: Record<string, string> = {
  unconfirmed: "bg-stone-100 text-stone-800 ring-stone-300",
  pending: "bg-amber-50 text-amber-900 ring-amber-300",
  needs_info: "bg-sky-50 text-sky-900 ring-sky-300",
  approved: "bg-green-50 text-green-900 ring-green-300",
  rejected: "bg-red-50 text-red-800 ring-red-300",
};

/** Where a tool submission stands, as a labelled badge (the text carries the meaning, not the colour). */
export function SubmissionStatusBadge({ status }: { status: string }) {
  const t = useT();
  return (
    <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONE[status] ?? TONE.unconfirmed}`}>
      <span className="sr-only">{t("toolSubmissions.statusLabel")}: </span>
      {t(submissionStatusLabel(status))}
    </span>
  );
}
