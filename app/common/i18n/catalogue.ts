import { admin } from "./messages/admin.ts";
import { auth } from "./messages/auth.ts";
import { book } from "./messages/book.ts";
import { common } from "./messages/common.ts";
import { comments } from "./messages/comments.ts";
import { editor } from "./messages/editor.ts";
import { notifications } from "./messages/notifications.ts";
import { partners, partnership } from "./messages/partners.ts";
import { revisions } from "./messages/revisions.ts";
import { suggestions } from "./messages/suggestions.ts";
import { toolbox } from "./messages/toolbox.ts";
import { workflow } from "./messages/workflow.ts";
import { exports } from "./messages/exports.ts";
import { bookSettings } from "./messages/book-settings.ts";
import { events } from "./messages/events.ts";
import { readerComments } from "./messages/reader-comments.ts";
import { search } from "./messages/search.ts";
import { toolSubmissions } from "./messages/tool-submissions.ts";
import { toolCards } from "./messages/tool-cards.ts";
import { orders } from "./messages/orders.ts";
import { ordersAdmin } from "./messages/orders-admin.ts";
import { reader } from "./messages/reader.ts";
import { DEFAULT_LOCALE, type Locale } from "./locales.ts";

/**
 * Kapittel's one message catalogue. It is split into sections only so that each area of the
 * app keeps its messages in one file; keys are globally unique and prefixed by section.
 */
export const catalogue = {
  ...common,
  ...auth,
  ...book,
  ...admin,
  ...editor,
  ...workflow,
  ...revisions,
  ...comments,
  ...suggestions,
  ...notifications,
  ...toolbox,
  ...partners,
  ...partnership,
  ...exports,
  ...bookSettings,
  ...events,
  ...readerComments,
  ...search,
  ...toolSubmissions,
  ...toolCards,
  ...orders,
  ...ordersAdmin,
  ...reader,
} as const;

export type MessageKey = keyof typeof catalogue;
export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

export function isMessageKey(value: unknown): value is MessageKey {
  return typeof value === "string" && Object.hasOwn(catalogue, value);
}

/** The message in the given language with `{name}` placeholders filled in. */
export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const entry = catalogue[key] as Record<Locale, string> | undefined;
  const template = entry?.[locale] ?? entry?.[DEFAULT_LOCALE] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : match,
  );
}

/** A translate function bound to one language. */
export function translator(locale: Locale): Translate {
  return (key, params) => translate(locale, key, params);
}

/**
 * Validation messages travel from zod schemas as catalogue keys; this turns one into text
 * and leaves any other string (a message already written for people) as it is.
 */
export function translateMessage(locale: Locale, message: string): string {
  return isMessageKey(message) ? translate(locale, message) : message;
}
