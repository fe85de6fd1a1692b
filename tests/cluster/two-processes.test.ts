import { afterAll, beforeAll, describe, expect, test } from "vitest";
import * as Y from "yjs";
import { CLOSE_CODES, collabTokenUrl } from "#app/common/collab.ts";
import { createCollabToken } from "#app/utils/collab-token.server.ts";
import { db } from "#app/utils/db.server.ts";
import { LOGIN_FAILURES_PER_ACCOUNT } from "#app/utils/rate-limit.server.ts";
import { appendParagraph, chapterWithWriter, connectProvider, contentOf, holdsUpdate, storedDocument, synced, waitFor, type TestClient } from "#tests/collab/helpers.ts";
import { anchorsOn, commentScene, liveClient, postComment, SENTENCE } from "#tests/comments/helpers.ts";
import { createUser } from "#tests/factories.ts";
import { TestClient as HttpClient } from "#tests/helpers/http-client.ts";
import { logInAs } from "#tests/helpers/login.ts";
import { startRedisServer, type RedisServer } from "#tests/redis/server.ts";
import { chapterIn, clientFor, postStep, workflowCast } from "#tests/workflow/helpers.ts";
import { startServerProcess, type ServerProcess } from "#tests/collab/server-processes.ts";

// Two Kapittel processes on one PostgreSQL database and one Redis (issue #10): what a user on one
// does reaches a user on the other, a process killed mid-sentence loses nothing its peers saw, and
// limits hold across both. PostgreSQL project only (tests/postgresql/project.ts).

