import { afterEach, describe, expect, test } from "vitest";
import { db } from "#app/utils/db.server.ts";
import { listenerCount } from "#app/utils/live-events.server.ts";
import { contentOf, waitFor, type TestClient as LiveClient } from "#tests/collab/helpers.ts";
import { TestClient } from "#tests/helpers/http-client.ts";
import { useTestServer } from "#tests/helpers/server.ts";
import { anchorsOn, clientFor, commentScene, findText, liveClient, postComment, SENTENCE } from "./helpers.ts";

const server = useTestServer();
let live: LiveClient[] = [];
afterEach(() => {
  for (const client of live) client.provider.destroy();
  live = [];
});

async function open(chapterId: string, userId: string) {
  const client = await liveClient(server.url, chapterId, userId);
  live.push(client);
  return client;
}

/** A scene with a live client for the author and anchors on the sentence. */
async function sceneWithAnchors(status?: NonNullable<Parameters<typeof commentScene>[0]>["status"]) {
  const scene = await commentScene({ status });
  const doc = (await open(scene.chapter.id, scene.editor.id)).doc;
  return { ...scene, doc, anchors: anchorsOn(doc, SENTENCE) };
}

const comments = (chapterId: string) => `/api/chapters/${chapterId}/comments`;

describe("who may see and write comments", () => {
  test("the chapter's authors, editors and admins read and write; readers and other organisations' authors do not", async () => {
    const scene = await sceneWithAnchors("published");
    // A published chapter: a reader may read the chapter, never its comments.
    const reader = await clientFor(server.url, scene.reader.id);
    const refusedGet = await reader.get(comments(scene.chapter.id));
    expect(refusedGet.status).toBe(403);
    expect(((await refusedGet.json()) as { message: string }).message).toMatch(/auteurs van dit hoofdstuk/);
    expect((await postComment(reader, scene.chapter.id, { intent: "create", body: "Mag dit?", ...scene.anchors })).status).toBe(403);
    expect((await reader.get(`/api/chapters/${scene.chapter.id}/events`)).status).toBe(403);

    const outsider = await clientFor(server.url, scene.outsider.id);
    expect((await outsider.get(comments(scene.chapter.id))).status).toBe(403);
    expect((await postComment(outsider, scene.chapter.id, { intent: "create", body: "Mag dit?", ...scene.anchors })).status).toBe(403);

    // Published: editors and admins still comment, the chapter's own author reads only.
    const author = await clientFor(server.url, scene.author.id);
    expect((await author.get(comments(scene.chapter.id))).status).toBe(200);
    const settled = await postComment(author, scene.chapter.id, { intent: "create", body: "Nog iets", ...scene.anchors });
    expect(settled.status).toBe(403);
    expect(((await settled.json()) as { message: string }).message).toMatch(/alleen redacteuren/);
    for (const user of [scene.editor, scene.admin]) {
      const client = await clientFor(server.url, user.id);
      expect((await postComment(client, scene.chapter.id, { intent: "create", body: `Van ${user.name}`, ...scene.anchors })).status).toBe(201);
    }
    const visitor = new TestClient(server.url);
    expect((await visitor.get(comments(scene.chapter.id))).status).toBe(401);
    expect(await db.comment.count({ where: { thread: { chapterId: scene.chapter.id } } })).toBe(2);
  });

  test("authors comment while their chapter is in review (when they cannot edit the text)", async () => {
    const scene = await sceneWithAnchors("in_review");
    const author = await clientFor(server.url, scene.author.id);
    const response = await postComment(author, scene.chapter.id, { intent: "create", body: "Klopt dit jaartal?", ...scene.anchors });
    expect(response.status).toBe(201);
    const { threads } = (await (await author.get(comments(scene.chapter.id))).json()) as { threads: { quote: string; comments: { body: string }[] }[] };
    expect(threads).toHaveLength(1);
    expect(threads[0]?.quote).toBe(SENTENCE);
    expect(threads[0]?.comments[0]?.body).toBe("Klopt dit jaartal?");
  });

  test("a request without the CSRF token is refused as JSON", async () => {
    const scene = await sceneWithAnchors();
    const author = await clientFor(server.url, scene.author.id);
    const response = await author.post(comments(scene.chapter.id), { intent: "create", body: "x", ...scene.anchors, csrf: "wrong" });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { message: string }).message).toBeTruthy();
    expect(await db.commentThread.count({ where: { chapterId: scene.chapter.id } })).toBe(0);
  });
});

