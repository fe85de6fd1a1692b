/** One structured log line of the collaboration service. */
export type CollabLogEntry = {
  event: string;
  chapter?: string;
  user?: string;
  [key: string]: unknown;
};

/** Where log entries go; tests pass their own to read them. */
export type CollabLogger = (entry: CollabLogEntry) => void;

/** Writes each entry as one JSON line on stdout (errors on stderr), for a log collector to parse. */
export const jsonLineLogger: CollabLogger = (entry) => {
  const line = JSON.stringify({ time: new Date().toISOString(), ...entry });
  if (entry.level === "error") console.error(line);
  else console.log(line);
};

/** What is known about a connection when it closes: the one line written per connection. */
export type ConnectionSummary = {
  chapter: string;
  user: string;
  access: string;
  code: number;
  reason: string;
  openedAt: number;
  messages: number;
  droppedUpdates: number;
};

export function connectionClosedEntry(summary: ConnectionSummary): CollabLogEntry {
  const { openedAt, ...rest } = summary;
  return { event: "collab.connection.closed", ...rest, durationMs: Math.round(performance.now() - openedAt) };
}
