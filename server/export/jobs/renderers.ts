import type { ExportFormat } from "#app/models/export-jobs.server.ts";
import type { Manuscript } from "../manuscript.ts";
import type { ExportProgress } from "../progress.ts";

/** What each format's renderer is (server/export/epub, server/export/pdf): a manuscript in, the file's bytes out. */
export type Renderer = (manuscript: Manuscript, progress?: ExportProgress) => Promise<Uint8Array>;

/**
 * The renderer of a format, imported on first use: pandoc-wasm and the Typst compiler are large,
 * so a server that never exports never loads them, and start-up stays fast.
 */
export async function rendererFor(format: ExportFormat): Promise<Renderer> {
  if (format === "epub") return (await import("../epub/index.ts")).renderEpub;
  return (await import("../pdf/index.ts")).renderPdf;
}
