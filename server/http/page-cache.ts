import type { RequestHandler, Response } from "express";
import { getCsrfToken } from "#app/utils/csrf.server.ts";
import { getLocale } from "#app/utils/i18n.server.ts";
import { createPageCache, invalidatePages, PAGE_CACHE_TTL_MS, pageGeneration } from "#app/utils/page-cache.server.ts";

/**
 * The microcache in front of Remix for the public reader pages (docs/decisions/023-page-cache-for-readers.md).
 * Only a visitor's GET of a book page or an edition's chapter page uses it: a request carrying any
 * cookie other than the CSRF token and the interface language (a session above all) goes straight
 * to Remix and never fills it. A hit is the stored HTML with this response's CSP nonce and the
 * visitor's own CSRF token put in; only 200 HTML responses that set no cookie of the app's are stored.
 * Every state-changing request (POST …) empties the cache once it is answered, so whoever changes
 * something sees it on the next page; changes made elsewhere show within the TTL at most.
 */

/**
 * The book page and an edition's chapter page, without a query and not as data (Remix's single-fetch
 * "….data"). Add a page only if, for a visitor without a session, nothing in it depends on who asks
 * (no IP, no other cookie, no header) beyond the language, the nonce and the CSRF token.
 */
const CACHEABLE_PATH = /^\/boek\/[^/?]+(?:\/editie\/\d+\/[^/?]+)?$/;
const isCacheable = (url: string) => CACHEABLE_PATH.test(url) && !url.endsWith(".data");
/** Cookies that change nothing but the language and the token, both part of the cached page's key or filled in. */
const VISITOR_COOKIES = new Set(["kp_csrf", "kp_lang"]);
const KEPT_HEADERS = ["content-type", "cache-control", "vary", "content-language"];

/** The middleware; `ttlMs: 0` turns the cache off (to measure rendering itself). */
export function pageCache({ ttlMs = PAGE_CACHE_TTL_MS }: { ttlMs?: number } = {}): RequestHandler {
  const cache = createPageCache({ ttlMs });
  const inFlight = new Map<string, Promise<void>>();
  return async (req, res, next) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      // Before, and again once it is answered (committed): a page rendered in between is not stored.
      invalidatePages();
      res.once("close", invalidatePages);
      return next();
    }
    if (ttlMs === 0 || req.method !== "GET" || !isCacheable(req.originalUrl) || !onlyVisitorCookies(req.headers.cookie)) return next();
    try {
      // The app's own functions read the same cookies the page's loaders read.
      const cookies = { headers: new Headers(req.headers.cookie ? { Cookie: req.headers.cookie } : {}) } as Request;
      const [locale, csrf] = await Promise.all([getLocale(cookies), getCsrfToken(cookies)]);
      if (csrf.setCookie) {
        // A visitor without a token gets one now, the same cookie the root loader would have set, and
        // the page (cached or rendered) carries that token: Remix sees the request as carrying it.
        res.append("Set-Cookie", csrf.setCookie);
        const pair = csrf.setCookie.split(";")[0]!;
        // In place of an invalid one, if any: the app reads the first cookie of a name.
        const others = (req.headers.cookie ?? "").split(";").filter((cookie) => cookie.trim() !== "" && !cookie.trim().startsWith("kp_csrf="));
        req.headers.cookie = [...others.map((cookie) => cookie.trim()), pair].join("; ");
      }
      const key = `${locale} ${req.originalUrl}`;
      const nonce = res.locals.cspNonce as string;
      const gzip = req.acceptsEncodings("gzip", "identity") === "gzip";
      let hit = cache.get(key, nonce, csrf.token, { gzip });
      // When a page expires under load, every visitor at that moment would render it: they wait
      // for the one rendering instead (and render themselves only if it could not be stored).
      const rendering = hit ? undefined : inFlight.get(key);
      if (rendering) {
        await rendering;
        hit = cache.get(key, nonce, csrf.token, { gzip });
      }
      if (hit) {
        for (const [name, value] of Object.entries(hit.headers)) res.setHeader(name, value);
        res.setHeader("X-Page-Cache", "hit");
        // Already compressed: the compression middleware leaves a response with an encoding alone.
        if (hit.gzipped) res.setHeader("Content-Encoding", "gzip");
        res.vary("Accept-Encoding");
        res.setHeader("Content-Length", hit.body.length);
        res.status(200).end(hit.body);
        return;
      }
      res.setHeader("X-Page-Cache", "miss");
      // Waiters go on once the page is stored (not when a slow client has read all of it), or it ends otherwise.
      let rendered: (() => void) | undefined;
      if (!inFlight.has(key)) {
        const done = new Promise<void>((resolve) => {
          rendered = resolve;
          res.once("close", resolve);
        });
        inFlight.set(key, done);
        void done.then(() => inFlight.delete(key));
      }
      const cookiesBefore = setCookieCount(res);
      const since = pageGeneration();
      capture(res, (html) => {
        if (res.statusCode !== 200 || setCookieCount(res) !== cookiesBefore) return;
        if (!String(res.getHeader("content-type") ?? "").startsWith("text/html")) return;
        const headers: Record<string, string> = {};
        for (const name of KEPT_HEADERS) {
          const value = res.getHeader(name);
          if (typeof value === "string") headers[name] = value;
        }
        cache.set(key, { headers, html, nonce, csrfToken: csrf.token, since });
      }, () => rendered?.());
      next();
    } catch (error) {
      next(error);
    }
  };
}

function onlyVisitorCookies(header: string | undefined): boolean {
  if (!header) return true;
  return header.split(";").every((pair) => {
    const equals = pair.indexOf("=");
    const name = (equals === -1 ? pair : pair.slice(0, equals)).trim();
    return name === "" || VISITOR_COOKIES.has(name);
  });
}

function setCookieCount(res: Response): number {
  const value = res.getHeader("set-cookie");
  return value === undefined ? 0 : Array.isArray(value) ? value.length : 1;
}

/** Collects the body Remix writes (uncompressed: compression wraps outside) and hands it over at the end. */
function capture(res: Response, done: (body: string) => void, after: () => void): void {
  const chunks: Buffer[] = [];
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => Response;
  const keep = (chunk: unknown, encoding: unknown) => {
    if (typeof chunk === "string") chunks.push(Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8"));
    else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk)); // a copy: the writer may reuse its buffer
  };
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    keep(chunk, rest[0]);
    return write(chunk, ...rest);
  }) as Response["write"];
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    if (typeof chunk !== "function") keep(chunk, rest[0]);
    try {
      done(Buffer.concat(chunks).toString("utf8"));
    } catch (error) {
      console.error("page cache: could not store a page:", error);
    }
    after();
    return end(chunk, ...rest);
  }) as Response["end"];
}
