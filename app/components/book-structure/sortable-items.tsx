import { useDroppable } from "@dnd-kit/core";
import { SortableContext, useSortable, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { useId, useState, type ReactNode } from "react";
import { StatusBadge } from "#app/components/status-badge.tsx";
import { useT } from "#app/utils/root-data.ts";
import type { ArrangedChapter, ArrangedPart } from "./arrangement.ts";
import { chapterKey, listKey, partKey } from "./drag-keys.ts";

/** What the rows need from the arrangement editor: the moves, and whether they may run yet. */
export type MoveControls = {
  /** False until the page is interactive (and while a part is being dragged). */
  ready: boolean;
  /** Which kind of thing is being dragged, so the other kind's drop targets step aside. */
  dragging: "chapter" | "part" | null;
  parts: { id: string; title: string }[];
  canStepChapter: (chapterId: string, direction: -1 | 1) => boolean;
  stepChapter: (chapterId: string, direction: -1 | 1) => void;
  moveChapterToPart: (chapterId: string, partId: string) => void;
  stepPart: (partId: string, direction: -1 | 1) => void;
};

const buttonClass =
  "rounded-md border border-stone-300 bg-white px-2 py-1 text-sm text-stone-800 hover:bg-stone-100 disabled:cursor-not-allowed disabled:opacity-40";
const handleClass =
  "flex h-9 w-9 shrink-0 cursor-grab touch-none items-center justify-center rounded-md text-lg text-stone-500 hover:bg-stone-100 active:cursor-grabbing disabled:cursor-not-allowed";

/** Six dots: the usual sign for "drag me". The button's label says what it does. */
function GripIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 12 20" className="h-5 w-3 fill-current">
      {[3, 10, 17].flatMap((y) => [<circle key={`a${y}`} cx="3" cy={y} r="1.6" />, <circle key={`b${y}`} cx="9" cy={y} r="1.6" />])}
    </svg>
  );
}

/** One part: its handle and title, its buttons and forms, and its chapters as a sortable list. */
export function SortablePart({
  part,
  index,
  total,
  controls,
  partTools,
}: {
  part: ArrangedPart;
  index: number;
  total: number;
  controls: MoveControls;
  /** The part's own forms (rename, delete), rendered by the page. */
  partTools: ReactNode;
}) {
  const t = useT();
  const sortable = useSortable({
    id: partKey(part.id),
    disabled: { draggable: !controls.ready, droppable: controls.dragging === "chapter" },
    attributes: { roleDescription: t("bookSettings.dnd.roleDescription") },
  });
  // The list itself is a drop target only while it is empty: a chapter can then be dropped into
  // it, and otherwise the keyboard's arrow steps go from chapter to chapter, not via the list.
  const list = useDroppable({ id: listKey(part.id), disabled: controls.dragging === "part" || part.chapters.length > 0 });
  const headingId = useId();
  return (
    <li
      ref={sortable.setNodeRef}
      style={{ transform: CSS.Translate.toString(sortable.transform), transition: sortable.transition }}
      className={`rounded-lg border border-stone-200 bg-white shadow-sm ${sortable.isDragging ? "opacity-50" : ""}`}
      data-part-id={part.id}
    >
      <div className="flex flex-wrap items-center gap-2 border-b border-stone-200 p-3">
        <button
          type="button"
          ref={sortable.setActivatorNodeRef}
          {...sortable.attributes}
          {...sortable.listeners}
          aria-label={t("bookSettings.structure.dragPart", { title: part.title })}
          className={handleClass}
        >
          <GripIcon />
        </button>
        <h3 id={headingId} className="mr-auto min-w-0 text-lg font-semibold">
          <span className="block text-xs font-semibold uppercase tracking-wide text-stone-500">{t("book.part", { number: index + 1 })}</span>
          {part.title}
        </h3>
        <button
          type="button"
          className={buttonClass}
          disabled={!controls.ready || index === 0}
          onClick={() => controls.stepPart(part.id, -1)}
          data-focus-key={`${part.id}:up`}
          aria-label={t("bookSettings.structure.partUp", { title: part.title })}
        >
          <span aria-hidden="true">↑ </span>
          {t("bookSettings.structure.up")}
        </button>
        <button
          type="button"
          className={buttonClass}
          disabled={!controls.ready || index === total - 1}
          onClick={() => controls.stepPart(part.id, 1)}
          data-focus-key={`${part.id}:down`}
          aria-label={t("bookSettings.structure.partDown", { title: part.title })}
        >
          <span aria-hidden="true">↓ </span>
          {t("bookSettings.structure.down")}
        </button>
        {partTools}
      </div>
      <SortableContext id={`chapters-${part.id}`} items={part.chapters.map((chapter) => chapterKey(chapter.id))} strategy={verticalListSortingStrategy}>
        <ol ref={list.setNodeRef} className={`min-h-14 divide-y divide-stone-100 p-1 ${list.isOver ? "bg-amber-50" : ""}`}>
          {part.chapters.length === 0 ? (
            <li className="p-3 text-sm text-stone-600">{t("bookSettings.structure.emptyPart")}</li>
          ) : (
            part.chapters.map((chapter) => <SortableChapter key={chapter.id} chapter={chapter} partId={part.id} controls={controls} />)
          )}
        </ol>
      </SortableContext>
    </li>
  );
}