describe("two Kapittel processes sharing PostgreSQL and Redis", () => {
  let redis: RedisServer;
  let a: ServerProcess;
  let b: ServerProcess;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    redis = await startRedisServer();
    [a, b] = await Promise.all([startServerProcess({ REDIS_URL: redis.url }), startServerProcess({ REDIS_URL: redis.url })]);
  }, 90_000);
  afterAll(async () => {
    for (const client of clients) client.provider.destroy();
    await Promise.all([a?.kill(), b?.kill()]);
    await redis?.dispose();
  });

  test("a writer on each edits the same chapter live; presence crosses; a token from one opens the other", async () => {
    const { chapter, writer } = await chapterWithWriter({ bodyHtml: "" });
    // The token comes from process A's route and opens process B: both sign with SESSION_SECRET.
    const http = new HttpClient(a.url);
    await logInAs(http, writer.id);
    const response = await http.get(collabTokenUrl(chapter.id));
    expect(response.status).toBe(200);
    const { token } = (await response.json()) as { token: string };
    const atA = connectProvider(a.url, chapter.id, { token });
    const watcherAtA = connectProvider(a.url, chapter.id, { token });
    clients.push(atA, watcherAtA);
    await Promise.all([synced(atA), synced(watcherAtA)]);
    const nameAt = (client: TestClient) => (client.provider.awareness.getStates().get(atA.doc.clientID) as { user?: { name: string } } | undefined)?.user?.name;
    atA.provider.awareness.setLocalStateField("user", { name: "Anna" });
    await waitFor(() => nameAt(watcherAtA) === "Anna", { message: "Anna's presence at A" });
    // B loads the chapter only now, and asks the others who is there.
    const atB = connectProvider(b.url, chapter.id, { token });
    clients.push(atB);
    await synced(atB);
    await waitFor(() => nameAt(atB) === "Anna", { message: "Anna's presence at B, who came later" });

    const fromA = appendParagraph(atA.doc, "Anna schrijft ");
    const fromB = appendParagraph(atB.doc, "Bert schrijft ");
    for (let i = 0; i < 20; i++) {
      fromA.insert(fromA.length, `a${i} `);
      fromB.insert(fromB.length, `b${i} `);
    }
    await waitFor(() => contentOf(atA.doc) === contentOf(atB.doc) && contentOf(atA.doc).includes("a19") && contentOf(atA.doc).includes("b19"), {
      message: "the two writers to converge",
    });

    atA.provider.awareness.setLocalStateField("user", { name: "Anna Auteur" });
    await waitFor(() => nameAt(atB) === "Anna Auteur", { message: "Anna's changed presence at B" });
  });

  test("approving the chapter on one process makes a writer on the other read-only at once", async () => {
    const cast = await workflowCast();
    const chapter = await chapterIn(cast, "in_review", "<p>Ter review.</p>");
    const author = cast.people["author of the chapter"];
    const atB = connectProvider(b.url, chapter.id, { token: createCollabToken(author.id, chapter.id).token });
    clients.push(atB);
    const closes: number[] = [];
    atB.provider.on("connection-close", (event) => event && closes.push(event.code));
    await synced(atB);
    const response = await postStep(await clientFor(a.url, cast.people.editor.id), chapter, cast.book.slug, { action: "approve", expectedStatus: "in_review" });
    expect(response.status).toBe(303);
    await waitFor(() => closes.includes(CLOSE_CODES.accessChanged), { message: "B's connection to close with 4509" });
    atB.provider.destroy();
  });

  test("a comment posted on one process reaches the open editor's event stream on the other", async () => {
    const scene = await commentScene();
    const live = await liveClient(a.url, scene.chapter.id, scene.editor.id);
    clients.push(live);
    const author = new HttpClient(b.url);
    await logInAs(author, scene.author.id);
    const controller = new AbortController();
    const response = await author.request(`/api/chapters/${scene.chapter.id}/events`, { method: "GET", signal: controller.signal });
    expect(response.status).toBe(200);
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let received = "";
    const readUntil = async (pattern: RegExp) => {
      while (!pattern.test(received)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended before ${pattern}: ${received}`);
        received += value;
      }
    };
    try {
      await readUntil(/: connected/); // B now hears the other processes' events for the chapter
      const editor = new HttpClient(a.url);
      await logInAs(editor, scene.editor.id);
      const posted = await postComment(editor, scene.chapter.id, { intent: "create", body: "Over de processen heen?", ...anchorsOn(live.doc, SENTENCE) });
      const { threadId } = (await posted.json()) as { threadId: string };
      await readUntil(/data: .*\n\n/);
      expect(JSON.parse(/data: (.*)\n/.exec(received)?.[1] ?? "{}")).toEqual({ type: "comments", threadId });
    } finally {
      controller.abort();
      await reader.cancel().catch(() => {});
    }
  });

  test("wrong passwords spread over both processes hit the one limit", async () => {
    const user = await createUser({ password: "het juiste wachtwoord" });
    const [viaA, viaB] = [new HttpClient(a.url), new HttpClient(b.url)];
    for (let i = 0; i < LOGIN_FAILURES_PER_ACCOUNT; i++) {
      const response = await (i % 2 === 0 ? viaA : viaB).post("/inloggen", { email: user.email, password: `fout ${i}` });
      expect(response.status).toBe(400);
    }
    for (const client of [viaA, viaB]) {
      const refused = await client.post("/inloggen", { email: user.email, password: "het juiste wachtwoord" });
      expect(refused.status).toBe(429);
    }
  });

  test("while Redis is away each process serves its own clients; once it is back they catch up from the database and converge", async () => {
    const { chapter, token } = await chapterWithWriter({ bodyHtml: "" });
    const atA = connectProvider(a.url, chapter.id, { token });
    const atB = connectProvider(b.url, chapter.id, { token });
    clients.push(atA, atB);
    await Promise.all([synced(atA), synced(atB)]);
    await redis.stop();
    appendParagraph(atA.doc, "tijdens de storing bij A");
    appendParagraph(atB.doc, "tijdens de storing bij B");
    const both = (content: string) => content.includes("storing bij A") && content.includes("storing bij B");
    // Stored by each process as always (durable first), though not relayed.
    await waitFor(async () => both(contentOf(await storedDocument(chapter.id))), { message: "both edits stored" });
    expect(contentOf(atA.doc)).not.toContain("storing bij B");
    await redis.start();
    await waitFor(() => both(contentOf(atA.doc)) && contentOf(atA.doc) === contentOf(atB.doc), { timeout: 20_000, message: "the clients to converge" });
  });

  // Last: it restarts process A.
  test("kill -9 one process: the other keeps serving, nothing its clients saw is lost, and after a restart they converge", async () => {
    const { chapter, token } = await chapterWithWriter({ bodyHtml: "" });
    const atA = connectProvider(a.url, chapter.id, { token });
    const atB = connectProvider(b.url, chapter.id, { token });
    clients.push(atA, atB);
    await Promise.all([synced(atA), synced(atB)]);
    const seenAtA: Uint8Array[] = [];
    atA.doc.on("update", (update: Uint8Array, origin: unknown) => origin === atA.provider && seenAtA.push(update));
    const textA = appendParagraph(atA.doc, "A: ");
    const textB = appendParagraph(atB.doc, "B: ");
    let n = 0;
    const typing = setInterval(() => {
      textA.insert(textA.length, `a${n} `);
      textB.insert(textB.length, `b${n++} `);
    }, 15);
    try {
      await waitFor(() => seenAtA.length >= 40, { message: "A's client to receive B's typing" });
      const port = Number(new URL(a.url).port);
      await a.kill();
      const recorded = seenAtA.slice();
      const stored = await storedDocument(chapter.id);
      expect(recorded.filter((update) => !holdsUpdate(stored, update)).length, "updates A's client received but the database lost").toBe(0);

      // B goes on: what its writer types now is stored and would reach anyone loading the chapter.
      const afterKill = n;
      await waitFor(async () => contentOf(await storedDocument(chapter.id)).includes(`b${afterKill + 5} `), { message: "B to store edits after the kill" });

      a = await startServerProcess({ REDIS_URL: redis.url }, port);
    } finally {
      clearInterval(typing);
    }
    const last = `b${n - 1} `;
    await waitFor(() => atA.provider.wsconnected && atA.provider.synced, { timeout: 20_000, message: "A's client to reconnect" });
    await waitFor(() => contentOf(atA.doc) === contentOf(atB.doc), { message: "both clients to converge" });
    expect(contentOf(atA.doc)).toContain(last);
    expect(contentOf(atA.doc)).toContain(`a${n - 1} `); // typed offline while A was down
  }, 90_000);
});
