import * as Y from "yjs";
import { CHAPTER_FRAGMENT } from "#app/common/collab.ts";

/** The longest quote stored with a thread; the range itself may be longer. */
export const QUOTE_MAX_LENGTH = 500;

/** A comment's range as it stands in the live document now. */
export type ResolvedRange = { start: number; end: number; text: string };

/**
 * Decodes a relative position sent by a client (Y.encodeRelativePosition bytes); null when the
 * bytes are not one (a crafted or truncated value must be a 422, not a 500).
 */
export function decodeAnchor(bytes: Uint8Array): Y.RelativePosition | null {
  try {
    const position = Y.decodeRelativePosition(bytes);
    // A relative position names an item, a type, or a root type; garbage decodes to none of them.
    if (!position.item && !position.type && !position.tname) return null;
    return position;
  } catch {
    return null;
  }
}

/**
 * Where a thread's range lies in the chapter's live document now, as offsets in the text (block
 * boundaries count one) and the text it covers; null when an anchor points outside the chapter's
 * text, at something this document has not seen, or when the range is empty (its text was deleted).
 * Server-side counterpart of the editor's decorations, which use ProseMirror positions instead.
 */
export function resolveAnchorRange(doc: Y.Doc, startBytes: Uint8Array, endBytes: Uint8Array): ResolvedRange | null {
  const fragment = doc.getXmlFragment(CHAPTER_FRAGMENT);
  const start = absoluteInFragment(doc, fragment, decodeAnchor(startBytes));
  const end = absoluteInFragment(doc, fragment, decodeAnchor(endBytes));
  if (!start || !end) return null;
  const flat = flattenFragment(fragment, [start, end]);
  const [from, to] = flat.offsets;
  if (from === undefined || to === undefined || to <= from) return null;
  const text = flat.text.slice(from, to).replace(/\s+/g, " ").trim();
  if (text === "") return null;
  return { start: from, end: to, text };
}

/** Whether the document holds the item a relative position names (a client may be ahead of us). */
export function anchorIsKnown(doc: Y.Doc, bytes: Uint8Array): boolean {
  const position = decodeAnchor(bytes);
  if (!position) return false;
  const id = position.item ?? position.type;
  return !id || Y.getState(doc.store, id.client) > id.clock;
}

function absoluteInFragment(doc: Y.Doc, fragment: Y.XmlFragment, position: Y.RelativePosition | null) {
  if (!position) return null;
  const id = position.item ?? position.type;
  // Yjs throws on an id it has never seen; treat that as "does not exist here".
  if (id && Y.getState(doc.store, id.client) <= id.clock) return null;
  if (position.tname !== null && position.tname !== CHAPTER_FRAGMENT) return null;
  let absolute: Y.AbsolutePosition | null;
  try {
    absolute = Y.createAbsolutePositionFromRelativePosition(position, doc);
  } catch {
    return null;
  }
  if (!absolute) return null;
  const inside = (absolute.type as unknown) === fragment || (absolute.type._item !== null && Y.isParentOf(fragment, absolute.type._item));
  return inside ? absolute : null;
}

type Container = Y.XmlFragment | Y.XmlElement;

/**
 * The fragment's text in document order ("\n" between blocks, U+FFFC for embeds) and the offsets
 * of the given absolute positions in it (undefined for one not met).
 */
function flattenFragment(fragment: Y.XmlFragment, positions: Y.AbsolutePosition[]): { text: string; offsets: (number | undefined)[] } {
  let text = "";
  const offsets: (number | undefined)[] = positions.map(() => undefined);
  const mark = (type: unknown, index: number, offset: number) => {
    positions.forEach((position, i) => {
      if (offsets[i] === undefined && (position.type as unknown) === type && position.index === index) offsets[i] = offset;
    });
  };
  const visit = (container: Container) => {
    const children = container.toArray();
    children.forEach((child, index) => {
      mark(container, index, text.length);
      if (child instanceof Y.XmlText) {
        const before = text.length;
        for (const op of child.toDelta() as { insert: unknown }[]) text += typeof op.insert === "string" ? op.insert : "\uFFFC";
        positions.forEach((position, i) => {
          if (offsets[i] === undefined && (position.type as unknown) === child) offsets[i] = before + position.index;
        });
      } else if (child instanceof Y.XmlElement) {
        text += "\n";
        visit(child);
        text += "\n";
      }
    });
    mark(container, children.length, text.length);
  };
  visit(fragment);
  return { text, offsets };
}
