import { CHAPTER_STATUS_LABEL, isChapterStatus } from "#app/common/chapter-status.ts";
import { useT } from "#app/utils/root-data.ts";

const TONE: Record<string, string> = {
  draft: "bg-stone-100 text-stone-800 ring-stone-300",
  in_review: "bg-amber-50 text-amber-900 ring-amber-300",
  changes_requested: "bg-red-50 text-red-800 ring-red-300",
  approved: "bg-sky-50 text-sky-900 ring-sky-300",
  published: "bg-green-50 text-green-900 ring-green-300",
};

/** A chapter's workflow state as a labelled badge (text, not colour alone, carries the meaning). */
export function StatusBadge({ status }: { status: string }) {
  const t = useT();
  const label = isChapterStatus(status) ? t(CHAPTER_STATUS_LABEL[status]) : status;
  return (
    <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONE[status] ?? TONE.draft}`}>
      <span className="sr-only">{t("book.statusLabel")}: </span>
      {label}
    </span>
  );
}
