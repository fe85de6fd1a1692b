import { selectSuggestion } from "@handlewithcare/prosemirror-suggest-changes";
import { useEditorState, type Editor } from "@tiptap/react";
import { useEffect, useRef, useState } from "react";
import type { Translate } from "#app/common/i18n/catalogue.ts";
import { colourForUser } from "../colour.ts";
import { listSuggestions, suggestionIdAt, type SuggestionSummary } from "./suggestion-list.ts";
import { decideAllSuggestions, decideSuggestion } from "./suggestion-mode.ts";

export type SuggestionPanelProps = {
  editor: Editor;
  t: Translate;
  userId: string;
  /** Accept and reject anyone's suggestion (write access). Without it, only one's own can be withdrawn. */
  canDecide: boolean;
  /** "Alles accepteren / Alles weigeren": editors and admins. */
  canDecideAll: boolean;
  /** Told after each decision, for the activity log. */
  onDecided: (decision: "accepted" | "rejected", count: number, text?: string) => void;
};

/**
 * The open suggestions of the chapter, in text order, with Accept / Reject per suggestion; the one
 * at the caret (a click or the arrow keys in the text) is highlighted and scrolled into view in the
 * list, so its buttons are at hand. Nothing here changes height when the caret moves: the panel sits
 * above the text, and a jump there would move the text under the pointer mid-click. Decisions
 * change the live document like any edit, so everyone sees them.
 */
export function SuggestionPanel({ editor, t, userId, canDecide, canDecideAll, onDecided }: SuggestionPanelProps) {
  const { suggestions, activeId } = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      suggestions: listSuggestions(e.state.doc),
      activeId: suggestionIdAt(e.state.doc, e.state.selection.from),
    }),
    equalityFn: (a, b) => a.activeId === b?.activeId && JSON.stringify(a.suggestions) === JSON.stringify(b?.suggestions),
  }) ?? { suggestions: [], activeId: null };
  const [announcement, setAnnouncement] = useState("");
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => {
    // Scroll the list itself (not the page) so the suggestion at the caret is visible.
    const container = list.current;
    const item = activeId ? container?.querySelector<HTMLElement>(`[data-suggestion-item="${CSS.escape(activeId)}"]`) : null;
    if (!container || !item) return;
    if (item.offsetTop < container.scrollTop) container.scrollTop = item.offsetTop;
    else if (item.offsetTop + item.offsetHeight > container.scrollTop + container.clientHeight) {
      container.scrollTop = item.offsetTop + item.offsetHeight - container.clientHeight;
    }
  }, [activeId]);

  const decide = (suggestion: SuggestionSummary, decision: "accept" | "reject") => {
    if (!decideSuggestion(editor, suggestion.id, decision)) return setAnnouncement(t("suggestions.gone"));
    const done = decision === "accept" ? "accepted" : "rejected";
    setAnnouncement(t(`suggestions.${done}`, { count: 1 }));
    if (canDecide) onDecided(done, 1, suggestion.inserted || suggestion.deleted);
  };
  const decideAll = (decision: "accept" | "reject") => {
    const count = suggestions.length;
    if (count === 0 || !decideAllSuggestions(editor, decision)) return;
    const done = decision === "accept" ? "accepted" : "rejected";
    setAnnouncement(t(`suggestions.${done}`, { count }));
    onDecided(done, count);
  };

  const item = (suggestion: SuggestionSummary) => (
    <SuggestionItem
      key={suggestion.id}
      suggestion={suggestion}
      t={t}
      atCaret={suggestion.id === activeId}
      canDecide={canDecide}
      own={suggestion.authorId === userId}
      onDecide={(decision) => decide(suggestion, decision)}
      onShow={() => {
        selectSuggestion(suggestion.id)(editor.state, editor.view.dispatch);
        editor.commands.focus();
        editor.commands.scrollIntoView();
      }}
    />
  );

  return (
    <section aria-labelledby="suggestions-heading" className="suggestion-panel mt-3 rounded-md border border-stone-200 bg-white px-4 py-3" data-testid="suggestion-panel">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="suggestions-heading" className="text-base font-semibold">
          {t("suggestions.heading", { count: suggestions.length })}
        </h2>
        {canDecideAll && suggestions.length > 0 && (
          <div className="flex gap-2">
            <button type="button" className="editor-button" onClick={() => decideAll("accept")}>
              {t("suggestions.acceptAll")}
            </button>
            <button type="button" className="editor-button" onClick={() => decideAll("reject")}>
              {t("suggestions.rejectAll")}
            </button>
          </div>
        )}
      </div>
      <p className="sr-only" role="status">
        {announcement}
      </p>
      {suggestions.length === 0 ? (
        <p className="mt-1 text-sm text-stone-600">{t("suggestions.none")}</p>
      ) : (
        <ul ref={list} className="relative mt-2 max-h-60 divide-y divide-stone-100 overflow-y-auto">
          {suggestions.map(item)}
        </ul>
      )}
    </section>
  );
}

function SuggestionItem({
  suggestion,
  t,
  atCaret,
  canDecide,
  own,
  onDecide,
  onShow,
}: {
  suggestion: SuggestionSummary;
  t: Translate;
  atCaret: boolean;
  canDecide: boolean;
  own: boolean;
  onDecide: (decision: "accept" | "reject") => void;
  onShow: () => void;
}) {
  const name = suggestion.authorName ?? t("suggestions.unknownAuthor");
  const time = suggestion.createdAt ? new Date(suggestion.createdAt).toLocaleString() : "";
  const colour = suggestion.authorId ? colourForUser(suggestion.authorId) : "#44403c";
  return (
    <li
      className={`flex flex-wrap items-start justify-between gap-2 px-2 py-2 ${atCaret ? "rounded bg-amber-50" : ""}`}
      data-suggestion-item={suggestion.id}
      aria-current={atCaret || undefined}
    >
      <div className="min-w-0 flex-1 text-sm" style={{ ["--suggestion-colour" as string]: colour }}>
        <p className="flex items-center gap-2 text-stone-700">
          {atCaret && <span className="sr-only">{t("suggestions.atCaret")}: </span>}
          <span aria-hidden="true" className="inline-block size-2.5 rounded-full" style={{ backgroundColor: colour }} />
          {t("suggestions.by", { name, time })}
        </p>
        {suggestion.deleted && (
          <p className="break-words">
            {t("suggestions.delete")} “<del className="suggestion-deletion">{suggestion.deleted}</del>”
          </p>
        )}
        {suggestion.inserted && (
          <p className="break-words">
            {t("suggestions.insert")} “<ins className="suggestion-insertion">{suggestion.inserted}</ins>”
          </p>
        )}
        {!suggestion.deleted && !suggestion.inserted && <p>{suggestion.modified ? t("suggestions.modify") : t("suggestions.newBlock")}</p>}
      </div>
      <div className="flex gap-1">
        <button type="button" className="editor-button" onClick={onShow}>
          {t("suggestions.show")}
        </button>
        {canDecide && (
          <>
            <button type="button" className="editor-button" aria-label={t("suggestions.acceptLabel", { name })} onClick={() => onDecide("accept")}>
              {t("suggestions.accept")}
            </button>
            <button type="button" className="editor-button" aria-label={t("suggestions.rejectLabel", { name })} onClick={() => onDecide("reject")}>
              {t("suggestions.reject")}
            </button>
          </>
        )}
        {!canDecide && own && (
          <button type="button" className="editor-button" aria-label={t("suggestions.withdrawLabel")} onClick={() => onDecide("reject")}>
            {t("suggestions.withdraw")}
          </button>
        )}
      </div>
    </li>
  );
}
