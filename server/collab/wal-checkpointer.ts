import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

const require = createRequire(import.meta.url);

/** How often the write-ahead log is folded back into the database file. */
const CHECKPOINT_INTERVAL_MS = 250;
/** Log size (pages) past which the worker makes the log start over (SQLite's own default: 1,000). */
const RESTART_AFTER_PAGES = 1_000;

// Plain JavaScript, evaluated in the worker: no TypeScript loader there.
const WORKER_CODE = `
const { workerData, parentPort } = require("node:worker_threads");
const Database = require(workerData.driver);
// A RESTART waits this long for a write in progress (writers wait for it in turn, on a timer).
const connection = new Database(workerData.file, { timeout: 50 });
const checkpoint = () => {
  try {
    // PASSIVE never waits for or blocks a writer. But while commits keep coming, the log never
    // starts over by itself (a commit always lands during the copy), so past a size a RESTART
    // holds writers back for the moment it takes to let the next one start at the beginning.
    const [{ log }] = connection.pragma("wal_checkpoint(PASSIVE)");
    if (log > workerData.restartAfterPages) connection.pragma("wal_checkpoint(RESTART)");
  } catch {
    // Busy: tried again next time.
  }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.once("message", () => {
  clearInterval(timer);
  checkpoint();
  connection.close();
  parentPort.close();
});
`;

/** Stops the checkpointer after one last checkpoint. */
export type WalCheckpointer = { stop: () => Promise<void> };

/**
 * Checkpoints a SQLite database in WAL mode from a worker thread. SQLite's automatic checkpoint
 * runs inside whichever commit crosses 1,000 pages, on that connection's thread: with keystrokes
 * committed one by one, that meant a 5–10 ms stall of the event loop (copying pages and fsync)
 * about once a second, which every peer waiting for a relayed keystroke felt. The connections that
 * write on the event loop turn their automatic checkpoint off (the update log) or rarely reach it
 * (Prisma's, whose writes are few), because this keeps the log short. A writer held back by a
 * RESTART waits on a timer (sqlite-update-log.ts), so the event loop stays free meanwhile.
 */
export function startWalCheckpointer(file: string): WalCheckpointer {
  const worker = new Worker(WORKER_CODE, {
    eval: true,
    workerData: { driver: require.resolve("better-sqlite3"), file, intervalMs: CHECKPOINT_INTERVAL_MS, restartAfterPages: RESTART_AFTER_PAGES },
  });
  // Never what keeps a process (or a test worker) alive.
  worker.unref();
  const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
  worker.on("error", (error) => console.error(JSON.stringify({ event: "sqlite.checkpointer.failed", error: String(error) })));
  return {
    stop: async () => {
      // Held from here on: a process with nothing else left to do must still wait for the exit.
      worker.ref();
      worker.postMessage("stop");
      await exited;
    },
  };
}
