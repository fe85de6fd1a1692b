import { once } from "node:events";
import { afterEach, describe, expect, test } from "vitest";
import * as Y from "yjs";
import { appendParagraph, chapterWithWriter, connectProvider, contentOf, holdsUpdate, storedDocument, synced, waitFor, type TestClient } from "./helpers.ts";
import { startServerProcess, type ServerProcess } from "./server-processes.ts";

const servers: ServerProcess[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.kill()));
});

describe("a server killed mid-sentence", () => {
  test("loses nothing a peer has seen; clients reconnect by themselves and converge", async () => {
    const { chapter, token } = await chapterWithWriter({ bodyHtml: "" });
    const first = await startServerProcess({});
    servers.push(first);
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
        const missing = recorded.filter((update) => !holdsUpdate(stored, update));
        expect(missing.length, "updates a peer received but the database lost").toBe(0);

        // Typing goes on offline; the restarted server on the same port and database takes it all in.
        servers.push(await startServerProcess({}, port));
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
