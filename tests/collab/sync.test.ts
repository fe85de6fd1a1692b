import { afterEach, describe, expect, test } from "vitest";
import * as Y from "yjs";
import { CHAPTER_FRAGMENT, CLOSE_CODES } from "#app/common/collab.ts";
import { db } from "#app/utils/db.server.ts";
import type { KapittelServer } from "#server/app.ts";
import { prismaDocumentStore, type DocumentStore } from "#server/collab/persistence.ts";
import {
  appendParagraph,
  chapterWithWriter,
  collectLogs,
  connectProvider,
  contentOf,
  startCollabServer,
  synced,
  waitFor,
  type TestClient,
} from "./helpers.ts";

let servers: KapittelServer[] = [];
let clients: TestClient[] = [];

afterEach(async () => {
  for (const client of clients) client.provider.destroy();
  clients = [];
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});

async function start(options: Parameters<typeof startCollabServer>[0] = {}) {
  const server = await startCollabServer({ log: collectLogs().log, ...options });
  servers.push(server);
  return server;
}

function connect(server: KapittelServer, chapterId: string, token: string) {
  const client = connectProvider(server.url, chapterId, { token });
  clients.push(client);
  return client;
}

/** A test HTML→Yjs initialiser: one paragraph per <p>, standing in for chapter-content.server.ts. */
function paragraphsFromHtml(html: string): Uint8Array {
  const doc = new Y.Doc();
  for (const [, text] of html.matchAll(/<p>(.*?)<\/p>/g)) appendParagraph(doc, text ?? "");
  return Y.encodeStateAsUpdate(doc);
}

/** The document as stored in the database: snapshot plus updates. */
async function storedDocument(chapterId: string): Promise<Y.Doc> {
  const chapter = await db.chapter.findUniqueOrThrow({ where: { id: chapterId }, select: { docState: true } });
  const updates = await db.chapterUpdate.findMany({ where: { chapterId }, orderBy: { id: "asc" } });
  const doc = new Y.Doc();
  if (chapter.docState) Y.applyUpdate(doc, chapter.docState);
  for (const update of updates) Y.applyUpdate(doc, update.data);
  return doc;
}

