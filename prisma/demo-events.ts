import { amsterdamLocalToDate, EVENT_TIME_ZONE } from "#app/common/events.ts";
import { escapeHtml } from "#app/common/escape-html.ts";
import { storeDocument } from "#app/models/stored-files.server.ts";
import type { DbTransaction } from "#app/utils/db.server.ts";
import { sanitizeChapterHtml } from "#app/utils/sanitize-html.server.ts";
import { hashToken, newSecretToken } from "#app/utils/tokens.server.ts";
import { DEMO_EVENTS, type DemoEvent } from "./seed-data/events.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

/** The Amsterdam calendar day `offset` days from `now`, as "YYYY-MM-DD". */
function amsterdamDay(now: Date, offset: number): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: EVENT_TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(now.getTime() + offset * DAY_MS));
}

function at(now: Date, offset: number, time: string): Date {
  const moment = amsterdamLocalToDate(`${amsterdamDay(now, offset)}T${time}`);
  if (!moment) throw new Error(`Demo event: bad time ${time}`);
  return moment;
}

function programmeHtml(programme: DemoEvent["programme"]): string {
  const html = programme
    .map((block) => (Array.isArray(block) ? `<ul>${block.map((item) => `<li>${escapeHtml(item)}</li>`).join("")}</ul>` : `<p>${escapeHtml(block)}</p>`))
    .join("");
  return sanitizeChapterHtml(html);
}

/**
 * A small, valid one-page PDF showing a title: demo slides, so the download links lead to a real
 * file. Text in the standard Helvetica font, which needs no embedding (ASCII only: accents are dropped).
 */
export function demoPresentationPdf(title: string, subtitle: string): Uint8Array {
  const ascii = (text: string) => text.normalize("NFD").replace(/[^\x20-\x7e]/g, "").replace(/[\\()]/g, (c) => `\\${c}`);
  const content = [
    "BT /F1 26 Tf 60 420 Td",
    `(${ascii(title).slice(0, 60)}) Tj`,
    "0 -40 Td /F1 16 Tf",
    `(${ascii(subtitle).slice(0, 80)}) Tj`,
    "0 -30 Td /F1 12 Tf (Demopresentatie - Kapittel) Tj ET",
  ].join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 595] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    `<< /Length ${Buffer.byteLength(content, "latin1")} >>\nstream\n${content}\nendstream`,
  ];
  let pdf = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(Buffer.byteLength(pdf, "latin1"));
    pdf += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, "latin1");
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(pdf, "latin1"));
}

const FIRST_NAMES = ["Sanne", "Daan", "Fatima", "Joris", "Noor", "Bram", "Lotte", "Mehmet", "Eva", "Thijs", "Iris", "Youssef", "Femke", "Ruben", "Anouk"];
const LAST_NAMES = ["de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "Bos", "Vos", "Peters", "Hendriks"];
const ORGANISATIONS = ["Gemeente Zwolle", "Gemeente Eindhoven", "Provincie Gelderland", "Gemeente Utrecht", "Gemeente Almere", "", "Gemeente Breda", "Hogeschool Utrecht"];

/** Loads the demo events (inside the demo's transaction) with speakers, registrations and generated presentations. */
export async function createDemoEvents(tx: DbTransaction, now = new Date()): Promise<void> {
  const organisations = new Map((await tx.organisation.findMany({ select: { id: true, slug: true, name: true } })).map((o) => [o.slug, o]));
  const uploader = await tx.user.findFirst({ where: { role: "editor" }, select: { id: true } });
  for (const [eventIndex, demo] of DEMO_EVENTS.entries()) {
    const startsAt = at(now, demo.dayOffset, demo.start);
    const event = await tx.event.create({
      data: {
        slug: demo.slug,
        title: demo.title,
        kind: demo.kind,
        summary: demo.summary,
        programmeHtml: programmeHtml(demo.programme),
        startsAt,
        endsAt: at(now, demo.dayOffset, demo.end),
        location: demo.location,
        onlineUrl: demo.onlineUrl,
        capacity: demo.capacity,
        published: true,
        speakers: {
          create: demo.speakers.map((speaker, position) => {
            const organisation = organisations.get(speaker.organisation);
            if (!organisation) throw new Error(`Demo event ${demo.slug}: unknown organisation ${speaker.organisation}`);
            return { organisationId: organisation.id, topic: speaker.topic, position };
          }),
        },
      },
    });
    const people = demo.registered + demo.waitlisted;
    for (let index = 0; index < people; index += 1) {
      const first = FIRST_NAMES[(index + eventIndex * 3) % FIRST_NAMES.length]!;
      const last = LAST_NAMES[(index * 5 + eventIndex) % LAST_NAMES.length]!;
      await tx.eventRegistration.create({
        data: {
          eventId: event.id,
          name: `${first} ${last}`,
          email: `deelnemer${index + 1}.e${eventIndex + 1}@kapittel.example`,
          organisation: ORGANISATIONS[(index + eventIndex) % ORGANISATIONS.length]!,
          status: index < demo.registered ? "registered" : "waitlisted",
          cancelTokenHash: hashToken(newSecretToken()),
          // Registrations came in over the weeks before the event.
          createdAt: new Date(Math.min(now.getTime(), startsAt.getTime()) - (people - index) * 7 * 60 * 60 * 1000),
        },
      });
    }
    for (const title of demo.presentations) {
      const bytes = demoPresentationPdf(title, demo.title);
      const file = await storeDocument(bytes);
      await tx.eventPresentation.create({ data: { eventId: event.id, title, file, sizeBytes: bytes.length, uploadedById: uploader?.id ?? null } });
    }
  }
}
