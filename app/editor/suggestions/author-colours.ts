import type { Extensions, Mark } from "@tiptap/core";
import { colourForUser } from "../colour.ts";

/**
 * The chapter's suggestion marks as the editor draws them: in the author's colour (the colour of
 * their caret), set as `--suggestion-colour` for the CSS that underlines insertions and strikes
 * through deletions (so the kind never depends on colour alone). The schema itself is unchanged.
 */
export function withAuthorColours(extensions: Extensions): Extensions {
  return extensions.map((extension) => {
    if (extension.name !== "insertion" && extension.name !== "deletion" && extension.name !== "modification") return extension;
    return (extension as Mark).extend({
      renderHTML({ mark, HTMLAttributes }) {
        const authorId = mark.attrs.authorId as string | null;
        const style = authorId ? `--suggestion-colour: ${colourForUser(authorId)}` : undefined;
        const title = [mark.attrs.authorName, mark.attrs.createdAt ? new Date(String(mark.attrs.createdAt)).toLocaleString() : null]
          .filter(Boolean)
          .join(", ");
        return this.parent!({ mark, HTMLAttributes: { ...HTMLAttributes, style, title: title || undefined } });
      },
    });
  });
}
