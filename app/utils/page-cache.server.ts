import { randomBytes } from "node:crypto";
import { constants, crc32, deflateRawSync } from "node:zlib";
import { singleton } from "./singleton.server.ts";

/**
 * A short-lived cache of whole reader pages for visitors (docs/decisions/023-page-cache-for-readers.md).
 * Rendering a page costs a few milliseconds of Remix route matching and React; the same book
 * page or edition chapter looks the same to every visitor with the same interface language, so
 * for a few seconds it is rendered once and replayed. What differs per response is put back in
 * on every hit: the CSP nonce (fresh per response) and the visitor's own CSRF token.
 *
 * This module is the store and its invalidation; server/http/page-cache.ts decides which requests
 * may use it. Invalidation is a generation number every cache checks, so app code (freezing an
 * edition, saving a book's settings, an export finishing) can empty the caches of every server in
 * this process without knowing them.
 */

/** How long a rendered page is replayed: short, so anything not invalidated explicitly shows soon. */
export const PAGE_CACHE_TTL_MS = 5_000;
const MAX_ENTRIES = 1_000;

// Per process and unguessable, so text in a page (a chapter) cannot contain them by design.
const NONCE_MARK = `kp-nonce-${randomBytes(12).toString("hex")}`;
const TOKEN_MARK = `kp-csrf-${randomBytes(12).toString("hex")}`;

/** A stored page cut at its nonces and tokens: the text between them, each also compressed once. */
type Piece = { text: Buffer; deflated: Buffer } | "nonce" | "token";
type Entry = { expires: number; generation: number; headers: Record<string, string>; pieces: Piece[]; lengths: { nonce: number; token: number } };

/** What a cache hit is sent with: the page's headers and its body with this response's values. */
export type CachedPage = { headers: Record<string, string>; body: Buffer; gzipped: boolean };

function generation(): { value: number } {
  return singleton("page-cache-generation", () => ({ value: 0 }));
}

/** Empties every page cache in this process at once: call it after a change readers must see. */
export function invalidatePages(): void {
  generation().value++;
}

/** The current generation: a render started before an invalidation must not be stored after it. */
export function pageGeneration(): number {
  return generation().value;
}

export type PageCache = ReturnType<typeof createPageCache>;

/** One server's cache (each test server has its own, so files sharing a process never mix pages). */
export function createPageCache({ ttlMs = PAGE_CACHE_TTL_MS }: { ttlMs?: number } = {}) {
  const entries = new Map<string, Entry>();
  return {
    /** The page for the key with this response's nonce and CSRF token (gzipped if asked), or null. */
    get(key: string, nonce: string, csrfToken: string, { gzip = false } = {}): CachedPage | null {
      const entry = entries.get(key);
      if (!entry) return null;
      if (entry.expires <= Date.now() || entry.generation !== pageGeneration()) {
        entries.delete(key);
        return null;
      }
      const values = { nonce: Buffer.from(nonce), token: Buffer.from(csrfToken) };
      // The compressed pieces may refer back across a value of the length they were made with only.
      const sameLengths = values.nonce.length === entry.lengths.nonce && values.token.length === entry.lengths.token;
      if (!gzip || !sameLengths) return { headers: entry.headers, body: Buffer.concat(entry.pieces.map((piece) => (typeof piece === "string" ? values[piece] : piece.text))), gzipped: false };
      return { headers: entry.headers, body: gzipOf(entry.pieces, values), gzipped: true };
    },
    /**
     * Keeps a page rendered for one visitor, with its nonce and CSRF token taken out; `since` is
     * the generation when its rendering began (a page rendered across an invalidation is dropped).
     */
    set(key: string, page: { headers: Record<string, string>; html: string; nonce: string; csrfToken: string | null; since: number }): void {
      if (page.since !== pageGeneration() || page.nonce.length < 16) return;
      // Crude but enough: a burst of distinct addresses empties the cache instead of growing it.
      if (entries.size >= MAX_ENTRIES) entries.clear();
      let html = page.html.replaceAll(page.nonce, NONCE_MARK);
      if (page.csrfToken && page.csrfToken.length >= 16) html = html.replaceAll(page.csrfToken, TOKEN_MARK);
      const lengths = { nonce: Buffer.byteLength(page.nonce), token: Buffer.byteLength(page.csrfToken ?? "") };
      const pieces = cut(html, lengths);
      if (pieces) entries.set(key, { expires: Date.now() + ttlMs, generation: page.since, headers: page.headers, pieces, lengths });
    },
    get size() {
      return entries.size;
    },
    clear(): void {
      entries.clear();
    },
  };
}

const WINDOW = 32 * 1024;

function cut(html: string, lengths: { nonce: number; token: number }): Piece[] | null {
  const pieces: Piece[] = [];
  // What a browser has decoded before each piece, with every nonce and token as NUL bytes of its
  // length: as the page's text holds no NUL byte, deflate never copies from those places, so
  // every other back-reference (the loader data repeats the chapter's HTML) is right whatever
  // values a response carries.
  let before = Buffer.alloc(0);
  for (const part of html.split(new RegExp(`(${NONCE_MARK}|${TOKEN_MARK})`))) {
    if (part === NONCE_MARK || part === TOKEN_MARK) {
      pieces.push(part === NONCE_MARK ? "nonce" : "token");
      before = Buffer.concat([before, Buffer.alloc(part === NONCE_MARK ? lengths.nonce : lengths.token)]);
    } else if (part.length > 0) {
      const text = Buffer.from(part);
      if (text.includes(0)) return null; // not kept: the reasoning above needs pages without NUL
      const dictionary = before.subarray(Math.max(0, before.length - WINDOW));
      // A sync flush ends the piece on a byte boundary without a final block, so pieces concatenate.
      pieces.push({ text, deflated: deflateRawSync(text, { level: 9, finishFlush: constants.Z_SYNC_FLUSH, ...(dictionary.length > 0 ? { dictionary } : {}) }) });
      before = Buffer.concat([before, text]);
    }
  }
  return pieces;
}

/**
 * Compressing a 30 kB page on every hit would cost more than the rest of the hit (browsers always
 * ask for it), so the page's text is compressed once and each hit only adds its nonce and token as
 * stored (uncompressed) deflate blocks, then the final block and the gzip trailer (RFC 1951/1952).
 */
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xff]);
const FINAL_EMPTY_BLOCK = Buffer.from([0x03, 0x00]);

function gzipOf(pieces: Piece[], values: { nonce: Buffer; token: Buffer }): Buffer {
  const parts: Buffer[] = [GZIP_HEADER];
  let crc = 0;
  let size = 0;
  for (const piece of pieces) {
    const text = typeof piece === "string" ? values[piece] : piece.text;
    crc = crc32(text, crc);
    size += text.length;
    parts.push(typeof piece === "string" ? storedBlock(text) : piece.deflated);
  }
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(size % 2 ** 32, 4);
  parts.push(FINAL_EMPTY_BLOCK, trailer);
  return Buffer.concat(parts);
}

/** A non-final stored block (the previous piece ended on a byte boundary); values are far below 64 kB. */
function storedBlock(bytes: Buffer): Buffer {
  const header = Buffer.alloc(5);
  header.writeUInt8(0x00, 0);
  header.writeUInt16LE(bytes.length, 1);
  header.writeUInt16LE(~bytes.length & 0xffff, 3);
  return Buffer.concat([header, bytes]);
}
