import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { CHAPTER_FRAGMENT, COLLAB_PATH } from "#app/common/collab.ts";
import { createCollabToken } from "#app/utils/collab-token.server.ts";
import { startServer, type KapittelServer } from "#server/app.ts";
import { readStoredYDoc } from "#server/chapter-files/stored-document.ts";
import type { CollabServiceOptions } from "#server/collab/index.ts";
import type { CollabLogEntry } from "#server/collab/logging.ts";
import { createBook, createChapter, createOrganisation, createUser } from "#tests/factories.ts";

/** Polls until the check passes (returns truthy) or the deadline passes; never a fixed sleep. */
export async function waitFor<T>(check: () => T | Promise<T>, { timeout = 10_000, message = "condition" } = {}): Promise<T> {
  const deadline = Date.now() + timeout;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${message}${last ? `: ${String(last)}` : ""}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** ws://host:port/collab for the test server at `appUrl`. */
export const collabBase = (appUrl: string) => `${appUrl.replace(/^http/, "ws")}${COLLAB_PATH}`;

/** A stock y-websocket client in Node, with the `ws` package; headers (cookie, origin) optional. */
export function connectProvider(
  appUrl: string,
  chapterId: string,
  { token, headers, doc = new Y.Doc() }: { token?: string; headers?: Record<string, string>; doc?: Y.Doc } = {},
) {
  class HeaderWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers });
    }
  }
  const provider = new WebsocketProvider(collabBase(appUrl), chapterId, doc, {
    WebSocketPolyfill: (headers ? HeaderWebSocket : WebSocket) as unknown as typeof globalThis.WebSocket,
    params: token ? { token } : {},
    // Node has BroadcastChannel: without this, clients in one process would sync past the server.
    disableBc: true,
  });
  return { doc, provider, fragment: doc.getXmlFragment(CHAPTER_FRAGMENT) };
}

export type TestClient = ReturnType<typeof connectProvider>;

/** Resolves once the client has received the server's document. */
export const synced = (client: TestClient, timeout = 10_000) =>
  waitFor(() => client.provider.synced, { timeout, message: "the client to sync" });

/** Adds a paragraph with the text at the end of the chapter, as the editor would. */
export function appendParagraph(doc: Y.Doc, text: string): Y.XmlText {
  const paragraph = new Y.XmlElement("paragraph");
  const content = new Y.XmlText(text);
  paragraph.insert(0, [content]);
  const fragment = doc.getXmlFragment(CHAPTER_FRAGMENT);
  fragment.insert(fragment.length, [paragraph]);
  return content;
}

/** The chapter's text as a string (for comparing clients). */
export const contentOf = (doc: Y.Doc) => doc.getXmlFragment(CHAPTER_FRAGMENT).toString();

/** An organisation, a writer in it, a chapter of it in a book, and a token for the writer. */
export async function chapterWithWriter(options: { status?: "draft" | "in_review" | "published" | "approved"; bodyHtml?: string } = {}) {
  const organisation = await createOrganisation();
  const writer = await createUser({ role: "author", organisationIds: [organisation.id] });
  const { book, part } = await createBook();
  const chapter = await createChapter({ bookId: book.id, partId: part.id, organisationIds: [organisation.id], ...options });
  return { organisation, writer, book, part, chapter, token: createCollabToken(writer.id, chapter.id).token };
}

/** Opens a raw WebSocket; resolves with the HTTP status when the upgrade is refused, or the socket. */
export function rawUpgrade(url: string, headers: Record<string, string> = {}): Promise<{ status: number; ws?: WebSocket }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.once("unexpected-response", (_request, response) => {
      resolve({ status: response.statusCode ?? 0 });
      ws.terminate();
    });
    ws.once("open", () => resolve({ status: 101, ws }));
    ws.on("error", (error) => {
      if (ws.readyState !== WebSocket.CLOSED) reject(error);
    });
  });
}

/** Resolves with the close code of the socket. */
export function closeCode(ws: WebSocket, timeout = 10_000): Promise<number> {
  return new Promise((resolve, reject) => {
    if (ws.readyState === WebSocket.CLOSED) return reject(new Error("already closed"));
    const timer = setTimeout(() => reject(new Error("no close within the deadline")), timeout);
    ws.once("close", (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

/** Starts the real server on port 0 with collaboration options (smaller limits, injected hooks). */
export async function startCollabServer(collab: Partial<CollabServiceOptions> = {}): Promise<KapittelServer> {
  return startServer({ port: 0, host: "127.0.0.1", buildDir: process.env.REMIX_BUILD_DIR ?? "build", collab });
}

/** A log sink for the service that keeps entries for assertions. */
export function collectLogs() {
  const entries: CollabLogEntry[] = [];
  return { entries, log: (entry: CollabLogEntry) => void entries.push(entry) };
}

/** The chapter as stored (readStoredYDoc: updates read before the snapshot), empty if never edited live. */
export async function storedDocument(chapterId: string): Promise<Y.Doc> {
  return (await readStoredYDoc(chapterId)).doc ?? new Y.Doc();
}

/** Whether the document already holds everything in the update (applying it changes nothing). */
export function holdsUpdate(doc: Y.Doc, update: Uint8Array): boolean {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const before = Buffer.from(Y.encodeStateAsUpdate(copy));
  Y.applyUpdate(copy, update);
  return before.equals(Buffer.from(Y.encodeStateAsUpdate(copy)));
}
