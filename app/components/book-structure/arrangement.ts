/**
 * A book's arrangement as the arrangement page holds it while someone rearranges it: parts in
 * order, each with its chapters in order. Every move is a pure function from one arrangement to
 * the next, shared by drag and drop and by the buttons, so both move things the same way.
 */

export type ArrangedChapter = { id: string; slug: string; title: string; status: string; organisations: string[] };
export type ArrangedPart = { id: string; slug: string; title: string; chapters: ArrangedChapter[] };
export type Arrangement = ArrangedPart[];

/** Where a chapter is: its part's index and its own index in that part; null if absent. */
export function locateChapter(arrangement: Arrangement, chapterId: string): { partIndex: number; index: number } | null {
  for (const [partIndex, part] of arrangement.entries()) {
    const index = part.chapters.findIndex((chapter) => chapter.id === chapterId);
    if (index !== -1) return { partIndex, index };
  }
  return null;
}

/** The chapter moved into the part at `toPartIndex`, at `toIndex` (clamped to the part's length). */
export function moveChapterTo(arrangement: Arrangement, chapterId: string, toPartIndex: number, toIndex: number): Arrangement {
  const from = locateChapter(arrangement, chapterId);
  const target = arrangement[toPartIndex];
  if (!from || !target) return arrangement;
  const chapter = arrangement[from.partIndex]!.chapters[from.index]!;
  const without = arrangement.map((part, partIndex) =>
    partIndex === from.partIndex ? { ...part, chapters: part.chapters.filter((c) => c.id !== chapterId) } : part,
  );
  const destination = without[toPartIndex]!;
  const index = Math.max(0, Math.min(toIndex, destination.chapters.length));
  return without.map((part, partIndex) =>
    partIndex === toPartIndex ? { ...part, chapters: [...part.chapters.slice(0, index), chapter, ...part.chapters.slice(index)] } : part,
  );
}

/**
 * One step up or down in reading order. At the top of a part a chapter goes to the end of the
 * part before it, at the bottom to the start of the part after it: reading order is what counts.
 */
export function moveChapterStep(arrangement: Arrangement, chapterId: string, direction: -1 | 1): Arrangement {
  const from = locateChapter(arrangement, chapterId);
  if (!from) return arrangement;
  const part = arrangement[from.partIndex]!;
  const next = from.index + direction;
  if (next >= 0 && next < part.chapters.length) return moveChapterTo(arrangement, chapterId, from.partIndex, next);
  const neighbour = from.partIndex + direction;
  if (neighbour < 0 || neighbour >= arrangement.length) return arrangement;
  return moveChapterTo(arrangement, chapterId, neighbour, direction === -1 ? arrangement[neighbour]!.chapters.length : 0);
}

/** Whether a step in that direction would move the chapter at all. */
export function canStepChapter(arrangement: Arrangement, chapterId: string, direction: -1 | 1): boolean {
  const from = locateChapter(arrangement, chapterId);
  if (!from) return false;
  if (direction === -1) return from.partIndex > 0 || from.index > 0;
  return from.partIndex < arrangement.length - 1 || from.index < arrangement[from.partIndex]!.chapters.length - 1;
}

/** The part moved to another index among the parts. */
export function movePartTo(arrangement: Arrangement, partId: string, toIndex: number): Arrangement {
  const from = arrangement.findIndex((part) => part.id === partId);
  if (from === -1 || toIndex < 0 || toIndex >= arrangement.length || toIndex === from) return arrangement;
  const result = [...arrangement];
  const [part] = result.splice(from, 1);
  result.splice(toIndex, 0, part!);
  return result;
}

/** The order the server stores: part ids, each with its chapter ids. */
export function orderOf(arrangement: Arrangement): { partId: string; chapterIds: string[] }[] {
  return arrangement.map((part) => ({ partId: part.id, chapterIds: part.chapters.map((chapter) => chapter.id) }));
}

/** Whether two arrangements put the same parts and chapters in the same places. */
export function sameOrder(a: Arrangement, b: Arrangement): boolean {
  return JSON.stringify(orderOf(a)) === JSON.stringify(orderOf(b));
}
