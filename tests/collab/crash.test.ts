import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { afterEach, describe, expect, test } from "vitest";
import * as Y from "yjs";
import { db } from "#app/utils/db.server.ts";
import { appendParagraph, chapterWithWriter, connectProvider, contentOf, synced, waitFor, type TestClient } from "./helpers.ts";

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
});

/** Starts the server in a child process on the port (0: any) and resolves with its URL. */
async function startServerProcess(port = 0): Promise<{ child: ChildProcess; url: string }> {
  // node itself, not npx, so SIGKILL reaches the server and not a wrapper.
  const child = spawn(process.execPath, ["--import", "tsx", "tests/collab/server-process.ts"], {
    env: { ...process.env, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let output = "";
  child.stderr!.on("data", (chunk) => (output += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk;
      const match = /listens on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.once("exit", (code) => reject(new Error(`the server exited early with ${code}: ${output}`)));
  });
  return { child, url };
}

/** The document exactly as a restarted server loads it: snapshot, then the stored updates. */
async function storedDocument(chapterId: string): Promise<Y.Doc> {
  const chapter = await db.chapter.findUniqueOrThrow({ where: { id: chapterId }, select: { docState: true } });
  const doc = new Y.Doc();
  if (chapter.docState) Y.applyUpdate(doc, chapter.docState);
  for (const row of await db.chapterUpdate.findMany({ where: { chapterId }, orderBy: { id: "asc" } })) Y.applyUpdate(doc, row.data);
  return doc;
}

/** Whether the document already holds everything in the update (applying it changes nothing). */
function contains(doc: Y.Doc, update: Uint8Array): boolean {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const before = Buffer.from(Y.encodeStateAsUpdate(copy));
  Y.applyUpdate(copy, update);
  return before.equals(Buffer.from(Y.encodeStateAsUpdate(copy)));
}

describe("a server killed mid-sentence", () => {
  test("loses nothing a peer has seen; clients reconnect by themselves and converge", async () => {
    const { chapter, token } = await chapterWithWriter({ bodyHtml: "" });
    const first = await startServerProcess();
    const port = Number(new URL(first.url).port);
    const clients: TestClient[] = [connectProvider(first.url, chapter.id, { token }), connectProvider(first.url, chapter.id, { token })];
    const received: Uint8Array[] = [];
    for (const client of clients) {
      client.doc.on("update", (update: Uint8Array, origin: unknown) => {
        if (origin === client.provider) received.push(update);
      });
    }
    try {
      await Promise.all(clients.map((client) => synced(client)));
      const texts = clients.map((client, i) => appendParagraph(client.doc, `schrijver ${i}: `));
      let n = 0;
      const typing = setInterval(() => texts.forEach((text, i) => text.insert(text.length, `${i}.${n++} `)), 15);
      try {
        await waitFor(() => received.length >= 60, { message: "peers to receive each other's typing" });
        first.child.kill("SIGKILL");
        await once(first.child, "exit");
        const recorded = received.slice(); // everything a peer had seen when the server died

        const stored = await storedDocument(chapter.id);
        const missing = recorded.filter((update) => !contains(stored, update));
        expect(missing.length, "updates a peer received but the database lost").toBe(0);

        // Typing goes on offline; the restarted server on the same port and database takes it all in.
        await startServerProcess(port);
      } finally {
        clearInterval(typing);
      }
      await waitFor(() => clients.every((client) => client.provider.synced && client.provider.wsconnected), {
        timeout: 15_000,
        message: "the clients to reconnect",
      });
      await waitFor(() => contentOf(clients[0]!.doc) === contentOf(clients[1]!.doc), { message: "the clients to converge" });
      const fresh = connectProvider(`http://127.0.0.1:${port}`, chapter.id, { token });
      clients.push(fresh);
      await synced(fresh);
      await waitFor(() => contentOf(fresh.doc) === contentOf(clients[0]!.doc), { message: "a fresh client to see the same text" });
      expect(contentOf(fresh.doc)).toContain(`1.${n - 1} `); // the last word typed (offline) is there
    } finally {
      for (const client of clients) client.provider.destroy();
    }
  }, 90_000); // two server processes start in it (tsx), which takes tens of seconds on a loaded two-core machine
});
