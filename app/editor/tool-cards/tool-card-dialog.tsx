import type { Editor } from "@tiptap/react";
import { useEffect, useId, useState } from "react";
import type { Translate } from "#app/common/i18n/catalogue.ts";
import type { ToolCardData } from "#app/models/tool-cards.server.ts";
import { Dialog } from "../dialogs.tsx";
import { searchTools } from "./tool-data.ts";

/** Searches the toolbox and inserts the chosen instrument as a tool card after the cursor's block. */
export function ToolCardDialog({ editor, open, onClose, t }: { editor: Editor; open: boolean; onClose: () => void; t: Translate }) {
  const [query, setQuery] = useState("");
  const [tools, setTools] = useState<ToolCardData[] | null>(null);
  const [failed, setFailed] = useState(false);
  const inputId = useId();
  const resultsId = useId();

  useEffect(() => {
    if (open) setQuery("");
  }, [open]);
  useEffect(() => {
    if (!open) return;
    let current = true;
    // Wait for a pause in typing before asking the server.
    const timer = setTimeout(() => {
      searchTools(query).then(
        (found) => {
          if (!current) return;
          setTools(found);
          setFailed(false);
        },
        () => current && setFailed(true),
      );
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [open, query]);

  const insert = (tool: ToolCardData) => {
    editor.chain().focus().insertContent({ type: "toolCard", attrs: { slug: tool.slug } }).run();
    onClose();
  };

  return (
    <Dialog open={open} title={t("toolCards.dialog.title")} onClose={onClose}>
      <div className="mt-3 grid gap-3">
        <label htmlFor={inputId} className="text-sm font-medium">
          {t("toolCards.dialog.search")}
        </label>
        <input
          id={inputId}
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          aria-controls={resultsId}
          className="rounded border border-stone-400 px-3 py-2"
          autoComplete="off"
        />
        <div id={resultsId} aria-live="polite">
          {failed && (
            <p role="alert" className="text-sm text-red-700">
              {t("toolCards.dialog.failed")}
            </p>
          )}
          {tools && tools.length === 0 && <p className="text-sm text-stone-700">{t("toolCards.dialog.none")}</p>}
          {tools && tools.length > 0 && (
            <ul aria-label={t("toolCards.dialog.results")} className="grid max-h-72 gap-1 overflow-y-auto">
              {tools.map((tool) => (
                <li key={tool.slug}>
                  <button
                    type="button"
                    className="w-full rounded border border-stone-300 px-3 py-2 text-left hover:bg-stone-100 focus:bg-stone-100"
                    aria-label={t("toolCards.dialog.choose", { name: tool.name })}
                    onClick={() => insert(tool)}
                  >
                    <span className="block font-medium">{tool.name}</span>
                    <span className="block text-sm text-stone-700">{tool.summary}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div>
          <button type="button" className="editor-secondary" onClick={onClose}>
            {t("toolCards.dialog.cancel")}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
