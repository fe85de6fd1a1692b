import { data } from "@remix-run/node";
import type { MessageKey, MessageParams } from "#app/common/i18n/catalogue.ts";
import { getTranslator } from "./i18n.server.ts";

/** The body of every error response we throw: a message a person can act on. */
export type ErrorBody = { message: string };

/** A response to throw with a translated message and the given status. */
export async function httpError(
  request: Request,
  status: number,
  key: MessageKey,
  params?: MessageParams,
): Promise<ReturnType<typeof data<ErrorBody>>> {
  const t = await getTranslator(request);
  return data({ message: t(key, params) }, { status });
}

/** 403 with a translated message; `throw await forbidden(request)` reads top to bottom. */
export function forbidden(request: Request, key: MessageKey = "error.forbidden") {
  return httpError(request, 403, key);
}

/** 404 with a translated message. */
export function notFound(request: Request, key: MessageKey = "error.notFound.text") {
  return httpError(request, 404, key);
}

/** Only same-site paths may be redirect targets, so a crafted link cannot send people elsewhere. */
export function safeRedirectPath(target: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof target !== "string" || !target.startsWith("/") || target.startsWith("//") || target.startsWith("/\\")) {
    return fallback;
  }
  return target;
}