/** One chapter: its handle, title and state, and the buttons that move it without dragging. */
function SortableChapter({ chapter, partId, controls }: { chapter: ArrangedChapter; partId: string; controls: MoveControls }) {
  const t = useT();
  const sortable = useSortable({
    id: chapterKey(chapter.id),
    disabled: { draggable: !controls.ready, droppable: controls.dragging === "part" },
    attributes: { roleDescription: t("bookSettings.dnd.roleDescription") },
  });
  return (
    <li
      ref={sortable.setNodeRef}
      style={{ transform: CSS.Translate.toString(sortable.transform), transition: sortable.transition }}
      className={`flex flex-wrap items-center gap-2 bg-white p-2 ${sortable.isDragging ? "opacity-50" : ""}`}
      data-chapter-id={chapter.id}
    >
      <button
        type="button"
        ref={sortable.setActivatorNodeRef}
        {...sortable.attributes}
        {...sortable.listeners}
        aria-label={t("bookSettings.structure.dragChapter", { title: chapter.title })}
        className={handleClass}
      >
        <GripIcon />
      </button>
      <div className="mr-auto min-w-0 flex-1 basis-64">
        <span className="font-medium">{chapter.title}</span> <StatusBadge status={chapter.status} />
        {chapter.organisations.length > 0 && <span className="block text-sm text-stone-600">{chapter.organisations.join(", ")}</span>}
      </div>
      <button
        type="button"
        className={buttonClass}
        disabled={!controls.ready || !controls.canStepChapter(chapter.id, -1)}
        onClick={() => controls.stepChapter(chapter.id, -1)}
        data-focus-key={`${chapter.id}:up`}
        aria-label={t("bookSettings.structure.chapterUp", { title: chapter.title })}
      >
        <span aria-hidden="true">↑ </span>
        {t("bookSettings.structure.up")}
      </button>
      <button
        type="button"
        className={buttonClass}
        disabled={!controls.ready || !controls.canStepChapter(chapter.id, 1)}
        onClick={() => controls.stepChapter(chapter.id, 1)}
        data-focus-key={`${chapter.id}:down`}
        aria-label={t("bookSettings.structure.chapterDown", { title: chapter.title })}
      >
        <span aria-hidden="true">↓ </span>
        {t("bookSettings.structure.down")}
      </button>
      <MoveToPart chapter={chapter} partId={partId} controls={controls} />
    </li>
  );
}

/** "To part …": a chapter moves to the end of another part in one step. */
function MoveToPart({ chapter, partId, controls }: { chapter: ArrangedChapter; partId: string; controls: MoveControls }) {
  const t = useT();
  const selectId = useId();
  const others = controls.parts.filter((part) => part.id !== partId);
  const [target, setTarget] = useState("");
  if (others.length === 0) return null;
  const chosen = others.some((part) => part.id === target) ? target : "";
  return (
    <span className="flex items-center gap-1">
      <label htmlFor={selectId} className="sr-only">
        {t("bookSettings.structure.moveToPartLabel", { title: chapter.title })}
      </label>
      <select
        id={selectId}
        value={chosen}
        onChange={(event) => setTarget(event.target.value)}
        disabled={!controls.ready}
        className="max-w-48 rounded-md border border-stone-300 bg-white px-2 py-1 text-sm"
      >
        <option value="">{t("bookSettings.structure.moveToPartPlaceholder")}</option>
        {others.map((part) => (
          <option key={part.id} value={part.id}>
            {part.title}
          </option>
        ))}
      </select>
      <button
        type="button"
        className={buttonClass}
        disabled={!controls.ready || !chosen}
        data-focus-key={`${chapter.id}:move`}
        onClick={() => {
          controls.moveChapterToPart(chapter.id, chosen);
          setTarget("");
        }}
      >
        {t("bookSettings.structure.moveToPart")}
        <span className="sr-only"> {chapter.title}</span>
      </button>
    </span>
  );
}
