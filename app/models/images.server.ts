import { readByHash, storeByHash } from "./content-store.server.ts";

/**
 * Images in chapters: uploaded once, stored by the SHA-256 of their bytes under
 * DATA_DIR/uploads (content-store.server.ts), so the same image uploaded twice is stored once and its URL never changes
 * (served with an immutable cache). No database row: the file name carries all there is to know.
 */

/** The largest image accepted (5 MiB): chapters are for print and screen, not for originals. */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

/** The image types accepted, by what their first bytes say (never by the declared type). */
const SIGNATURES = [
  { extension: "png", contentType: "image/png", matches: (b: Uint8Array) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { extension: "jpg", contentType: "image/jpeg", matches: (b: Uint8Array) => startsWith(b, [0xff, 0xd8, 0xff]) },
  { extension: "gif", contentType: "image/gif", matches: (b: Uint8Array) => ascii(b, 0, 6) === "GIF87a" || ascii(b, 0, 6) === "GIF89a" },
  { extension: "webp", contentType: "image/webp", matches: (b: Uint8Array) => ascii(b, 0, 4) === "RIFF" && ascii(b, 8, 12) === "WEBP" },
] as const;
// SVG is deliberately absent: it is a document that can carry script.

export type ImageType = (typeof SIGNATURES)[number];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}
function ascii(bytes: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...bytes.subarray(from, to));
}

/** The image type the bytes really are, or null when they are not an accepted image. */
export function detectImageType(bytes: Uint8Array): ImageType | null {
  return SIGNATURES.find((signature) => signature.matches(bytes)) ?? null;
}

/** A stored image's public name: `<sha256>.<extension>`. */
const STORED_NAME = /^([0-9a-f]{64})\.(png|jpg|gif|webp)$/;

const UPLOADS_FOLDER = "uploads";

/** The URL an image is served from (app/routes/uploads.$name.ts). */
export function imageUrl(name: string): string {
  return `/uploads/${name}`;
}

/** Stores an image (the caller checked its type) and returns its name. */
export function storeImage(bytes: Uint8Array, type: ImageType): Promise<string> {
  return storeByHash(UPLOADS_FOLDER, bytes, type.extension);
}

/** A stored image's bytes and content type, or null if the name is not one of ours. */
export async function readImage(name: string): Promise<{ bytes: Buffer; contentType: string } | null> {
  const type = SIGNATURES.find((signature) => name.endsWith(`.${signature.extension}`));
  const bytes = type ? await readByHash(UPLOADS_FOLDER, name, STORED_NAME) : null;
  return type && bytes ? { bytes, contentType: type.contentType } : null;
}
