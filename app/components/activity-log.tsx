import { Link } from "@remix-run/react";
import { CHAPTER_STATUS_LABEL, isChapterStatus } from "#app/common/chapter-status.ts";
import type { MessageKey, Translate } from "#app/common/i18n/catalogue.ts";
import type { ActivityLogLine } from "#app/models/activity-log.server.ts";
import { useT } from "#app/utils/root-data.ts";

const text = (value: unknown): string => (typeof value === "string" ? value : "");
const count = (value: unknown): number => (typeof value === "number" && Number.isFinite(value) ? value : 0);

/** What happened, as the rest of the sentence after the person's name. */
function describe(line: ActivityLogLine, t: Translate): string {
  const label = (status: unknown) => (isChapterStatus(status) ? t(CHAPTER_STATUS_LABEL[status]) : text(status));
  const { data } = line;
  switch (line.kind) {
    case "status_changed":
      return t("workflow.activity.kind.status_changed", { from: label(data.from), to: label(data.to) });
    case "comment_added":
    case "comment_replied":
    case "comment_resolved":
    case "comment_reopened":
      return t(`workflow.activity.kind.${line.kind}` as MessageKey);
    case "suggestion_accepted":
    case "suggestion_rejected": {
      const n = count(data.count);
      if (n > 1) return t(line.kind === "suggestion_accepted" ? "workflow.activity.kind.suggestions_accepted" : "workflow.activity.kind.suggestions_rejected", { count: n });
      return t(`workflow.activity.kind.${line.kind}` as MessageKey);
    }
    case "revision_restored":
      return count(data.number) > 0
        ? t("workflow.activity.kind.revision_restored", { number: count(data.number) })
        : t("workflow.activity.kind.revision_restored_plain");
    default:
      return t("workflow.activity.kind.unknown", { kind: line.kind });
  }
}

/** The words a line quotes: the editor's message, or the text a comment or suggestion is about. */
function quoteOf(line: ActivityLogLine): string {
  return text(line.data.message) || text(line.data.quote) || text(line.data.text);
}

/** An activity log, newest first: who, when, what (and which chapter, on the book's log). */
export function ActivityLog({ lines }: { lines: ActivityLogLine[] }) {
  const t = useT();
  if (lines.length === 0) return <p className="text-stone-600">{t("workflow.activity.empty")}</p>;
  return (
    <ol className="divide-y divide-stone-200 rounded-md border border-stone-200 bg-white" data-testid="activity-log">
      {lines.map((line) => {
        const quote = quoteOf(line);
        return (
          <li key={line.id} className="px-4 py-3">
            <p>
              <span className="font-medium">{line.actor ?? t("workflow.activity.someone")}</span> {describe(line, t)}
              {line.chapter && (
                <>
                  {" "}
                  {t("workflow.activity.inChapter")} <Link to={line.chapter.href}>{line.chapter.title}</Link>
                </>
              )}
            </p>
            {quote && <blockquote className="mt-1 whitespace-pre-line border-l-4 border-stone-200 pl-3 font-serif text-stone-800">{quote}</blockquote>}
            <p className="mt-1 text-sm text-stone-600">
              <time dateTime={line.at}>{line.when}</time>
            </p>
          </li>
        );
      })}
    </ol>
  );
}
