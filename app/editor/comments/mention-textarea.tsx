import { useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import type { Translate } from "#app/common/i18n/catalogue.ts";
import type { CommentPerson } from "./types.ts";

/** The "@query" being typed right before the caret, if any (names may hold spaces, as "Eva de Vries"). */
function mentionQueryAt(value: string, caret: number): { start: number; query: string } | null {
  const before = value.slice(0, caret);
  const match = /(^|\s)@([\p{L}\p{M}'’.-]*(?: [\p{L}\p{M}'’.-]*){0,3})$/u.exec(before);
  if (!match) return null;
  return { start: caret - (match[2] ?? "").length - 1, query: match[2] ?? "" };
}

const MAX_OPTIONS = 6;

type Props = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  people: CommentPerson[];
  /** Ids of the people picked from the list (the server keeps those whose "@Name" stays in the text). */
  onMention: (personId: string) => void;
  onCancel?: () => void;
  t: Translate;
  autoFocus?: boolean;
  rows?: number;
};

/**
 * A labelled textarea that offers the people on the chapter after "@": arrow keys move through
 * the list, Enter or Tab picks, Escape closes it (a second Escape cancels the form). The list is a
 * listbox the textarea points into with aria-activedescendant, so screen readers follow the choice.
 */
export function MentionTextarea({ label, value, onChange, people, onMention, onCancel, t, autoFocus, rows = 3 }: Props) {
  const id = useId();
  const listId = `${id}-people`;
  const hintId = `${id}-hint`;
  const ref = useRef<HTMLTextAreaElement>(null);
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);

  const query = mentionQueryAt(value, caret);
  const options = useMemo(() => {
    if (!query) return [];
    const needle = query.query.toLocaleLowerCase();
    return people.filter((person) => person.name.toLocaleLowerCase().split(/\s+/).some((_, i, words) => words.slice(i).join(" ").startsWith(needle))).slice(0, MAX_OPTIONS);
  }, [people, query?.query]);
  const open = options.length > 0 && query !== null && dismissedAt !== query.start;
  const activeIndex = Math.min(active, Math.max(options.length - 1, 0));

  const pick = (person: CommentPerson) => {
    if (!query) return;
    const inserted = `@${person.name} `;
    const next = value.slice(0, query.start) + inserted + value.slice(caret);
    const position = query.start + inserted.length;
    onChange(next);
    onMention(person.id);
    setCaret(position);
    setActive(0);
    requestAnimationFrame(() => {
      ref.current?.setSelectionRange(position, position);
      ref.current?.focus();
    });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (open) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        const step = event.key === "ArrowDown" ? 1 : -1;
        setActive((activeIndex + step + options.length) % options.length);
        return;
      }
      if (event.key === "Enter" || event.key === "Tab") {
        const person = options[activeIndex];
        if (person) {
          event.preventDefault();
          pick(person);
        }
        return;
      }
      if (event.key === "Escape") {
        event.preventDefault();
        event.stopPropagation();
        setDismissedAt(query?.start ?? null);
        return;
      }
    } else if (event.key === "Escape" && onCancel) {
      event.preventDefault();
      onCancel();
    }
  };

  const syncCaret = () => setCaret(ref.current?.selectionStart ?? 0);

  return (
    <div className="mt-2">
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">
        {label}
      </label>
      <div className="relative">
        <textarea
          ref={ref}
          id={id}
          value={value}
          rows={rows}
          maxLength={5000}
          autoFocus={autoFocus}
          aria-autocomplete="list"
          aria-controls={open ? listId : undefined}
          aria-activedescendant={open ? `${listId}-${activeIndex}` : undefined}
          aria-describedby={hintId}
          className="mt-1 block w-full rounded-md border border-stone-300 px-2 py-1.5 text-sm focus:border-stone-600 focus:outline-2 focus:outline-offset-1 focus:outline-sky-700"
          onChange={(event) => {
            onChange(event.target.value);
            setCaret(event.target.selectionStart ?? event.target.value.length);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          onKeyUp={syncCaret}
          onClick={syncCaret}
        />
        {open && (
          <ul
            id={listId}
            role="listbox"
            aria-label={t("comments.mentionList")}
            className="absolute left-0 right-0 z-20 mt-1 max-h-48 overflow-auto rounded-md border border-stone-300 bg-white py-1 text-sm shadow-lg"
          >
            {options.map((person, index) => (
              <li
                key={person.id}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={index === activeIndex}
                className={`cursor-pointer px-3 py-1.5 ${index === activeIndex ? "bg-sky-100 text-sky-950" : "text-stone-800"}`}
                // Keep focus in the textarea.
                onMouseDown={(event) => {
                  event.preventDefault();
                  pick(person);
                }}
              >
                {person.name}
              </li>
            ))}
          </ul>
        )}
      </div>
      <p id={hintId} className="mt-1 text-xs text-stone-600">
        {t("comments.mentionHint")}
      </p>
    </div>
  );
}
