// `npm run chapters:export -- [--book <slug>] [--out <dir>]` and
// `npm run chapters:import -- [--dry-run] [--dir <dir>]`: the book in and out of chapters/.
import path from "node:path";
import { parseArgs } from "node:util";
import { htmlToYUpdate, yDocToHtml, yDocToText } from "#app/models/chapter-content.server.ts";
import { disconnectDb } from "#app/utils/db.server.ts";
import { createCollabService } from "../collab/index.ts";
import { BookFileError } from "./book-files.ts";
import { exportBook } from "./export-book.ts";
import { findRunningServer, IMPORT_ENDPOINT_PATH, importToken } from "./import-endpoint.ts";
import { importBook, type ImportReport } from "./import-book.ts";

const DEFAULT_DIRECTORY = "chapters";

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  const { values } = parseArgs({
    args: rest,
    options: {
      book: { type: "string" },
      out: { type: "string" },
      dir: { type: "string" },
      "dry-run": { type: "boolean", default: false },
    },
  });
  if (command === "export") {
    const outDir = path.resolve(values.out ?? DEFAULT_DIRECTORY);
    const result = await exportBook({ outDir, bookSlug: values.book });
    console.log(`Exported "${result.bookSlug}": ${result.files.length} files written to ${path.relative(process.cwd(), outDir) || "."}`);
    return 0;
  }
  if (command === "import") {
    const directory = path.resolve(values.dir ?? DEFAULT_DIRECTORY);
    const report = await runImport(directory, values["dry-run"] ?? false);
    printReport(report, values["dry-run"] ?? false);
    return 0;
  }
  console.error("Usage: chapters export [--book <slug>] [--out <dir>] | chapters import [--dry-run] [--dir <dir>]");
  return 2;
}

/** Through the running server when there is one (it holds the live documents), else in this process. */
async function runImport(directory: string, dryRun: boolean): Promise<ImportReport> {
  const server = dryRun ? null : await findRunningServer();
  if (server) {
    const response = await fetch(new URL(IMPORT_ENDPOINT_PATH, server.url), {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${importToken()}` },
      body: JSON.stringify({ directory, dryRun }),
    });
    const body = (await response.json()) as ImportReport & { error?: string };
    if (!response.ok) throw new ImportRefused(body.error ?? `the server answered ${response.status}`);
    return body;
  }
  const collab = createCollabService({
    htmlToUpdate: htmlToYUpdate,
    renderer: { html: (doc) => yDocToHtml(doc), text: yDocToText },
    // A command prints its report; only problems of the service are worth a line besides.
    log: (entry) => entry.level === "error" && console.error(JSON.stringify(entry)),
  });
  try {
    return await importBook({ directory, dryRun, editor: collab });
  } finally {
    await collab.close();
  }
}

class ImportRefused extends Error {}

function printReport(report: ImportReport, dryRun: boolean) {
  const would = dryRun ? "would be " : "";
  console.log(`Book "${report.bookSlug}"${report.bookCreated ? ` ${would}created` : ""}.`);
  for (const file of report.created) console.log(`  new      ${path.relative(process.cwd(), file)}`);
  for (const { file, changes } of report.updated) console.log(`  changed  ${path.relative(process.cwd(), file)} (${changes.join(", ")})`);
  for (const slug of report.notInFiles) console.log(`  kept     ${slug} (in Kapittel, not in the files)`);
  for (const note of report.notes) console.log(`  note     ${note}`);
  console.log(`${report.created.length} ${would}created, ${report.updated.length} ${would}changed, ${report.unchanged} unchanged.`);
  if (dryRun) console.log("Dry run: nothing was changed.");
}

main()
  .then(async (code) => {
    await disconnectDb();
    process.exit(code);
  })
  .catch(async (error: unknown) => {
    await disconnectDb().catch(() => undefined);
    if (error instanceof BookFileError || error instanceof ImportRefused) {
      console.error(`Nothing was imported. ${error.message}`);
      process.exit(1);
    }
    console.error(error);
    process.exit(1);
  });
