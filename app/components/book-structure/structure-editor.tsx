import {
  closestCorners,
  DndContext,
  DragOverlay,
  KeyboardSensor,
  MeasuringStrategy,
  PointerSensor,
  useSensor,
  useSensors,
  type DragEndEvent,
  type DragOverEvent,
  type DragStartEvent,
} from "@dnd-kit/core";
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { useFetcher, useRevalidator } from "@remix-run/react";
import { useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { useHydrated } from "#app/components/client-only.tsx";
import { useCsrfToken, useT } from "#app/utils/root-data.ts";
import {
  canStepChapter,
  locateChapter,
  moveChapterStep,
  moveChapterTo,
  movePartTo,
  orderOf,
  sameOrder,
  type ArrangedPart,
  type Arrangement,
} from "./arrangement.ts";
import { dragAnnouncements, parseDragKey, partKey, targetPartIndex } from "./drag-keys.ts";
import { SortablePart, type MoveControls } from "./sortable-items.tsx";

/** What the server answers to a saved order. */
export type ReorderReply = { intent: "reorder"; ok: boolean; message: string };

/**
 * The book's parts and chapters, rearranged by drag and drop (mouse, touch or keyboard, with
 * spoken announcements) or by the buttons next to each item. Every move is saved at once as the
 * book's full order; the server checks it and stores it in one transaction.
 */
export function StructureEditor({ parts, renderPartTools }: { parts: Arrangement; renderPartTools: (part: ArrangedPart) => ReactNode }) {
  const t = useT();
  const hydrated = useHydrated();
  const csrf = useCsrfToken();
  const fetcher = useFetcher<ReorderReply>({ key: "book-order" });
  const revalidator = useRevalidator();
  const [arrangement, setArrangement] = useState(parts);
  const [dragging, setDragging] = useState<{ kind: "chapter" | "part"; id: string } | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const current = useRef(arrangement);
  current.current = arrangement;
  const before = useRef<Arrangement | null>(null);
  const pendingFocus = useRef<string[] | null>(null);

  // The server's arrangement wins whenever it arrives (after a save, or after a part was added,
  // renamed or deleted), except while a save is still on its way or something is being dragged.
  useEffect(() => {
    if (fetcher.state === "idle" && !dragging) setArrangement(parts);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only new server data should reset it
  }, [parts]);

  // A refused order leaves the page showing something the server does not have: fetch the truth.
  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data && !fetcher.data.ok) revalidator.revalidate();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per answer
  }, [fetcher.state, fetcher.data]);

  // After a button moved something, its row was re-rendered elsewhere: put focus back on it.
  useEffect(() => {
    const keys = pendingFocus.current;
    pendingFocus.current = null;
    for (const key of keys ?? []) {
      const element = document.querySelector<HTMLButtonElement>(`[data-focus-key="${CSS.escape(key)}"]`);
      if (element && !element.disabled) {
        element.focus();
        break;
      }
    }
  }, [arrangement]);

  function save(next: Arrangement, message: string) {
    setArrangement(next);
    setAnnouncement(message);
    fetcher.submit({ intent: "reorder", order: JSON.stringify(orderOf(next)), csrf }, { method: "post" });
  }

  function chapterPlace(next: Arrangement, chapterId: string): string {
    const at = locateChapter(next, chapterId);
    if (!at) return "";
    const part = next[at.partIndex]!;
    return t("bookSettings.structure.chapterMoved", {
      title: part.chapters[at.index]!.title,
      position: at.index + 1,
      total: part.chapters.length,
      part: part.title,
    });
  }

  const controls: MoveControls = {
    ready: hydrated,
    dragging: dragging?.kind ?? null,
    parts: arrangement.map(({ id, title }) => ({ id, title })),
    canStepChapter: (chapterId, direction) => canStepChapter(arrangement, chapterId, direction),
    stepChapter(chapterId, direction) {
      const next = moveChapterStep(arrangement, chapterId, direction);
      pendingFocus.current = direction === -1 ? [`${chapterId}:up`, `${chapterId}:down`] : [`${chapterId}:down`, `${chapterId}:up`];
      save(next, chapterPlace(next, chapterId));
    },
    moveChapterToPart(chapterId, partId) {
      const partIndex = arrangement.findIndex((part) => part.id === partId);
      const next = moveChapterTo(arrangement, chapterId, partIndex, arrangement[partIndex]?.chapters.length ?? 0);
      pendingFocus.current = [`${chapterId}:up`, `${chapterId}:down`];
      save(next, chapterPlace(next, chapterId));
    },
    stepPart(partId, direction) {
      const index = arrangement.findIndex((part) => part.id === partId);
      const next = movePartTo(arrangement, partId, index + direction);
      pendingFocus.current = direction === -1 ? [`${partId}:up`, `${partId}:down`] : [`${partId}:down`, `${partId}:up`];
      const title = arrangement[index]?.title ?? "";
      save(next, t("bookSettings.structure.partMoved", { title, position: index + direction + 1, total: next.length }));
    },
  };

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const announcements = useMemo(() => dragAnnouncements(t, () => current.current), [t]);

  function onDragStart({ active }: DragStartEvent) {
    const key = parseDragKey(active.id);
    if (!key || key.kind === "list") return;
    before.current = current.current;
    setAnnouncement("");
    setDragging({ kind: key.kind, id: key.id });
  }

  // A chapter dragged over another part joins it at once, so the lists make room as it moves.
  function onDragOver({ active, over }: DragOverEvent) {
    const dragged = parseDragKey(active.id);
    const target = over ? parseDragKey(over.id) : null;
    if (dragged?.kind !== "chapter" || !target) return;
    setArrangement((arrangement) => {
      const from = locateChapter(arrangement, dragged.id);
      const partIndex = targetPartIndex(arrangement, target);
      if (!from || partIndex === -1 || from.partIndex === partIndex) return arrangement;
      const part = arrangement[partIndex]!;
      const index =
        target.kind === "chapter" ? part.chapters.findIndex((chapter) => chapter.id === target.id) : from.partIndex < partIndex ? 0 : part.chapters.length;
      return moveChapterTo(arrangement, dragged.id, partIndex, index);
    });
  }

  function onDragEnd({ active, over }: DragEndEvent) {
    const dragged = parseDragKey(active.id);
    const target = over ? parseDragKey(over.id) : null;
    let next = current.current;
    if (dragged && target) {
      const partIndex = targetPartIndex(next, target);
      if (dragged.kind === "part" && partIndex !== -1) next = movePartTo(next, dragged.id, partIndex);
      if (dragged.kind === "chapter" && target.kind === "chapter") {
        const to = locateChapter(next, target.id);
        const from = locateChapter(next, dragged.id);
        if (to && from && to.partIndex === from.partIndex) next = moveChapterTo(next, dragged.id, to.partIndex, to.index);
      }
    }
    setDragging(null);
    const start = before.current;
    before.current = null;
    if (start && !sameOrder(start, next)) save(next, "");
    else setArrangement(next);
  }

  function onDragCancel() {
    setDragging(null);
    if (before.current) setArrangement(before.current);
    before.current = null;
  }

  const status =
    fetcher.state !== "idle" ? t("bookSettings.structure.saving") : fetcher.data ? fetcher.data.message : "";
  const overlay = dragging && overlayTitle(arrangement, dragging);
  return (
    <div className="space-y-4">
      <p role="status" aria-live="polite" className={`min-h-6 text-sm ${fetcher.data && !fetcher.data.ok ? "font-medium text-red-700" : "text-stone-700"}`}>
        {[announcement, status].filter(Boolean).join(" ")}
      </p>
      <DndContext
        id="book-structure"
        sensors={sensors}
        collisionDetection={closestCorners}
        measuring={{ droppable: { strategy: MeasuringStrategy.Always } }}
        accessibility={{ announcements, screenReaderInstructions: { draggable: t("bookSettings.dnd.instructions") } }}
        onDragStart={onDragStart}
        onDragOver={onDragOver}
        onDragEnd={onDragEnd}
        onDragCancel={onDragCancel}
      >
        <SortableContext id="book-parts" items={arrangement.map((part) => partKey(part.id))} strategy={verticalListSortingStrategy}>
          <ol className="space-y-6" aria-label={t("bookSettings.structure.listLabel")}>
            {arrangement.map((part, index) => (
              <SortablePart key={part.id} part={part} index={index} total={arrangement.length} controls={controls} partTools={renderPartTools(part)} />
            ))}
          </ol>
        </SortableContext>
        <DragOverlay>
          {overlay ? (
            <div className="rounded-md border border-stone-300 bg-white px-4 py-2 font-medium shadow-lg">{overlay}</div>
          ) : null}
        </DragOverlay>
      </DndContext>
    </div>
  );
}

function overlayTitle(arrangement: Arrangement, dragging: { kind: "chapter" | "part"; id: string }): string {
  if (dragging.kind === "part") return arrangement.find((part) => part.id === dragging.id)?.title ?? "";
  const at = locateChapter(arrangement, dragging.id);
  return at ? arrangement[at.partIndex]!.chapters[at.index]!.title : "";
}
