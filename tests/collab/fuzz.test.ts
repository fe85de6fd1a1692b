import { afterAll, beforeAll, describe, expect, test } from "vitest";
import WebSocket from "ws";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { CLOSE_CODES } from "#app/common/collab.ts";
import type { KapittelServer } from "#server/app.ts";
import { encodeSyncStep1, encodeUpdate, MESSAGE } from "#server/collab/protocol.ts";
import { CRAFTED_UPDATES } from "./crafted-updates.ts";
import { appendParagraph, chapterWithWriter, collabBase, collectLogs, connectProvider, contentOf, startCollabServer, synced, waitFor } from "./helpers.ts";

const logs = collectLogs();
let server: KapittelServer;
let fixture: Awaited<ReturnType<typeof chapterWithWriter>>;

beforeAll(async () => {
  server = await startCollabServer({ log: logs.log, limits: { connectionsPerUser: 10_000, connectionsPerDocument: 10_000 } });
  fixture = await chapterWithWriter({ bodyHtml: "" });
});
afterAll(async () => {
  await server.close();
});

const socketUrl = () => `${collabBase(server.url)}/${fixture.chapter.id}?token=${encodeURIComponent(fixture.token)}`;

function open(): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(socketUrl());
    ws.once("open", () => resolve(ws));
    ws.on("error", reject);
  });
}

/**
 * The probe sent after each frame: a sync step 1 with an empty state vector. The server answers it
 * with a sync step 2 to this connection alone, so that answer means "still open". (Presence is no
 * probe: the server also sends it unasked, on joining and whenever someone else's presence changes,
 * as when the editors of an earlier test leave while this connection joins.)
 */
const PROBE = encodeSyncStep1(new Y.Doc());
const isProbeAnswer = (data: Buffer) => data[0] === MESSAGE.sync && data[1] === syncProtocol.messageYjsSyncStep2;

/**
 * Sends the frame, then the probe: resolves with the close code if the server closed the
 * connection, or "alive" if it answered (a random frame can happen to be a valid message).
 */
async function sendAndObserve(frame: Uint8Array | string): Promise<number | "alive"> {
  const ws = await open();
  return new Promise((resolve) => {
    ws.once("close", (code) => resolve(code));
    ws.on("message", (data: Buffer) => {
      if (isProbeAnswer(data)) {
        resolve("alive");
        ws.close();
      }
    });
    ws.send(frame);
    ws.send(PROBE);
  });
}

async function inBatches<T, R>(items: T[], size: number, run: (item: T, first: boolean) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += size) {
    results.push(...(await Promise.all(items.slice(i, i + size).map((item, j) => run(item, j === 0)))));
  }
  return results;
}

function validFrames(): Uint8Array[] {
  const doc = new Y.Doc();
  const frames: Uint8Array[] = [];
  doc.on("update", (update: Uint8Array) => frames.push(encodeUpdate(update)));
  const text = appendParagraph(doc, "fuzz");
  for (let i = 0; i < 50; i++) text.insert(text.length, `woord${i} `);
  return frames;
}

describe("malformed input against a live server", () => {
  test("thousands of random and truncated frames close only their own connections; editors keep syncing", async () => {
    const a = connectProvider(server.url, fixture.chapter.id, { token: fixture.token });
    const b = connectProvider(server.url, fixture.chapter.id, { token: fixture.token });
    try {
      await Promise.all([synced(a), synced(b)]);
      const typing = appendParagraph(a.doc, "");
      const valid = validFrames();
      const frames: Uint8Array[] = [];
      for (let i = 0; i < 1000; i++) {
        frames.push(crypto.getRandomValues(new Uint8Array(1 + (i % 97))));
        const whole = valid[i % valid.length]!;
        frames.push(whole.slice(0, 1 + (i % (whole.length - 1))));
      }
      // The editor types a word per batch: at a human pace, under the message rate limit.
      let typed = 0;
      const results = await inBatches(frames, 100, async (frame, first) => {
        if (first) typing.insert(typing.length, `${typed++} `);
        return sendAndObserve(frame);
      });
      const closedWith = new Set(results.filter((r) => r !== "alive"));
      expect([...closedWith]).toEqual([CLOSE_CODES.malformedMessage]);
      expect(results.filter((r) => r === CLOSE_CODES.malformedMessage).length).toBeGreaterThan(1500);

      await waitFor(() => contentOf(b.doc) === contentOf(a.doc) && contentOf(b.doc).includes(`${typed - 1} `), {
        message: "the editors to stay in sync",
      });
      expect((await fetch(server.url)).status).toBe(200);
    } finally {
      a.provider.destroy();
      b.provider.destroy();
    }
  }, 90_000); // 2,000 connections, each authenticated: ~25 s on two busy cores

  test.each(Object.entries(CRAFTED_UPDATES))("a crafted update closes its connection with 4400 and a log line: %s", async (name, update) => {
    const before = logs.entries.length;
    const result = await sendAndObserve(encodeUpdate(update));
    expect(result, name).toBe(CLOSE_CODES.malformedMessage);
    const entry = await waitFor(() =>
      logs.entries.slice(before).find((e) => e.event === "collab.connection.closed" && e.code === CLOSE_CODES.malformedMessage),
    );
    expect(entry).toMatchObject({ chapter: fixture.chapter.id, user: fixture.writer.id, access: "write" });
    expect(String(entry!.reason)).toMatch(/malformed message/);
  });

  test("an oversized frame closes with 1009, a text frame with 4400; the document is untouched", async () => {
    const reader = connectProvider(server.url, fixture.chapter.id, { token: fixture.token });
    try {
      await synced(reader);
      const contentBefore = contentOf(reader.doc);
      const huge = new Uint8Array(2 * 1024 * 1024 + 16);
      huge[0] = 0;
      huge[1] = 2;
      expect(await sendAndObserve(huge)).toBe(1009);
      expect(await sendAndObserve("hallo")).toBe(CLOSE_CODES.malformedMessage);
      const fresh = connectProvider(server.url, fixture.chapter.id, { token: fixture.token });
      await synced(fresh);
      expect(contentOf(fresh.doc)).toBe(contentBefore);
      fresh.provider.destroy();
    } finally {
      reader.provider.destroy();
    }
    const oversized = await waitFor(() => logs.entries.find((e) => e.event === "collab.connection.closed" && e.code === 1009));
    expect(oversized).toMatchObject({ chapter: fixture.chapter.id, user: fixture.writer.id });
  });
});
