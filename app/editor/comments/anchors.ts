import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition } from "@tiptap/y-tiptap";
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import * as Y from "yjs";

/** ProseMirror nodes by the Y types they were made from (the ySync binding's `mapping`; y-tiptap's own type). */
export type YMapping = Map<Y.AbstractType<any>, ProseMirrorNode | ProseMirrorNode[]>;

/** A thread's anchors as the API carries them: base64 of Y.encodeRelativePosition. */
export type EncodedAnchors = { anchorStart: string; anchorEnd: string };

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Anchors for the ProseMirror range from–to: relative positions that stick to the range's first
 * character (start) and last character (end). So text typed inside the range belongs to it, text
 * typed right before or after it does not, and deleting the whole text leaves an empty range.
 */
export function anchorsForRange(fragment: Y.XmlFragment, mapping: YMapping, from: number, to: number): EncodedAnchors | null {
  const doc = fragment.doc;
  if (!doc || to <= from) return null;
  const start = absolutePositionToRelativePosition(from, fragment, mapping) as Y.RelativePosition;
  const end = absolutePositionToRelativePosition(to, fragment, mapping) as Y.RelativePosition;
  // y-tiptap's positions lean left (assoc −1); the start must lean right, onto the first character.
  const startAbsolute = Y.createAbsolutePositionFromRelativePosition(start, doc);
  if (!startAbsolute) return null;
  const startRight = Y.createRelativePositionFromTypeIndex(startAbsolute.type, startAbsolute.index, 0);
  return {
    anchorStart: bytesToBase64(Y.encodeRelativePosition(startRight)),
    anchorEnd: bytesToBase64(Y.encodeRelativePosition(end)),
  };
}

/**
 * Where a thread's range is in the ProseMirror document now, or null when it is detached: an
 * anchor no longer resolves (its text and surroundings were deleted) or the range became empty.
 */
export function rangeForAnchors(fragment: Y.XmlFragment, mapping: YMapping, anchors: EncodedAnchors): { from: number; to: number } | null {
  const doc = fragment.doc;
  if (!doc) return null;
  try {
    const from = toAbsolute(doc, fragment, Y.decodeRelativePosition(base64ToBytes(anchors.anchorStart)), mapping);
    const to = toAbsolute(doc, fragment, Y.decodeRelativePosition(base64ToBytes(anchors.anchorEnd)), mapping);
    if (from === null || to === null || to <= from) return null;
    return { from, to };
  } catch {
    // An anchor naming something this client has not received yet: treat as not placed (yet).
    return null;
  }
}

/**
 * y-tiptap's relativePositionToAbsolutePosition, except at the very first character of the
 * document: y-tiptap treats any text position that lands on 0 or 1 as misresolved (a guard for
 * cursors during re-renders) and returns null, which would detach a comment on the chapter's first
 * words. There the same place expressed as "start of this text" (no item) resolves normally.
 */
function toAbsolute(doc: Y.Doc, fragment: Y.XmlFragment, position: Y.RelativePosition, mapping: YMapping): number | null {
  const absolute = relativePositionToAbsolutePosition(doc, fragment, position, mapping);
  if (absolute !== null || position.item === null) return absolute;
  const decoded = Y.createAbsolutePositionFromRelativePosition(position, doc);
  if (!decoded || decoded.index !== 0 || !(decoded.type instanceof Y.XmlText)) return null;
  return relativePositionToAbsolutePosition(doc, fragment, Y.createRelativePositionFromTypeIndex(decoded.type, 0, -1), mapping);
}

/**
 * Whether this client has received the items both anchors name. Until it has (the document is
 * still loading, or a comment arrived before the edit it is about), a thread is not placed yet —
 * which is not the same as detached.
 */
export function anchorsAreKnown(doc: Y.Doc, anchors: EncodedAnchors): boolean {
  try {
    return [anchors.anchorStart, anchors.anchorEnd].every((encoded) => {
      const position = Y.decodeRelativePosition(base64ToBytes(encoded));
      const id = position.item ?? position.type;
      return !id || Y.getState(doc.store, id.client) > id.clock;
    });
  } catch {
    return true; // undecodable: it will never resolve, so it is detached, not pending
  }
}
