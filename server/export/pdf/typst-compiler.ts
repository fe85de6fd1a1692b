import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import { FONT_DIRECTORY } from "./font-coverage.ts";

/**
 * One warm Typst compiler in a worker thread. Compiling a whole book takes seconds of CPU in native
 * code; on the main thread that would stall every request and every live editing session of the
 * server, so it runs beside it. The worker lives as long as the process (without keeping it alive):
 * fonts are loaded once, and Typst's memoization makes the next export of a mostly unchanged book
 * faster. Compiles are queued; the worker does one at a time.
 *
 * The worker's code is a string (`eval`), not a file: the same code then runs under tsx, Vitest
 * and a bundled server, none of which would agree on where a separate worker file lives.
 */

export type CompileRequest = {
  source: string;
  /** Files the source refers to (images), by their absolute Typst path. */
  files: Map<string, Uint8Array>;
  /** PDF standard to declare, e.g. "ua-1". */
  pdfStandard: string;
};

export type CompileResult = { pdf: Uint8Array; pages: number; title: string | null; warnings: string[] };

/** A Typst error with the diagnostics that explain it. */
export class TypstError extends Error {
  constructor(readonly diagnostics: string[]) {
    super(`Typst could not compile the book: ${diagnostics.slice(0, 5).join("; ") || "unknown error"}`);
    this.name = "TypstError";
  }
}

const require = createRequire(import.meta.url);

const WORKER_CODE = `
const { parentPort, workerData } = require("node:worker_threads");
const { NodeCompiler } = require(workerData.compilerModule);
const compiler = NodeCompiler.create({ workspace: "/", fontArgs: [{ fontPaths: [workerData.fontDirectory] }] });
const describe = (diagnostics) => (diagnostics || []).map((d) => {
  const where = d.path ? d.path + (d.range ? ":" + d.range : "") + ": " : "";
  return where + (d.message || JSON.stringify(d)) + (d.hints && d.hints.length ? " (" + d.hints.join("; ") + ")" : "");
});
parentPort.on("message", ({ id, source, files, pdfStandard }) => {
  try {
    compiler.resetShadow();
    for (const [file, bytes] of files) compiler.mapShadow(file, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    const result = compiler.compile({ mainFileContent: source });
    const error = result.takeError();
    if (error) {
      parentPort.postMessage({ id, error: describe(compiler.fetchDiagnostics(error)) });
      return;
    }
    const warningsError = result.takeWarnings();
    const warnings = warningsError ? describe(compiler.fetchDiagnostics(warningsError)) : [];
    const document = result.result;
    const pdf = compiler.pdf(document, { pdfStandard });
    const bytes = new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    parentPort.postMessage({ id, pdf: bytes, pages: document.numOfPages, title: document.title, warnings }, [bytes.buffer]);
  } catch (error) {
    // PDF export errors (PDF/UA checks) arrive as one debug string: keep just their messages.
    const text = String((error && error.message) || error);
    const messages = [...text.matchAll(/message: "((?:[^"\\\\]|\\\\.)*)"/g)].map((match) => match[1]);
    parentPort.postMessage({ id, error: messages.length ? messages : [text] });
  } finally {
    compiler.resetShadow();
    // Keep what the next export of the same book reuses, drop what was not used for a while.
    compiler.evictCache(10);
  }
});
`;

type Reply = { id: number; error?: string[]; pdf?: Uint8Array; pages?: number; title?: string | null; warnings?: string[] };
type Pending = { resolve: (result: CompileResult) => void; reject: (error: Error) => void };

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

function startWorker(): Worker {
  const started = new Worker(WORKER_CODE, {
    eval: true,
    workerData: { compilerModule: require.resolve("@myriaddreamin/typst-ts-node-compiler"), fontDirectory: FONT_DIRECTORY },
  });
  started.unref();
  started.on("message", (reply: Reply) => {
    const waiting = pending.get(reply.id);
    if (!waiting) return;
    pending.delete(reply.id);
    if (pending.size === 0) started.unref();
    if (reply.error) waiting.reject(new TypstError(reply.error));
    else waiting.resolve({ pdf: reply.pdf!, pages: reply.pages ?? 0, title: reply.title ?? null, warnings: reply.warnings ?? [] });
  });
  const fail = (error: Error) => {
    if (worker === started) worker = null;
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  };
  started.on("error", fail);
  started.on("exit", (code) => fail(new Error(`The Typst worker stopped (exit code ${code})`)));
  return started;
}

/**
 * How long one compile may take before the worker is stopped (and a new one started for the next
 * export). Our sources run no user code, so only a Typst bug could hang; the export then fails with
 * a message instead of waiting forever.
 */
const COMPILE_TIMEOUT_MS = 180_000;

/** Compiles a Typst source to PDF in the warm worker. */
export function compileTypst(request: CompileRequest): Promise<CompileResult> {
  worker ??= startWorker();
  const id = nextId++;
  const current = worker;
  return new Promise<CompileResult>((resolve, reject) => {
    const timer = setTimeout(() => {
      pending.delete(id);
      reject(new TypstError([`no result after ${COMPILE_TIMEOUT_MS / 1000} s`]));
      if (worker === current) worker = null;
      void current.terminate();
    }, COMPILE_TIMEOUT_MS);
    timer.unref();
    const settle = <T>(fn: (value: T) => void) => (value: T) => {
      clearTimeout(timer);
      fn(value);
    };
    pending.set(id, { resolve: settle(resolve), reject: settle(reject) });
    // Referenced while it works, so a script that only awaits an export does not exit under it.
    current.ref();
    current.postMessage({ id, source: request.source, files: [...request.files], pdfStandard: request.pdfStandard });
  });
}

/** Stops the worker (tests and shutdown); the next compile starts a new one. */
export async function stopTypstWorker(): Promise<void> {
  const running = worker;
  worker = null;
  await running?.terminate();
}
