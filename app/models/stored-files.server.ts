import { readByHash, storeByHash } from "./content-store.server.ts";

/**
 * Documents people download: tool attachments and event presentations. Only PDF is accepted,
 * recognised by its first bytes (never by the declared type or the file name), and stored by
 * content hash under DATA_DIR/files. Served by app/routes/bestanden.$name.ts.
 */

/** The largest document accepted (20 MiB): slides with images are large, originals belong elsewhere. */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

const FILES_FOLDER = "files";
const STORED_NAME = /^[0-9a-f]{64}\.pdf$/;

export type DocumentCheck = { ok: true } | { ok: false; reason: "empty" | "tooLarge" | "notPdf" };

/** Whether the bytes are a PDF of an acceptable size; the reason names a message in the catalogue. */
export function checkDocument(bytes: Uint8Array): DocumentCheck {
  if (bytes.length === 0) return { ok: false, reason: "empty" };
  if (bytes.length > MAX_DOCUMENT_BYTES) return { ok: false, reason: "tooLarge" };
  const header = String.fromCharCode(...bytes.subarray(0, 5));
  if (header !== "%PDF-") return { ok: false, reason: "notPdf" };
  return { ok: true };
}

/** Stores a checked PDF and returns its name. */
export function storeDocument(bytes: Uint8Array): Promise<string> {
  return storeByHash(FILES_FOLDER, bytes, "pdf");
}

/** The URL a stored document is downloaded from. */
export function documentUrl(name: string): string {
  return `/bestanden/${name}`;
}

/** A stored document's bytes, or null if the name is not one of ours. */
export function readDocument(name: string): Promise<Buffer | null> {
  return readByHash(FILES_FOLDER, name, STORED_NAME);
}