describe("bad input", () => {
  test("an empty comment and a 100 kB comment are refused with a clear message, nothing is stored", async () => {
    const scene = await sceneWithAnchors();
    const author = await clientFor(server.url, scene.author.id);
    for (const body of ["", "   \n  "]) {
      const response = await postComment(author, scene.chapter.id, { intent: "create", body, ...scene.anchors });
      expect(response.status).toBe(422);
      expect(((await response.json()) as { message: string }).message).toBe("Schrijf eerst een opmerking.");
    }
    const huge = await postComment(author, scene.chapter.id, { intent: "create", body: "a".repeat(100_000), ...scene.anchors });
    expect([413, 422]).toContain(huge.status);
    expect(((await huge.json()) as { message: string }).message).toMatch(/te lang.*5\.000 tekens/);
    // Just over the limit but small enough to be read: refused by validation.
    const over = await postComment(author, scene.chapter.id, { intent: "create", body: "é".repeat(5001), ...scene.anchors });
    expect(over.status).toBe(422);
    const exact = await postComment(author, scene.chapter.id, { intent: "create", body: "é".repeat(5000), ...scene.anchors });
    expect(exact.status).toBe(201);
    expect(await db.comment.count({ where: { thread: { chapterId: scene.chapter.id } } })).toBe(1);
  });

  test("a range that no longer exists is refused: de tekst waarop u reageert bestaat niet meer", async () => {
    const scene = await sceneWithAnchors();
    const other = await open(scene.chapter.id, scene.coAuthor.id);
    // Someone else deletes the sentence before the comment arrives.
    const { text, index } = findText(other.doc, SENTENCE);
    text.delete(index, SENTENCE.length);
    await waitFor(() => !contentOf(scene.doc).includes("kust beschermen"), { message: "the deletion to arrive" });
    const author = await clientFor(server.url, scene.author.id);
    const response = await postComment(author, scene.chapter.id, { intent: "create", body: "Wat bedoelt u?", ...scene.anchors });
    expect(response.status).toBe(422);
    expect(((await response.json()) as { message: string }).message.toLowerCase()).toContain("de tekst waarop u reageert bestaat niet meer");
    // Anchors that are not relative positions at all.
    for (const anchorStart of ["", "////", Buffer.from([255, 255, 255]).toString("base64")]) {
      const bad = await postComment(author, scene.chapter.id, { intent: "create", body: "x", anchorStart, anchorEnd: scene.anchors.anchorEnd });
      expect(bad.status).toBe(422);
    }
    // Anchors on a range that ends before it starts.
    const reversed = await postComment(author, scene.chapter.id, {
      intent: "create",
      body: "x",
      anchorStart: anchorsOn(scene.doc, "Daarna").anchorStart,
      anchorEnd: anchorsOn(scene.doc, "Inleiding").anchorEnd,
    });
    expect(reversed.status).toBe(422);
    expect(await db.commentThread.count({ where: { chapterId: scene.chapter.id } })).toBe(0);
  });

  test("unknown intents and threads of another chapter are 4xx", async () => {
    const scene = await sceneWithAnchors();
    const elsewhere = await commentScene();
    const editor = await clientFor(server.url, scene.editor.id);
    expect((await postComment(editor, scene.chapter.id, { intent: "explode" })).status).toBe(400);
    const created = (await (await postComment(editor, scene.chapter.id, { intent: "create", body: "Hier", ...scene.anchors })).json()) as { threadId: string };
    const wrongChapter = await postComment(editor, elsewhere.chapter.id, { intent: "reply", threadId: created.threadId, body: "Daar" });
    expect(wrongChapter.status).toBe(404);
  });
});

