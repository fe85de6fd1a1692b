import { useT } from "#app/utils/root-data.ts";

/** An edition as the book page lists it: sizes are null until its file has been made. */
export type EditionDownload = {
  number: number;
  frozenAt: string;
  frozenOn: string;
  note: string;
  chapters: number;
  epubSize: string | null;
  pdfSize: string | null;
};

const FORMATS = [
  { key: "epub", label: "EPUB", size: (edition: EditionDownload) => edition.epubSize },
  { key: "pdf", label: "PDF", size: (edition: EditionDownload) => edition.pdfSize },
] as const;

/** The book's editions, latest first, each with its EPUB and PDF download buttons and file sizes. */
export function EditionDownloads({ bookSlug, editions }: { bookSlug: string; editions: EditionDownload[] }) {
  const t = useT();
  if (editions.length === 0) return <p className="mt-4 text-stone-700">{t("reader.book.noEditions")}</p>;
  return (
    <ol className="mt-4 divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
      {editions.map((edition, index) => (
        <li key={edition.number} className="flex flex-wrap items-center gap-x-6 gap-y-3 p-4">
          <div className="mr-auto">
            <h3 className="font-serif text-lg font-semibold">
              {t("reader.book.editionTitle", { number: edition.number })}
              {index === 0 && <span className="ml-2 rounded bg-stone-100 px-1.5 py-0.5 align-middle font-sans text-xs font-medium text-stone-700">{t("reader.book.latest")}</span>}
            </h3>
            <p className="text-sm text-stone-700">
              <time dateTime={edition.frozenAt}>{t("reader.book.editionMeta", { date: edition.frozenOn, chapters: edition.chapters })}</time>
            </p>
            {edition.note && <p className="mt-1 text-sm text-stone-700">{edition.note}</p>}
          </div>
          <ul className="flex flex-wrap gap-2">
            {FORMATS.map((format) => {
              const size = format.size(edition);
              return (
                <li key={format.key}>
                  {size ? (
                    <a
                      href={`/boek/${bookSlug}/edities/${edition.number}/${format.key}`}
                      download
                      aria-label={t("reader.book.downloadLabel", { number: edition.number, format: format.label, size })}
                      className="inline-flex items-baseline gap-2 rounded-md border border-stone-300 px-3 py-2 text-sm font-medium text-stone-900 no-underline hover:bg-stone-100"
                    >
                      {t("reader.book.download", { format: format.label })}
                      <span className="text-xs font-normal text-stone-600">{size}</span>
                    </a>
                  ) : (
                    <span className="inline-block px-3 py-2 text-sm text-stone-600">{t("reader.book.fileInProgress", { format: format.label })}</span>
                  )}
                </li>
              );
            })}
          </ul>
        </li>
      ))}
    </ol>
  );
}
