import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import type * as Y from "yjs";
import { MalformedMessageError, validateStateVector, validateUpdate } from "./update-validation.ts";

export { MalformedMessageError, validateStateVector, validateUpdate };

/** y-websocket's top-level message types (the stock client speaks exactly these). */
export const MESSAGE = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3 } as const;

/** A frame the server understood, ready for the connection to act on. */
export type DecodedMessage =
  | { kind: "syncStep1"; stateVector: Uint8Array }
  | { kind: "update"; update: Uint8Array; step: "syncStep2" | "update" }
  | { kind: "awareness"; update: Uint8Array }
  | { kind: "queryAwareness" }
  | { kind: "auth" };

/** Decodes one binary frame; throws MalformedMessageError for anything but a well-formed message. */
export function decodeMessage(frame: Uint8Array): DecodedMessage {
  try {
    const decoder = decoding.createDecoder(frame);
    const type = decoding.readVarUint(decoder);
    let message: DecodedMessage;
    switch (type) {
      case MESSAGE.sync: {
        const step = decoding.readVarUint(decoder);
        const payload = decoding.readVarUint8Array(decoder);
        if (step === syncProtocol.messageYjsSyncStep1) {
          validateStateVector(payload);
          message = { kind: "syncStep1", stateVector: payload };
        } else if (step === syncProtocol.messageYjsSyncStep2 || step === syncProtocol.messageYjsUpdate) {
          validateUpdate(payload);
          message = { kind: "update", update: payload, step: step === syncProtocol.messageYjsSyncStep2 ? "syncStep2" : "update" };
        } else {
          throw new MalformedMessageError(`unknown sync message type ${step}`);
        }
        break;
      }
      case MESSAGE.awareness:
        message = { kind: "awareness", update: decoding.readVarUint8Array(decoder) };
        break;
      case MESSAGE.queryAwareness:
        return { kind: "queryAwareness" };
      case MESSAGE.auth:
        return { kind: "auth" };
      default:
        throw new MalformedMessageError(`unknown message type ${type}`);
    }
    if (decoding.hasContent(decoder)) throw new MalformedMessageError("trailing bytes after the message");
    return message;
  } catch (error) {
    if (error instanceof MalformedMessageError) throw error;
    throw new MalformedMessageError(error instanceof Error ? error.message : String(error));
  }
}

/** A sync step 1 frame carrying the document's state vector (sent when a connection opens). */
export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE.sync);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

/** The answer to a client's sync step 1: everything the document has that the client lacks. */
export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE.sync);
  syncProtocol.writeSyncStep2(encoder, doc, stateVector);
  return encoding.toUint8Array(encoder);
}

/** A frame relaying one document update. */
export function encodeUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE.sync);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** A frame with the awareness (presence) states of the given clients. */
export function encodeAwareness(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE.awareness);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
  return encoding.toUint8Array(encoder);
}