describe("replies, mentions, resolving", () => {
  test("a reply notifies everyone who wrote in the thread; mentions only reach people on the chapter", async () => {
    const scene = await sceneWithAnchors();
    const editor = await clientFor(server.url, scene.editor.id);
    const author = await clientFor(server.url, scene.author.id);
    const coAuthor = await clientFor(server.url, scene.coAuthor.id);

    const created = await postComment(editor, scene.chapter.id, {
      intent: "create",
      body: `@${scene.author.name} en @${scene.reader.name} en @${scene.outsider.name}: kijk hier eens naar.`,
      mention: [scene.author.id, scene.reader.id, scene.outsider.id],
      ...scene.anchors,
    });
    expect(created.status).toBe(201);
    const { threadId } = (await created.json()) as { threadId: string };
    const mentions = await db.notification.findMany({ where: { kind: "mention" }, select: { userId: true, link: true } });
    expect(mentions.map((m) => m.userId)).toEqual([scene.author.id]);
    expect(mentions[0]?.link).toContain(`#opmerking-${threadId}`);

    expect((await postComment(author, scene.chapter.id, { intent: "reply", threadId, body: "Goed punt." })).status).toBe(201);
    expect((await postComment(coAuthor, scene.chapter.id, { intent: "reply", threadId, body: "Eens." })).status).toBe(201);
    const replies = await db.notification.findMany({ where: { kind: "comment_reply" }, select: { userId: true }, orderBy: { createdAt: "asc" } });
    // The author's reply told the editor; the co-author's told the editor and the author; nobody hears of their own.
    expect(replies.map((r) => r.userId).sort()).toEqual([scene.editor.id, scene.editor.id, scene.author.id].sort());

    // A mention typed away (id sent, "@Name" no longer in the text) is not a mention.
    await postComment(editor, scene.chapter.id, { intent: "reply", threadId, body: "Toch niet.", mention: [scene.coAuthor.id] });
    expect(await db.notification.count({ where: { kind: "mention", userId: scene.coAuthor.id } })).toBe(0);
  });

  test("resolve and reopen, with every step in the activity log", async () => {
    const scene = await sceneWithAnchors();
    const editor = await clientFor(server.url, scene.editor.id);
    const author = await clientFor(server.url, scene.author.id);
    const { threadId } = (await (await postComment(editor, scene.chapter.id, { intent: "create", body: "Bron?", ...scene.anchors })).json()) as { threadId: string };
    await postComment(author, scene.chapter.id, { intent: "reply", threadId, body: "Toegevoegd." });
    expect((await postComment(author, scene.chapter.id, { intent: "resolve", threadId })).status).toBe(200);
    // Resolving twice (two people clicking at once) records it once.
    expect((await postComment(editor, scene.chapter.id, { intent: "resolve", threadId })).status).toBe(200);
    let thread = await db.commentThread.findUniqueOrThrow({ where: { id: threadId } });
    expect(thread.resolvedById).toBe(scene.author.id);
    expect((await postComment(editor, scene.chapter.id, { intent: "reopen", threadId })).status).toBe(200);
    thread = await db.commentThread.findUniqueOrThrow({ where: { id: threadId } });
    expect(thread.resolvedAt).toBeNull();

    const log = await db.activityEvent.findMany({ where: { chapterId: scene.chapter.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    expect(log.map((line) => [line.kind, line.actorId])).toEqual([
      ["comment_added", scene.editor.id],
      ["comment_replied", scene.author.id],
      ["comment_resolved", scene.author.id],
      ["comment_reopened", scene.editor.id],
    ]);
    expect(JSON.parse(log[0]?.data ?? "{}")).toMatchObject({ threadId, quote: SENTENCE });
  });
});

describe("live updates", () => {
  test("everyone with the chapter open hears of a new comment through Server-Sent Events", async () => {
    const scene = await sceneWithAnchors();
    const author = await clientFor(server.url, scene.author.id);
    const controller = new AbortController();
    const response = await author.request(`/api/chapters/${scene.chapter.id}/events`, { method: "GET", signal: controller.signal });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/text\/event-stream/);
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let received = "";
    const readUntil = async (pattern: RegExp) => {
      while (!pattern.test(received)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended before ${pattern}: ${received}`);
        received += value;
      }
    };
    await readUntil(/: connected/);
    expect(listenerCount(scene.chapter.id)).toBe(1);

    const editor = await clientFor(server.url, scene.editor.id);
    const { threadId } = (await (await postComment(editor, scene.chapter.id, { intent: "create", body: "Live?", ...scene.anchors })).json()) as { threadId: string };
    await readUntil(/data: .*\n\n/);
    expect(JSON.parse(/data: (.*)\n/.exec(received)?.[1] ?? "{}")).toEqual({ type: "comments", threadId });

    // Leaving the page ends the subscription.
    controller.abort();
    await reader.cancel().catch(() => {});
    await waitFor(() => listenerCount(scene.chapter.id) === 0, { message: "the stream to unsubscribe" });
  });
});
