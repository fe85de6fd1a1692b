import { execFile } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { strFromU8, unzipSync } from "fflate";

/**
 * The publishing world's two EPUB checkers, run on a real file: epubcheck (Debian's package,
 * started with `java -jar` because the Debian wrapper script is broken here) and DAISY Ace
 * (@daisy/ace-cli, axe in Debian's Chromium through puppeteer). Both return what they found, so
 * a failing test shows the messages. For the EPUB export and the export jobs tests.
 */

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "../..");

export type EpubcheckMessage = { ID: string; severity: string; message: string; locations: { path: string; line: number }[] };
export type EpubcheckResult = { errors: number; warnings: number; fatals: number; messages: EpubcheckMessage[] };

/** Writes an EPUB to a fresh temporary folder and returns its path. */
export async function epubFile(bytes: Uint8Array, name = "book.epub"): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "kapittel-epub-"));
  const file = path.join(dir, name);
  await writeFile(file, bytes);
  return file;
}

/** The files inside an EPUB, by path, as text (binary files as Latin-1, so they can still be searched). */
export function epubEntries(bytes: Uint8Array): Map<string, string> {
  const entries = unzipSync(bytes);
  const isText = (name: string) => /\.(xhtml|opf|xml|css|svg|ncx)$|^mimetype$/.test(name);
  return new Map(Object.entries(entries).map(([name, data]) => [name, strFromU8(data, !isText(name))]));
}

export async function runEpubcheck(file: string): Promise<EpubcheckResult> {
  const report = `${file}.epubcheck.json`;
  // epubcheck exits 1 when it finds errors; the JSON report says what they are.
  // A short-lived JVM: the quick compiler and the serial collector halve epubcheck's CPU time.
  const jvm = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"];
  await run("java", [...jvm, "-jar", "/usr/bin/epubcheck", file, "--json", report], { maxBuffer: 16 * 1024 * 1024 }).catch((error: { code?: number }) => {
    if (error.code !== 1) throw error;
  });
  const json = JSON.parse(await readFile(report, "utf8")) as { messages: EpubcheckMessage[] };
  const count = (severity: string) => json.messages.filter((message) => message.severity === severity).length;
  return { errors: count("ERROR"), warnings: count("WARNING"), fatals: count("FATAL"), messages: json.messages.filter((message) => message.severity !== "INFO" && message.severity !== "USAGE") };
}

export type AceViolation = { file: string; rule: string; impact: string; description: string };

/**
 * Runs DAISY Ace and returns every violation of any impact. Ace's exit code is 0 even when it
 * finds violations: the report's assertions are what count.
 */
export async function runAce(file: string): Promise<{ outcome: string; violations: AceViolation[] }> {
  const out = `${file}.ace`;
  await run(path.join(ROOT, "node_modules/.bin/ace-cli"), ["--silent", "--force", "--outdir", out, file], {
    cwd: ROOT,
    env: { ...process.env, PUPPETEER_EXECUTABLE_PATH: "/usr/bin/chromium" },
    maxBuffer: 16 * 1024 * 1024,
    timeout: 290_000,
  });
  type Assertion = {
    "earl:testSubject"?: { url?: string };
    "earl:test"?: { "dct:title": string; "earl:impact": string };
    "earl:result"?: { "earl:outcome": string; "dct:description"?: string };
    assertions?: Assertion[];
  };
  const report = JSON.parse(await readFile(path.join(out, "report.json"), "utf8")) as { "earl:result": { "earl:outcome": string }; assertions: Assertion[] };
  const violations: AceViolation[] = [];
  const visit = (assertion: Assertion, file: string) => {
    const subject = assertion["earl:testSubject"]?.url ?? file;
    if (assertion["earl:test"] && assertion["earl:result"]?.["earl:outcome"] === "fail") {
      violations.push({
        file: subject,
        rule: assertion["earl:test"]["dct:title"],
        impact: assertion["earl:test"]["earl:impact"],
        description: (assertion["earl:result"]["dct:description"] ?? "").slice(0, 300),
      });
    }
    assertion.assertions?.forEach((child) => visit(child, subject));
  };
  report.assertions.forEach((assertion) => visit(assertion, ""));
  return { outcome: report["earl:result"]["earl:outcome"], violations };
}
