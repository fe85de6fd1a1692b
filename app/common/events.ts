import { z } from "zod";
import type { MessageKey } from "./i18n/catalogue.ts";
import type { Locale } from "./i18n/locales.ts";
import { emailSchema, nameSchema } from "./validation.ts";

/**
 * Events and workshops (issue #8): kinds, registration states, date handling in Dutch time, and the
 * schemas the forms share between browser and server.
 */

export const EVENT_KINDS = ["event", "workshop"] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export const isEventKind = (value: unknown): value is EventKind => typeof value === "string" && (EVENT_KINDS as readonly string[]).includes(value);
export const eventKindLabel = (kind: string): MessageKey => (kind === "workshop" ? "events.kind.workshop" : "events.kind.event");

export const REGISTRATION_STATUSES = ["registered", "waitlisted", "cancelled"] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
export const registrationStatusLabel = (status: string): MessageKey =>
  status === "registered" ? "events.status.registered" : status === "waitlisted" ? "events.status.waitlisted" : "events.status.cancelled";

/** Events happen in the Netherlands: their times are entered, shown and exported as Dutch time. */
export const EVENT_TIME_ZONE = "Europe/Amsterdam";
const LOCALE_TAG: Record<Locale, string> = { nl: "nl-NL", en: "en-GB" };

/** Minutes Amsterdam is ahead of UTC at that moment (60 in winter, 120 in summer). */
function amsterdamOffsetMinutes(at: Date): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: EVENT_TIME_ZONE,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"));
  return Math.round((asUtc - Math.floor(at.getTime() / 60_000) * 60_000) / 60_000);
}

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * The moment a `datetime-local` value ("2026-12-03T14:00") means in Amsterdam, or null when it is
 * not such a value. Independent of the server's own time zone.
 */
export function amsterdamLocalToDate(value: string): Date | null {
  const match = LOCAL_DATE_TIME.exec(value.trim());
  if (!match) return null;
  const [, year, month, day, hour, minute] = match.map(Number) as [number, number, number, number, number, number];
  const wallClock = Date.UTC(year, month - 1, day, hour, minute);
  if (Number.isNaN(wallClock) || new Date(wallClock).getUTCDate() !== day) return null;
  // The offset at the guessed moment, then again at the corrected one: right on both sides of a DST switch.
  let moment = wallClock - amsterdamOffsetMinutes(new Date(wallClock)) * 60_000;
  moment = wallClock - amsterdamOffsetMinutes(new Date(moment)) * 60_000;
  return new Date(moment);
}

/** A moment as a `datetime-local` value in Amsterdam time, to fill in the edit form. */
export function dateToAmsterdamLocal(date: Date): string {
  const shifted = new Date(date.getTime() + amsterdamOffsetMinutes(date) * 60_000);
  return shifted.toISOString().slice(0, 16);
}

/**
 * When an event is, as people write it: "donderdag 19 november 2026, 11:30–12:30" on one day,
 * "3 december 2026 14:00 – 4 december 2026 17:00" over several. Dutch time in both languages.
 */