describe("collaborative editing", () => {
  test("two clients editing concurrently converge, and the result survives a server restart", async () => {
    const { chapter, token } = await chapterWithWriter({ bodyHtml: "" });
    const server = await start();
    const a = connect(server, chapter.id, token);
    const b = connect(server, chapter.id, token);
    await Promise.all([synced(a), synced(b)]);

    const textA = appendParagraph(a.doc, "Alpha ");
    const textB = appendParagraph(b.doc, "Beta ");
    for (let i = 0; i < 30; i++) {
      textA.insert(textA.length, `a${i} `);
      textB.insert(0, `b${i} `);
    }
    await waitFor(() => contentOf(a.doc) === contentOf(b.doc) && contentOf(a.doc).includes("a29") && contentOf(a.doc).includes("b29"), {
      message: "both clients to converge",
    });
    const converged = contentOf(a.doc);

    a.provider.destroy();
    b.provider.destroy();
    await server.close();
    servers = servers.filter((s) => s !== server);

    const restarted = await start();
    const c = connect(restarted, chapter.id, token);
    await synced(c);
    expect(contentOf(c.doc)).toBe(converged);
  });

  test("shutdown closes open connections with 4503 and stores the document first", async () => {
    const { chapter, token } = await chapterWithWriter({ bodyHtml: "" });
    const server = await start();
    const a = connect(server, chapter.id, token);
    await synced(a);
    const closes: number[] = [];
    a.provider.on("connection-close", (event) => event && closes.push(event.code));
    const text = appendParagraph(a.doc, "");
    for (let i = 0; i < 20; i++) text.insert(text.length, `${i} `);
    await waitFor(async () => contentOf(await storedDocument(chapter.id)).includes("19 "), { message: "the updates to be stored" });
    expect(await db.chapterUpdate.count({ where: { chapterId: chapter.id } })).toBeGreaterThan(0);
    await server.close();
    servers = servers.filter((s) => s !== server);
    a.provider.disconnect(); // it would try to reconnect to the stopped server
    expect(closes).toContain(CLOSE_CODES.serverShutdown);
    const stored = await storedDocument(chapter.id);
    expect(contentOf(stored)).toBe(contentOf(a.doc));
    expect(await db.chapterUpdate.count({ where: { chapterId: chapter.id } })).toBe(0); // compacted on unload
  });

  test("ten clients converge on one chapter; the document is loaded once and unloaded after the last leaves", async () => {
    const { chapter, token } = await chapterWithWriter({ bodyHtml: "" });
    const server = await start();
    const many = Array.from({ length: 10 }, () => connect(server, chapter.id, token));
    await Promise.all(many.map((client) => synced(client)));
    expect(server.collab.loadedChapterIds()).toEqual([chapter.id]);

    const texts = many.map((client, i) => appendParagraph(client.doc, `client ${i}:`));
    for (let round = 0; round < 10; round++) {
      texts.forEach((text, i) => text.insert(text.length, ` ${i}.${round}`));
    }
    await waitFor(
      () => {
        const first = contentOf(many[0]!.doc);
        return many.every((client) => contentOf(client.doc) === first) && first.includes("9.9") && first.includes("0.9");
      },
      { message: "ten clients to converge" },
    );
    const converged = contentOf(many[0]!.doc);
    expect(many[0]!.doc.getXmlFragment(CHAPTER_FRAGMENT).length).toBe(10);

    for (const client of many) client.provider.destroy();
    await waitFor(() => server.collab.loadedChapterIds().length === 0, { message: "the document to unload" });
    // Unloading compacts: one snapshot, no loose updates, and it holds everything.
    await waitFor(async () => (await db.chapterUpdate.count({ where: { chapterId: chapter.id } })) === 0, { message: "compaction" });
    expect(contentOf(await storedDocument(chapter.id))).toBe(converged);
  });

  test("a server change (withDocument) reaches connected clients and is stored before it resolves", async () => {
    const { chapter, token } = await chapterWithWriter({ bodyHtml: "" });
    const server = await start();
    // With nobody connected, the document is loaded, changed, stored and unloaded again.
    await server.collab.withDocument(chapter.id, (doc) => appendParagraph(doc, "zonder lezers"));
    expect(contentOf(await storedDocument(chapter.id))).toContain("zonder lezers");
    expect(server.collab.loadedChapterIds()).not.toContain(chapter.id);

    const a = connect(server, chapter.id, token);
    await synced(a);
    expect(contentOf(a.doc)).toContain("zonder lezers");
    await server.collab.withDocument(chapter.id, (doc) => appendParagraph(doc, "terwijl iemand schrijft"));
    expect(contentOf(await storedDocument(chapter.id))).toContain("terwijl iemand schrijft");
    await waitFor(() => contentOf(a.doc).includes("terwijl iemand schrijft"), { message: "the client to receive the server change" });
    expect(await server.collab.withDocument("no-such-chapter", () => 1)).toBeNull();
  });

  test("every update is in the database before a peer receives it", async () => {
    const { chapter, token } = await chapterWithWriter({ bodyHtml: "" });
    // The real store, made slow: were anything relayed before it is stored, the peer would see it
    // while the database does not have it yet.
    const real = prismaDocumentStore({});
    const slow: DocumentStore = {
      ...real,
      append: async (...args) => {
        await new Promise((resolve) => setTimeout(resolve, 100));
        return real.append(...args);
      },
    };
    const server = await start({ store: slow });
    const a = connect(server, chapter.id, token);
    const b = connect(server, chapter.id, token);
    await Promise.all([synced(a), synced(b)]);
    const checks: Promise<boolean>[] = [];
    b.doc.on("update", (update: Uint8Array, origin: unknown) => {
      if (origin !== b.provider) return;
      // At the moment the peer has it, the stored document must contain it.
      checks.push(
        storedDocument(chapter.id).then((stored) => {
          const before = Y.encodeStateVector(stored);
          Y.applyUpdate(stored, update);
          return Buffer.compare(Buffer.from(before), Buffer.from(Y.encodeStateVector(stored))) === 0;
        }),
      );
    });
    const text = appendParagraph(a.doc, "");
    for (let i = 0; i < 20; i++) text.insert(text.length, `${i} `);
    await waitFor(() => contentOf(b.doc).includes("19 "), { message: "the peer to receive the text" });
    expect(await Promise.all(checks)).not.toContain(false);
    expect(checks.length).toBeGreaterThan(0);
  });

  test("a failed store keeps the updates, retries, and relays them only once they are stored", async () => {
    const { chapter, token } = await chapterWithWriter({ bodyHtml: "" });
    const real = prismaDocumentStore({});
    let failures = 2;
    const flaky: DocumentStore = {
      ...real,
      append: async (...args) => {
        if (failures-- > 0) throw new Error("disk full (test)");
        return real.append(...args);
      },
    };
    const logs = collectLogs();
    const server = await start({ store: flaky, log: logs.log, timing: { retryDelayMs: 50 } });
    const a = connect(server, chapter.id, token);
    const b = connect(server, chapter.id, token);
    await Promise.all([synced(a), synced(b)]);
    appendParagraph(a.doc, "bewaard na een fout");
    await waitFor(() => contentOf(b.doc).includes("bewaard na een fout"), { message: "the update after the retries" });
    expect(contentOf(await storedDocument(chapter.id))).toContain("bewaard na een fout");
    expect(logs.entries.filter((e) => e.event === "collab.store.failed")).toHaveLength(2);
  });

  test("compacts after many stored updates without losing any, and renders HTML and text after edits settle", async () => {
    const { chapter, token } = await chapterWithWriter({ bodyHtml: "" });
    const server = await start({
      timing: { compactAfterUpdates: 20, renderDebounceMs: 100, renderMaxWaitMs: 400 },
      renderer: { html: (doc) => `<div>${contentOf(doc)}</div>`, text: (doc) => `text:${doc.getXmlFragment(CHAPTER_FRAGMENT).length}` },
    });
    const a = connect(server, chapter.id, token);
    await synced(a);
    const text = appendParagraph(a.doc, "");
    for (let i = 0; i < 60; i++) text.insert(text.length, `${i},`);
    await waitFor(async () => contentOf(await storedDocument(chapter.id)) === contentOf(a.doc), { message: "all updates stored" });
    // Compaction follows the append that crossed the threshold, so it may still be under way.
    await waitFor(async () => (await db.chapterUpdate.count({ where: { chapterId: chapter.id } })) <= 21, { message: "the updates to be compacted" });
    const stored = await db.chapter.findUniqueOrThrow({ where: { id: chapter.id } });
    expect(stored.docState).not.toBeNull();

    const rendered = await waitFor(
      async () => {
        const row = await db.chapter.findUniqueOrThrow({ where: { id: chapter.id }, select: { bodyHtml: true, bodyText: true } });
        return row.bodyHtml.includes("59,") ? row : null;
      },
      { message: "the rendered HTML" },
    );
    expect(rendered!.bodyText).toBe("text:1");
  });

  test("a chapter without Yjs state starts from its bodyHtml, once", async () => {
    const { chapter, token } = await chapterWithWriter({ bodyHtml: "<p>Eerste alinea</p><p>Tweede alinea</p>" });
    const server = await start({ htmlToUpdate: paragraphsFromHtml });
    const a = connect(server, chapter.id, token);
    const b = connect(server, chapter.id, token);
    await Promise.all([synced(a), synced(b)]);
    expect(contentOf(a.doc)).toBe("<paragraph>Eerste alinea</paragraph><paragraph>Tweede alinea</paragraph>");
    expect(contentOf(b.doc)).toBe(contentOf(a.doc));
    const stored = await db.chapter.findUniqueOrThrow({ where: { id: chapter.id }, select: { docState: true } });
    expect(stored.docState).not.toBeNull();
  });
});
