import { Link } from "@remix-run/react";
import { useT } from "#app/utils/root-data.ts";

type Entry = { slug: string; title: string; partTitle: string };

/** Consecutive chapters of the same part, in order (an edition stores the part's title per chapter). */
function byPart(contents: Entry[]): { title: string; chapters: Entry[] }[] {
  const parts: { title: string; chapters: Entry[] }[] = [];
  for (const entry of contents) {
    const last = parts.at(-1);
    if (last && last.title === entry.partTitle) last.chapters.push(entry);
    else parts.push({ title: entry.partTitle, chapters: [entry] });
  }
  return parts;
}

/**
 * An edition's table of contents, by part, each chapter a link to its page in that edition. On a
 * chapter page the chapter being read is marked (aria-current) instead of linked.
 */
export function EditionContents({ bookSlug, edition, contents, currentSlug, compact = false }: { bookSlug: string; edition: number; contents: Entry[]; currentSlug?: string; compact?: boolean }) {
  const t = useT();
  let number = 0;
  return (
    <ol className={compact ? "mt-3 space-y-4" : "mt-6 space-y-8"}>
      {byPart(contents).map((part, partIndex) => (
        <li key={`${partIndex}-${part.title}`}>
          <p className={compact ? "text-sm font-semibold text-stone-700" : "font-serif text-xl font-semibold"}>
            <span className="text-stone-600">{t("book.part", { number: partIndex + 1 })}</span> · {part.title}
          </p>
          <ol className={compact ? "mt-1 space-y-1" : "mt-3 space-y-2"}>
            {part.chapters.map((chapter) => {
              number += 1;
              const current = chapter.slug === currentSlug;
              return (
                <li key={chapter.slug} className="flex gap-3">
                  <span className="w-6 shrink-0 text-right tabular-nums text-stone-600">{number}</span>
                  {current ? (
                    <span aria-current="page" className="font-serif font-semibold">
                      {chapter.title} <span className="sr-only">{t("reader.chapter.current")}</span>
                    </span>
                  ) : (
                    <Link to={`/boek/${bookSlug}/editie/${edition}/${chapter.slug}`} className={compact ? "font-serif" : "font-serif text-lg"}>
                      {chapter.title}
                    </Link>
                  )}
                </li>
              );
            })}
          </ol>
        </li>
      ))}
    </ol>
  );
}
