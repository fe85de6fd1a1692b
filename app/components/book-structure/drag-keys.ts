import type { Announcements, UniqueIdentifier } from "@dnd-kit/core";
import type { Translate } from "#app/common/i18n/catalogue.ts";
import { locateChapter, type Arrangement } from "./arrangement.ts";

/**
 * dnd-kit knows draggables and drop targets only by id; these ids say what each one is:
 * `chapter:<id>`, `part:<id>` (a part, dragged by its handle) and `list:<id>` (a part's chapter
 * list, so a chapter can be dropped into an empty part).
 */
export type DragKey = { kind: "chapter" | "part" | "list"; id: string };

export const chapterKey = (id: string) => `chapter:${id}`;
export const partKey = (id: string) => `part:${id}`;
export const listKey = (id: string) => `list:${id}`;

export function parseDragKey(key: UniqueIdentifier): DragKey | null {
  const [kind, ...rest] = String(key).split(":");
  const id = rest.join(":");
  return (kind === "chapter" || kind === "part" || kind === "list") && id ? { kind, id } : null;
}

/** The part a drop target belongs to (a chapter's part, or the part itself), as an index. */
export function targetPartIndex(arrangement: Arrangement, key: DragKey): number {
  if (key.kind === "chapter") return locateChapter(arrangement, key.id)?.partIndex ?? -1;
  return arrangement.findIndex((part) => part.id === key.id);
}

/**
 * What screen readers hear while someone drags with the keyboard (or the mouse): what was
 * picked up, where it would land (position n of m, in which part) and where it landed, in the
 * page's language. `current` gives the arrangement at the moment of the event.
 */
export function dragAnnouncements(t: Translate, current: () => Arrangement): Announcements {
  const describe = (activeKey: UniqueIdentifier, overKey: UniqueIdentifier | undefined, key: "over" | "dropped" | "pickedUp") => {
    const arrangement = current();
    const active = parseDragKey(activeKey);
    const over = overKey === undefined ? active : parseDragKey(overKey);
    if (!active || !over) return undefined;
    if (active.kind === "part") {
      const title = arrangement.find((part) => part.id === active.id)?.title ?? "";
      const position = targetPartIndex(arrangement, over) + 1;
      return t(`bookSettings.dnd.part.${key}` as const, { title, position, total: arrangement.length });
    }
    const from = locateChapter(arrangement, active.id);
    const title = from ? arrangement[from.partIndex]!.chapters[from.index]!.title : "";
    const partIndex = targetPartIndex(arrangement, over);
    const part = arrangement[partIndex];
    if (!part) return undefined;
    const overIndex = over.kind === "chapter" ? part.chapters.findIndex((chapter) => chapter.id === over.id) : part.chapters.length - 1;
    const joining = from?.partIndex !== partIndex;
    const total = part.chapters.length + (joining ? 1 : 0);
    const position = Math.max(0, overIndex) + 1 + (joining && over.kind !== "chapter" ? 1 : 0);
    return t(`bookSettings.dnd.chapter.${key}` as const, { title, position: Math.min(position, total), total, part: part.title });
  };
  // Right after the pick-up dnd-kit reports the item over its own place; saying so would drown
  // out the pick-up message, so that first report is not announced.
  let justPickedUp = false;
  return {
    onDragStart: ({ active }) => {
      justPickedUp = true;
      return describe(active.id, undefined, "pickedUp");
    },
    onDragOver: ({ active, over }) => {
      const quiet = justPickedUp && over?.id === active.id;
      justPickedUp = false;
      return over && !quiet ? describe(active.id, over.id, "over") : undefined;
    },
    onDragEnd: ({ active, over }) => (over ? describe(active.id, over.id, "dropped") : t("bookSettings.dnd.cancelled")),
    onDragCancel: () => t("bookSettings.dnd.cancelled"),
  };
}
