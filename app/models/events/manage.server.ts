import { amsterdamLocalToDate, type EventFields } from "#app/common/events.ts";
import { escapeHtml } from "#app/common/escape-html.ts";
import { toCsv } from "#app/utils/csv.server.ts";
import { db } from "#app/utils/db.server.ts";
import { isUniqueConstraintError } from "#app/utils/db-errors.server.ts";
import { sanitizeChapterHtml } from "#app/utils/sanitize-html.server.ts";
import { promoteFromWaitingList } from "./registrations.server.ts";

/** The editors' side of events: every event (published or not), create and edit, registrations. */

/** Every event, newest first, with its numbers, for the management list. */
export async function listEventsForManagement() {
  const events = await db.event.findMany({
    orderBy: { startsAt: "desc" },
    select: { id: true, slug: true, title: true, kind: true, startsAt: true, endsAt: true, capacity: true, published: true, _count: { select: { presentations: true } } },
  });
  const groups = await db.eventRegistration.groupBy({ by: ["eventId", "status"], _count: { _all: true } });
  const count = (eventId: string, status: string) => groups.find((g) => g.eventId === eventId && g.status === status)?._count._all ?? 0;
  return events.map(({ _count, ...event }) => ({
    ...event,
    presentationCount: _count.presentations,
    registered: count(event.id, "registered"),
    waitlisted: count(event.id, "waitlisted"),
  }));
}

/** One event as the edit page needs it, or null. */
export function getEventForManagement(id: string) {
  return db.event.findUnique({
    where: { id },
    include: {
      speakers: { orderBy: { position: "asc" }, select: { organisationId: true, topic: true, organisation: { select: { name: true, slug: true } } } },
      presentations: { orderBy: { createdAt: "asc" }, select: { id: true, title: true, file: true, sizeBytes: true, createdAt: true } },
    },
  });
}

/** The organisations an editor can choose as speakers. */
export function listSpeakerOrganisations() {
  return db.organisation.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } });
}

/** Registrations of an event: registered in order of arrival, then the waiting list in its order, then cancellations. */
export async function listRegistrations(eventId: string) {
  const rows = await db.eventRegistration.findMany({
    where: { eventId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, name: true, email: true, organisation: true, status: true, createdAt: true, cancelledAt: true },
  });
  const rank: Record<string, number> = { registered: 0, waitlisted: 1, cancelled: 2 };
  return rows.sort((a, b) => (rank[a.status] ?? 3) - (rank[b.status] ?? 3));
}

/**
 * The programme as stored: HTML from the form, sanitized; text without any tag is turned into
 * paragraphs (blank lines) and lists (lines starting with "- "), so an editor needs no HTML.
 */
export function programmeToHtml(input: string): string {
  const text = input.trim();
  if (!text) return "";
  if (/<[a-z][\s\S]*>/i.test(text)) return sanitizeChapterHtml(text);
  const blocks = text.split(/\n\s*\n/).map((block) => block.split("\n").map((line) => line.trim()).filter(Boolean));
  const html = blocks
    .filter((lines) => lines.length > 0)
    .map((lines) =>
      lines.every((line) => /^[-*•]\s+/.test(line))
        ? `<ul>${lines.map((line) => `<li>${escapeHtml(line.replace(/^[-*•]\s+/, ""))}</li>`).join("")}</ul>`
        : `<p>${lines.map(escapeHtml).join("<br>")}</p>`,
    )
    .join("");
  return sanitizeChapterHtml(html);
}

function eventData(fields: EventFields) {
  return {
    title: fields.title,
    slug: fields.slug,
    kind: fields.kind,
    summary: fields.summary,
    programmeHtml: programmeToHtml(fields.programme),
    // The schema has checked both values; the fallback only satisfies the types.
    startsAt: amsterdamLocalToDate(fields.startsAt) ?? new Date(Number.NaN),
    endsAt: amsterdamLocalToDate(fields.endsAt) ?? new Date(Number.NaN),
    location: fields.location,
    onlineUrl: fields.onlineUrl || null,
    capacity: fields.capacity ?? null,
    published: fields.published,
  };
}

/** Speakers from the form: chosen organisations once each, in the order given. */
function speakerRows(fields: EventFields) {
  const seen = new Set<string>();
  return fields.speakers
    .filter((speaker) => speaker.organisationId && !seen.has(speaker.organisationId) && seen.add(speaker.organisationId))
    .map((speaker, position) => ({ organisationId: speaker.organisationId, topic: speaker.topic, position }));
}

export type SaveEventResult = { status: "saved"; id: string; promoted: number } | { status: "slug-taken" | "unknown-organisation" | "not-found" };

async function knownOrganisations(fields: EventFields): Promise<boolean> {
  const ids = speakerRows(fields).map((speaker) => speaker.organisationId);
  return (await db.organisation.count({ where: { id: { in: ids } } })) === ids.length;
}

export async function createEvent(fields: EventFields): Promise<SaveEventResult> {
  if (!(await knownOrganisations(fields))) return { status: "unknown-organisation" };
  try {
    const event = await db.event.create({ data: { ...eventData(fields), speakers: { create: speakerRows(fields) } } });
    return { status: "saved", id: event.id, promoted: 0 };
  } catch (error) {
    if (isUniqueConstraintError(error)) return { status: "slug-taken" };
    throw error;
  }
}

/** Saves an event; a raised capacity moves people up from the waiting list (and e-mails them). */
export async function updateEvent(id: string, fields: EventFields): Promise<SaveEventResult> {
  if (!(await knownOrganisations(fields))) return { status: "unknown-organisation" };
  try {
    return await db.$transaction(async (tx): Promise<SaveEventResult> => {
      const existing = await tx.event.findUnique({ where: { id }, select: { id: true } });
      if (!existing) return { status: "not-found" };
      await tx.eventSpeaker.deleteMany({ where: { eventId: id } });
      await tx.event.update({ where: { id }, data: { ...eventData(fields), speakers: { create: speakerRows(fields) } } });
      const promoted = await promoteFromWaitingList(tx, id);
      return { status: "saved", id, promoted };
    });
  } catch (error) {
    if (isUniqueConstraintError(error)) return { status: "slug-taken" };
    throw error;
  }
}

/** Adds an uploaded (already checked and stored) PDF to an event. */
export async function addPresentation(input: { eventId: string; title: string; file: string; sizeBytes: number; uploadedById: string }) {
  return db.eventPresentation.create({ data: input });
}

/** Removes a presentation from its event (the stored file stays: it may be shared by content hash). */
export async function deletePresentation(eventId: string, presentationId: string): Promise<boolean> {
  const { count } = await db.eventPresentation.deleteMany({ where: { id: presentationId, eventId } });
  return count > 0;
}

/** The registrations and waiting list as CSV (UTF-8 with BOM, so spreadsheet programs read accents right). */
export function registrationsCsv(rows: Awaited<ReturnType<typeof listRegistrations>>, headers: string[], statusLabel: (status: string) => string): string {
  return toCsv(
    headers,
    rows.map((row) => [row.name, row.email, row.organisation, statusLabel(row.status), row.createdAt.toISOString(), row.cancelledAt?.toISOString() ?? ""]),
  );
}
