import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import * as Y from "yjs";
import type { DocumentRenderer, Rendered } from "./persistence.ts";

const require = createRequire(import.meta.url);

// Plain JavaScript that loads the worker's TypeScript through tsx, as the server's own code is
// loaded (a worker's execArgv cannot carry --import).
const BOOTSTRAP = `
const { workerData } = require("node:worker_threads");
import(workerData.tsxApi).then(({ register }) => {
  register();
  return import(workerData.entry);
});
`;
// tsx's ESM API (its package's "import" condition; require.resolve yields the CommonJS twin).
const TSX_API = pathToFileURL(path.join(path.dirname(require.resolve("tsx/esm/api")), "index.mjs")).href;

type Reply = { id: number; rendered?: Rendered; error?: string };
type Waiting = { resolve: (rendered: Rendered) => void; reject: (error: Error) => void };

/**
 * A renderer that turns chapters into HTML and text on a worker thread. Rendering through a DOM
 * (happy-dom) takes 3 ms for a short chapter and, with garbage collection, up to 80 ms for a long
 * one; on the event loop that was a stall every peer's keystrokes waited behind, twice a second
 * with 20 busy chapters. The document's state is encoded here (about a millisecond) and the rest
 * happens there.
 *
 * One worker serves the whole process, however many collaboration services it starts (tests start
 * many), and it is started at once: loading the app's code in it takes a second or two of CPU,
 * which at the first edits would stall the keystrokes just when people start typing, and delay
 * the rendered text (and its count of open suggestions, which approving reads) by as much. An idle
 * worker never keeps the process alive. One that dies fails what it had in hand (those documents
 * render again later) and is started anew on the next render.
 */
export function renderInWorker(): DocumentRenderer {
  worker ??= start();
  return {
    render(doc) {
      const state = Y.encodeStateAsUpdate(doc);
      const current = (worker ??= start());
      const id = nextId++;
      current.ref();
      return new Promise<Rendered>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        current.postMessage({ id, state }, [state.buffer as ArrayBuffer]);
      });
    },
  };
}

let worker: Worker | null = null;
let nextId = 1;
const waiting = new Map<number, Waiting>();

function start(): Worker {
  const started = new Worker(BOOTSTRAP, {
    eval: true,
    workerData: { tsxApi: TSX_API, entry: new URL("./render-worker.ts", import.meta.url).href },
  });
  started.unref();
  started.on("message", ({ id, rendered, error }: Reply) => {
    const request = waiting.get(id);
    if (!request) return;
    waiting.delete(id);
    // Held only while it has work.
    if (waiting.size === 0) started.unref();
    if (rendered) request.resolve(rendered);
    else request.reject(new Error(error ?? "rendering failed"));
  });
  const fail = (error: Error) => {
    if (worker === started) worker = null;
    for (const request of waiting.values()) request.reject(error);
    waiting.clear();
  };
  started.on("error", fail);
  started.on("exit", (code) => fail(new Error(`the render worker stopped (exit code ${code})`)));
  return started;
}
