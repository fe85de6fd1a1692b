import { useEditorState, type Editor } from "@tiptap/react";
import type { Translate } from "#app/common/i18n/catalogue.ts";
import { isSuggestionModeOn } from "./suggestion-mode.ts";

/**
 * The "Voorstellen" switch in the toolbar. Pressed while suggestion mode is on; when it is forced
 * (an author during review) it stays pressed and disabled, and says why.
 */
export function SuggestionToggle({ editor, t, forced }: { editor: Editor; t: Translate; forced: boolean }) {
  const on = useEditorState({ editor, selector: ({ editor: e }) => isSuggestionModeOn(e.state) });
  const explanation = forced ? t("suggestions.forced") : on ? t("suggestions.toggleOn") : t("suggestions.toggleOff");
  return (
    <button
      type="button"
      className="editor-button suggestion-toggle"
      aria-pressed={on}
      aria-disabled={forced || undefined}
      title={explanation}
      data-testid="suggestion-toggle"
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => {
        if (!forced) editor.chain().focus().setSuggestionMode(!on).run();
      }}
    >
      {t("suggestions.toggle")}
    </button>
  );
}
