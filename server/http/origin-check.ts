import type { RequestHandler } from "express";
import { translate } from "#app/common/i18n/catalogue.ts";
import { isLocale } from "#app/common/i18n/locales.ts";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The origins a request may come from: this host itself, and the configured public address. */
export function allowedOrigins(hostHeader: string | undefined, appUrl: string | undefined): Set<string> {
  const origins = new Set<string>();
  if (hostHeader) {
    origins.add(`http://${hostHeader}`);
    origins.add(`https://${hostHeader}`);
  }
  if (appUrl) origins.add(new URL(appUrl).origin);
  return origins;
}

/** The origin a request says it comes from: Origin, else Referer's origin, else null. */
export function requestOrigin(origin: string | undefined, referer: string | undefined): string | null {
  if (origin && origin !== "null") return origin;
  if (referer) {
    try {
      return new URL(referer).origin;
    } catch {
      return null;
    }
  }
  return null;
}

/**
 * Strict Origin check, the first line of CSRF defence: every state-changing request must
 * come from a page of ours. Browsers always send Origin (or at least Referer) with a POST, so
 * a request with neither is refused too. The per-form token (app/utils/csrf.server.ts) is the second line.
 */
export function originCheck(appUrl: string | undefined): RequestHandler {
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const origin = requestOrigin(req.get("origin"), req.get("referer"));
    if (origin && allowedOrigins(req.get("host"), appUrl).has(origin)) return next();
    const lang = /(?:^|;\s*)kp_lang=([a-z]{2})/.exec(req.get("cookie") ?? "")?.[1];
    res.status(403).type("text/plain; charset=utf-8").send(translate(isLocale(lang) ? lang : "nl", "error.origin"));
  };
}
