/** Rows to append, each tagged with its chapter; the write returns the new rows' ids and chapters. */
export type AppendRows = (rows: { chapterId: string; data: Uint8Array }[]) => Promise<{ id: number; chapterId: string }[]>;

type Waiting = { chapterId: string; updates: Uint8Array[]; resolve: (lastId: number) => void; reject: (error: unknown) => void };

/**
 * Appends of every document written together: what all chapters hand in during one turn of the
 * event loop (and while a write is in flight) goes to the database in one call, so one commit.
 * A Prisma call costs about the same for one row as for twenty (the query is compiled and
 * interpreted per call), and better-sqlite3 runs it on the event loop; one call per keystroke per
 * chapter was most of the server's time. Each caller's promise still resolves only after the
 * commit that holds its rows, so "stored before relayed" is unchanged.
 */
export function coalesceAppends(write: AppendRows): (chapterId: string, updates: Uint8Array[]) => Promise<number> {
  let waiting: Waiting[] = [];
  let scheduled = false;
  let writing = false;

  const schedule = () => {
    if (scheduled || writing || waiting.length === 0) return;
    scheduled = true;
    // setImmediate, not a microtask: the appends of every socket read in this turn join the batch.
    setImmediate(() => void run());
  };

  async function run(): Promise<void> {
    scheduled = false;
    writing = true;
    const batch = waiting;
    waiting = [];
    try {
      await writeTogether(batch);
    } finally {
      writing = false;
      schedule();
    }
  }

  async function writeTogether(batch: Waiting[]): Promise<void> {
    try {
      const rows = await write(batch.flatMap(({ chapterId, updates }) => updates.map((data) => ({ chapterId, data }))));
      const last = new Map<string, number>();
      for (const row of rows) last.set(row.chapterId, Math.max(last.get(row.chapterId) ?? 0, row.id));
      for (const w of batch) w.resolve(last.get(w.chapterId) ?? 0);
    } catch (error) {
      if (batch.length === 1) return batch[0]!.reject(error);
      // One chapter's failure (say, deleted meanwhile) must not hold up the others: write each
      // alone, so only the failing one rejects (and its document retries; docs/decisions/006).
      for (const w of batch) await writeTogether([w]);
    }
  }

  return (chapterId, updates) =>
    new Promise<number>((resolve, reject) => {
      waiting.push({ chapterId, updates, resolve, reject });
      schedule();
    });
}
