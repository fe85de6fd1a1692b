import { NodeViewWrapper, ReactNodeViewRenderer, type NodeViewProps } from "@tiptap/react";
import { useEffect, useState } from "react";
import { ToolCard } from "#app/common/chapter-schema.ts";
import type { Translate } from "#app/common/i18n/catalogue.ts";
import type { ToolCardData } from "#app/models/tool-cards.server.ts";
import { loadToolCard } from "./tool-data.ts";

type Loaded = { state: "loading" } | { state: "found"; tool: ToolCardData } | { state: "missing" };

/** A tool card as the editor shows it: the tool's name and summary in a box, like the reader sees it. */
function ToolCardView({ node, selected, extension }: NodeViewProps) {
  const t = (extension.options as ToolCardEditingOptions).t;
  const slug = String(node.attrs.slug ?? "");
  const [loaded, setLoaded] = useState<Loaded>({ state: "loading" });
  useEffect(() => {
    let current = true;
    setLoaded({ state: "loading" });
    loadToolCard(slug).then(
      (tool) => current && setLoaded(tool ? { state: "found", tool } : { state: "missing" }),
      () => current && setLoaded({ state: "missing" }),
    );
    return () => {
      current = false;
    };
  }, [slug]);
  return (
    <NodeViewWrapper as="aside" className="tool-card" data-tool={slug} data-selected={selected ? "true" : undefined} contentEditable={false}>
      <p className="tool-card-label">{t("toolCards.label")}</p>
      {loaded.state === "loading" && <p>{t("toolCards.loading")}</p>}
      {loaded.state === "missing" && <p>{t("toolCards.missing")}</p>}
      {loaded.state === "found" && (
        <>
          <p className="tool-card-name">{loaded.tool.name}</p>
          <p className="tool-card-summary">{loaded.tool.summary}</p>
        </>
      )}
    </NodeViewWrapper>
  );
}

type ToolCardEditingOptions = { t: Translate };

/** The tool card node with its editor view (the schema stays app/common/chapter-schema.ts's). */
export function toolCardEditing(t: Translate) {
  return ToolCard.extend<ToolCardEditingOptions>({
    addOptions: () => ({ t }),
    addNodeView: () => ReactNodeViewRenderer(ToolCardView),
  });
}