export function formatEventWhen(startsAt: Date, endsAt: Date, locale: Locale): string {
  const tag = LOCALE_TAG[locale];
  const day = new Intl.DateTimeFormat(tag, { timeZone: EVENT_TIME_ZONE, weekday: "long", day: "numeric", month: "long", year: "numeric" });
  const shortDay = new Intl.DateTimeFormat(tag, { timeZone: EVENT_TIME_ZONE, day: "numeric", month: "long", year: "numeric" });
  const time = new Intl.DateTimeFormat(tag, { timeZone: EVENT_TIME_ZONE, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  if (day.format(startsAt) === day.format(endsAt)) return `${day.format(startsAt)}, ${time.format(startsAt)}–${time.format(endsAt)}`;
  return `${shortDay.format(startsAt)} ${time.format(startsAt)} – ${shortDay.format(endsAt)} ${time.format(endsAt)}`;
}

/** The day of an event for a compact list: "19 nov" and the year apart, for a date badge. */
export function formatEventDay(startsAt: Date, locale: Locale): { day: string; month: string; year: string } {
  const part = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(LOCALE_TAG[locale], { timeZone: EVENT_TIME_ZONE, ...options }).format(startsAt);
  return { day: part({ day: "numeric" }), month: part({ month: "short" }).replace(".", ""), year: part({ year: "numeric" }) };
}

/** Registration is open until the event starts. */
export function isRegistrationOpen(event: { startsAt: Date }, now = new Date()): boolean {
  return event.startsAt.getTime() > now.getTime();
}

/** Places left (null: no limit), never below zero. */
export function placesLeft(capacity: number | null, registered: number): number | null {
  return capacity === null ? null : Math.max(0, capacity - registered);
}

// ---- Forms ---------------------------------------------------------------------------------

const HONEYPOT_FIELD = "website";
/** The hidden field only robots fill in (hidden by CSS and from assistive technology). */
export const EVENT_HONEYPOT = HONEYPOT_FIELD;

export const RegistrationSchema = z.object({
  name: nameSchema,
  email: emailSchema,
  organisation: z.string().trim().max(200, { error: "form.tooLong" }).default(""),
});
export type RegistrationFields = z.infer<typeof RegistrationSchema>;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const localDateTime = z
  .string({ error: "form.required" })
  .trim()
  .min(1, { error: "form.required" })
  .refine((value) => amsterdamLocalToDate(value) !== null, { error: "events.form.error.dateTime" });
const httpUrl = z
  .string()
  .trim()
  .max(500, { error: "form.tooLong" })
  .refine((value) => value === "" || /^https?:\/\/[^\s]+$/i.test(value), { error: "events.form.error.url" });

/** One speaker line of the form: an organisation (by id) and what they talk about. */
export const SpeakerSchema = z.object({
  organisationId: z.string().trim().default(""),
  topic: z.string().trim().max(300, { error: "form.tooLong" }).default(""),
});

/**
 * The event form of the editors. Times are Amsterdam wall-clock times (`datetime-local`); the
 * programme is HTML that is sanitized before it is stored (or plain text, turned into paragraphs).
 */
export const EventSchema = z
  .object({
    title: z.string({ error: "form.required" }).trim().min(3, { error: "form.required" }).max(200, { error: "form.tooLong" }),
    slug: z
      .string({ error: "form.required" })
      .trim()
      .min(3, { error: "events.form.error.slug" })
      .max(100, { error: "form.tooLong" })
      .regex(SLUG, { error: "events.form.error.slug" }),
    kind: z.enum(EVENT_KINDS, { error: "form.required" }),
    summary: z.string().trim().max(600, { error: "form.tooLong" }).default(""),
    programme: z.string().trim().max(50_000, { error: "form.tooLong" }).default(""),
    startsAt: localDateTime,
    endsAt: localDateTime,
    location: z.string().trim().max(300, { error: "form.tooLong" }).default(""),
    onlineUrl: httpUrl.default(""),
    capacity: z.coerce
      .number({ error: "events.form.error.capacity" })
      .int({ error: "events.form.error.capacity" })
      .min(1, { error: "events.form.error.capacity" })
      .max(100_000, { error: "events.form.error.capacity" })
      .optional(),
    published: z.preprocess((value) => value === "on" || value === "true" || value === true, z.boolean()).default(false),
    speakers: z.array(SpeakerSchema).max(20).default([]),
  })
  .superRefine((value, context) => {
    const start = amsterdamLocalToDate(value.startsAt);
    const end = amsterdamLocalToDate(value.endsAt);
    if (start && end && end.getTime() <= start.getTime()) {
      context.addIssue({ code: "custom", path: ["endsAt"], message: "events.form.error.endBeforeStart" });
    }
    if (!value.location && !value.onlineUrl) {
      context.addIssue({ code: "custom", path: ["location"], message: "events.form.error.where" });
    }
  });
export type EventFields = z.infer<typeof EventSchema>;

/** A file size as people read it: "840 kB", "1,2 MB" (Dutch) or "1.2 MB" (English). */
export function formatFileSize(bytes: number, locale: Locale): string {
  const format = (value: number, digits: number) => new Intl.NumberFormat(LOCALE_TAG[locale], { maximumFractionDigits: digits }).format(value);
  if (bytes < 1000 * 1000) return `${format(Math.max(1, Math.round(bytes / 1000)), 0)} kB`;
  return `${format(bytes / (1000 * 1000), 1)} MB`;
}
