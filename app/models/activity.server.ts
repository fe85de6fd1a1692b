import { db, type Db } from "#app/utils/db.server.ts";

/** What can happen to a chapter that its activity log shows. */
export const ACTIVITY_KINDS = [
  "status_changed",
  "comment_added",
  "comment_replied",
  "comment_resolved",
  "comment_reopened",
  "suggestion_accepted",
  "suggestion_rejected",
  "revision_restored",
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export type ActivityInput = {
  bookId: string;
  chapterId?: string | null;
  actorId?: string | null;
  kind: ActivityKind;
  /** Details for the log line (from/to state, message, thread id, counts…), stored as JSON. */
  data?: Record<string, unknown>;
};

/** Adds a line to the activity log; pass a transaction client when it belongs with other writes. */
export async function recordActivity(input: ActivityInput, client: Pick<Db, "activityEvent"> = db): Promise<void> {
  await client.activityEvent.create({
    data: {
      bookId: input.bookId,
      chapterId: input.chapterId ?? null,
      actorId: input.actorId ?? null,
      kind: input.kind,
      data: JSON.stringify(input.data ?? {}),
    },
  });
}

export type ActivityLine = {
  id: string;
  kind: ActivityKind;
  data: Record<string, unknown>;
  createdAt: Date;
  actor: { id: string; name: string } | null;
  chapter: { id: string; title: string; slug: string } | null;
};

/** The newest lines first, of one chapter or of a whole book. */
export async function listActivity(where: { chapterId: string } | { bookId: string }, { take = 100 } = {}): Promise<ActivityLine[]> {
  const rows = await db.activityEvent.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: {
      id: true,
      kind: true,
      data: true,
      createdAt: true,
      actor: { select: { id: true, name: true } },
      chapter: { select: { id: true, title: true, slug: true } },
    },
  });
  return rows.map((row) => ({ ...row, kind: row.kind as ActivityKind, data: parseData(row.data) }));
}

function parseData(json: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === "object" ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
