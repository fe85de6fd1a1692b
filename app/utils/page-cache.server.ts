import { randomBytes } from "node:crypto";
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

type Entry = { expires: number; generation: number; headers: Record<string, string>; html: string };

/** What a cache hit is sent with: the page's headers and its HTML with this response's values. */
export type CachedPage = { headers: Record<string, string>; html: string };

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
    /** The page for the key with this response's nonce and CSRF token, or null. */
    get(key: string, nonce: string, csrfToken: string): CachedPage | null {
      const entry = entries.get(key);
      if (!entry) return null;
      if (entry.expires <= Date.now() || entry.generation !== pageGeneration()) {
        entries.delete(key);
        return null;
      }
      return { headers: entry.headers, html: entry.html.replaceAll(NONCE_MARK, nonce).replaceAll(TOKEN_MARK, csrfToken) };
    },
    /**
     * Keeps a page rendered for one visitor, with its nonce and CSRF token taken out; `since` is
     * the generation when its rendering began (a page rendered across an invalidation is dropped).
     */
    set(key: string, page: CachedPage & { nonce: string; csrfToken: string | null; since: number }): void {
      if (page.since !== pageGeneration() || page.nonce.length < 16) return;
      // Crude but enough: a burst of distinct addresses empties the cache instead of growing it.
      if (entries.size >= MAX_ENTRIES) entries.clear();
      let html = page.html.replaceAll(page.nonce, NONCE_MARK);
      if (page.csrfToken && page.csrfToken.length >= 16) html = html.replaceAll(page.csrfToken, TOKEN_MARK);
      entries.set(key, { expires: Date.now() + ttlMs, generation: page.since, headers: page.headers, html });
    },
    get size() {
      return entries.size;
    },
    clear(): void {
      entries.clear();
    },
  };
}
