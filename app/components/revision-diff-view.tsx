import { useT } from "#app/utils/root-data.ts";

// Added text: green and underlined; removed text: red and struck through — never colour alone.
// Whole added/removed blocks also get a bar in the margin. Colours keep 4.5:1 contrast on their
// backgrounds (green-900 on green-100, red-900 on red-100).
const INS = "bg-green-100 text-green-900 underline decoration-2 decoration-green-700 underline-offset-2";
const DEL = "bg-red-100 text-red-900 line-through decoration-2 decoration-red-700";
const DIFF_STYLES = [
  "[&_ins]:bg-green-100 [&_ins]:text-green-900 [&_ins]:underline [&_ins]:decoration-2 [&_ins]:decoration-green-700 [&_ins]:underline-offset-2",
  "[&_del]:bg-red-100 [&_del]:text-red-900 [&_del]:line-through [&_del]:decoration-2 [&_del]:decoration-red-700",
  // A replaced word: a little air between the old and the new one.
  "[&_del+ins]:ml-0.5",
  "[&_.diff-added]:border-l-4 [&_.diff-added]:border-green-700 [&_.diff-added]:pl-3",
  "[&_.diff-removed]:border-l-4 [&_.diff-removed]:border-dashed [&_.diff-removed]:border-red-700 [&_.diff-removed]:pl-3",
].join(" ");

/** The legend of the diff marks, with the same styles as the text below it. */
export function RevisionDiffLegend() {
  const t = useT();
  return (
    <section aria-labelledby="diff-legend" className="rounded-md border border-stone-200 bg-white px-4 py-3 text-sm">
      <h2 id="diff-legend" className="font-semibold">
        {t("revisions.compare.legend")}
      </h2>
      <ul className="mt-2 space-y-1">
        <li>
          <ins className={INS}>{t("revisions.compare.sampleInserted")}</ins> — {t("revisions.compare.legendInserted")}
        </li>
        <li>
          <del className={DEL}>{t("revisions.compare.sampleDeleted")}</del> — {t("revisions.compare.legendDeleted")}
        </li>
        <li className="text-stone-700">{t("revisions.compare.legendBlock")}</li>
      </ul>
    </section>
  );
}

/** The diff HTML (from revision-diff.server.ts, sanitized there) in the book's typography. */
export function RevisionDiffContent({ html, lang }: { html: string; lang: string }) {
  const t = useT();
  return (
    <section aria-label={t("revisions.compare.content")} lang={lang} className={`prose-book mt-8 ${DIFF_STYLES}`}>
      <div dangerouslySetInnerHTML={{ __html: html }} />
    </section>
  );
}
