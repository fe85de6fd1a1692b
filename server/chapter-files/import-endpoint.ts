import { createHmac, timingSafeEqual } from "node:crypto";
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import express from "express";
import { getEnv } from "#app/utils/env.server.ts";
import { BookFileError } from "./book-files.ts";
import { importBook, type DocumentEditor } from "./import-book.ts";

/**
 * The import command hands its work to a running Kapittel server, because only the process that
 * holds a chapter's live document may change it: an edit written to the database behind its back
 * would be missed by everyone connected and then compacted away. The server announces itself in
 * DATA_DIR/server.json; the command proves it runs on this machine with this configuration by a
 * token derived from SESSION_SECRET, and the endpoint only answers the loopback interface.
 */
export const IMPORT_ENDPOINT_PATH = "/internal/chapters-import";

const RUNNING_SERVER_FILE = "server.json";

export type RunningServer = { pid: number; url: string };

export function importToken(secret = getEnv().SESSION_SECRET): string {
  return createHmac("sha256", secret).update("kapittel chapters import").digest("hex");
}

/** Express handler: POST {directory, dryRun} → the import report as JSON. */
export function importEndpoint(editor: () => DocumentEditor): express.RequestHandler[] {
  return [
    express.json({ limit: "16kb" }),
    (req, res) => {
      const remote = req.socket.remoteAddress ?? "";
      if (!["127.0.0.1", "::1", "::ffff:127.0.0.1"].includes(remote)) {
        res.status(403).json({ error: "only from this machine" });
        return;
      }
      const given = Buffer.from(String(req.headers.authorization ?? "").replace(/^Bearer /, ""));
      const expected = Buffer.from(importToken());
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        res.status(401).json({ error: "wrong or missing token" });
        return;
      }
      const { directory, dryRun } = (req.body ?? {}) as { directory?: unknown; dryRun?: unknown };
      if (typeof directory !== "string" || !path.isAbsolute(directory)) {
        res.status(400).json({ error: "directory must be an absolute path" });
        return;
      }
      importBook({ directory, dryRun: dryRun === true, editor: editor() }).then(
        (report) => res.json(report),
        (error: unknown) => {
          if (error instanceof BookFileError) return res.status(422).json({ error: error.message });
          console.error(JSON.stringify({ event: "chapters.import.failed", error: String(error) }));
          res.status(500).json({ error: error instanceof Error ? error.message : String(error) });
        },
      );
    },
  ];
}

const runningServerFile = () => path.resolve(getEnv().DATA_DIR, RUNNING_SERVER_FILE);

/** Announces this process as the server for DATA_DIR (called once it listens). */
export async function announceRunningServer(url: string): Promise<void> {
  const local = url.replace("//0.0.0.0:", "//127.0.0.1:").replace("//[::]:", "//[::1]:");
  await writeFile(runningServerFile(), JSON.stringify({ pid: process.pid, url: local } satisfies RunningServer));
}

/** Withdraws the announcement (at shutdown), if it is still ours. */
export async function withdrawRunningServer(): Promise<void> {
  const current = await findRunningServer();
  if (current?.pid === process.pid) await rm(runningServerFile(), { force: true });
}

/** The server announced for DATA_DIR, if its process is still alive. */
export async function findRunningServer(): Promise<RunningServer | null> {
  try {
    const announced = JSON.parse(await readFile(runningServerFile(), "utf8")) as RunningServer;
    process.kill(announced.pid, 0); // throws when no such process
    return announced;
  } catch {
    return null;
  }
}
