import type { WebSocket } from "ws";
import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import { CLOSE_CODES } from "#app/common/collab.ts";
import type { CollabIdentity, ConnectionAccess } from "./authenticate.ts";
import type { MessageRate } from "./limits.ts";
import type { LiveDocument } from "./live-document.ts";
import { connectionClosedEntry, type CollabLogger } from "./logging.ts";
import { decodeMessage, encodeAwareness, encodeSyncStep1, encodeSyncStep2, MalformedMessageError } from "./protocol.ts";
import { checkSuggestionUpdate } from "./suggestion-guard.ts";

let nextId = 1;

/** What a client may send before its document has loaded (a reconnect after offline work fits). */
const MAX_EARLY_BYTES = 8 * 1024 * 1024;

/**
 * One client's WebSocket on one chapter. Its access (`write`, `suggest` or `read`) is set at
 * authentication and changed only by refreshChapterAccess; a read-only connection's sync step 2 and
 * update messages are dropped, never applied, stored or relayed, while its presence still goes out.
 * A suggest-only connection's updates are applied only if they change nothing but suggestions
 * (suggestion-guard.ts); anything else closes it with 4422 before any of it is stored.
 */
export class CollabConnection {
  readonly id = nextId++;
  readonly openedAt = performance.now();
  access: ConnectionAccess;
  /** Awareness client ids this connection has announced; removed when it closes. */
  readonly awarenessIds = new Set<number>();
  #document: LiveDocument | null = null;
  #early: Buffer[] = [];
  #earlyBytes = 0;
  #messages = 0;
  #droppedUpdates = 0;
  #closeCode: number | null = null;
  #closeReason = "";
  readonly closed: Promise<void>;

  constructor(
    readonly ws: WebSocket,
    readonly identity: CollabIdentity,
    private readonly rate: MessageRate,
    private readonly log: CollabLogger,
    onClose: (connection: CollabConnection) => void,
  ) {
    this.access = identity.access;
    ws.binaryType = "nodebuffer";
    ws.on("message", (data, isBinary) => this.#receive(data as Buffer, isBinary));
    // ws reports oversized frames (maxPayload, code 1009) and protocol errors here; without a
    // listener they would be thrown. The socket closes itself afterwards.
    ws.on("error", (error: Error & { code?: string }) => {
      this.#closeReason ||= error.code ?? error.message;
      this.#closeCode ??= error.code === "WS_ERR_UNSUPPORTED_MESSAGE_LENGTH" ? 1009 : 1002;
    });
    this.closed = new Promise((resolve) => {
      ws.once("close", (code, reason) => {
        this.#closeCode ??= code;
        this.#closeReason ||= reason.toString();
        onClose(this);
        this.log(
          connectionClosedEntry({
            chapter: identity.chapterId,
            user: identity.userId,
            access: this.access,
            code: this.#closeCode,
            reason: this.#closeReason,
            openedAt: this.openedAt,
            messages: this.#messages,
            droppedUpdates: this.#droppedUpdates,
          }),
        );
        resolve();
      });
    });
  }

  /** Joins the loaded document: greets the client and handles what it sent meanwhile. */
  attach(document: LiveDocument): void {
    this.#document = document;
    // Writers get the server's state vector so they send what the server lacks (offline work).
    if (this.access !== "read") this.send(encodeSyncStep1(document.doc));
    const states = [...document.awareness.getStates().keys()];
    if (states.length > 0) this.send(encodeAwareness(document.awareness, states));
    for (const frame of this.#early.splice(0)) this.#handle(frame);
  }

  get isOpen(): boolean {
    return this.ws.readyState === this.ws.OPEN;
  }

  send(frame: Uint8Array): void {
    if (this.isOpen) this.ws.send(frame);
  }

  /** Closes with one of CLOSE_CODES (or 1011); the reason goes in the log and, short, to the client. */
  close(code: number, reason: string): void {
    if (this.#closeCode !== null && this.ws.readyState !== this.ws.OPEN) return;
    this.#closeCode = code;
    this.#closeReason = reason;
    this.ws.close(code, closeReason(reason));
  }

  #receive(data: Buffer, isBinary: boolean): void {
    if (this.#closeCode !== null) return;
    this.#messages += 1;
    if (!this.rate.take()) return this.close(CLOSE_CODES.tooManyMessages, "too many messages");
    if (!isBinary) return this.close(CLOSE_CODES.malformedMessage, "text frame");
    if (!this.#document) {
      // While the document loads, frames wait here; the rate limit bounds their number and this their size.
      this.#earlyBytes += data.byteLength;
      if (this.#earlyBytes > MAX_EARLY_BYTES) return this.close(CLOSE_CODES.tooManyMessages, "too much data before the document was loaded");
      this.#early.push(data);
      return;
    }
    this.#handle(data);
  }

  #handle(frame: Buffer): void {
    const document = this.#document;
    if (!document || this.#closeCode !== null) return;
    try {
      const message = decodeMessage(new Uint8Array(frame.buffer, frame.byteOffset, frame.byteLength));
      switch (message.kind) {
        case "syncStep1":
          this.send(encodeSyncStep2(document.doc, message.stateVector));
          return;
        case "update":
          if (this.access === "read") {
            this.#droppedUpdates += 1;
            return;
          }
          if (this.access === "suggest") {
            const verdict = checkSuggestionUpdate(document.doc, message.update);
            if (!verdict.ok) {
              this.#droppedUpdates += 1;
              return this.close(CLOSE_CODES.notASuggestion, `not a suggestion: ${verdict.reason}`);
            }
          }
          try {
            Y.applyUpdate(document.doc, message.update, this);
          } catch (error) {
            throw new MalformedMessageError(`update rejected by Yjs: ${String(error)}`);
          }
          return;
        case "awareness":
          try {
            awarenessProtocol.applyAwarenessUpdate(document.awareness, message.update, this);
          } catch (error) {
            throw new MalformedMessageError(`awareness rejected: ${String(error)}`);
          }
          return;
        case "queryAwareness":
          this.send(encodeAwareness(document.awareness, [...document.awareness.getStates().keys()]));
          return;
        case "auth":
          return; // y-websocket's auth message is unused: authentication happened at the upgrade
      }
    } catch (error) {
      const reason = error instanceof MalformedMessageError ? error.message : `unexpected: ${String(error)}`;
      this.close(CLOSE_CODES.malformedMessage, `malformed message: ${reason}`);
    }
  }
}

/** A close frame's reason may hold at most 123 bytes of UTF-8; the full reason goes to the log. */
function closeReason(reason: string): string {
  let short = reason.slice(0, 120);
  while (Buffer.byteLength(short) > 120) short = short.slice(0, -1);
  return short;
}
