import * as decoding from "lib0/decoding";

/** Why a frame was refused; the connection is closed with 4400 and this goes in the log. */
export class MalformedMessageError extends Error {}

/**
 * Yjs clocks and client ids are meant to stay far below these; a crafted update uses huge ones
 * to make the decoder skip or loop without reading bytes (yjs issues #479, #498, #687).
 */
const MAX_CLIENT_ID = 0xffff_ffff;
const MAX_CLOCK = 2 ** 31;
const MAX_ANY_DEPTH = 32;

// Structural validation of Yjs v1 updates.
// Walks the update exactly as Yjs' readStructs/readDeleteSet would, but bounds every count by the
// bytes left and every clock and length by MAX_CLOCK, so it runs in time linear in the frame.
// Only what passes is handed to Y.applyUpdate.

function count(decoder: decoding.Decoder, what: string): number {
  const n = decoding.readVarUint(decoder);
  // Every element takes at least one byte, so more elements than bytes left is a lie.
  if (n > decoder.arr.length - decoder.pos) throw new MalformedMessageError(`${what} count ${n} exceeds the frame`);
  return n;
}

function clientId(decoder: decoding.Decoder): number {
  const client = decoding.readVarUint(decoder);
  if (client > MAX_CLIENT_ID) throw new MalformedMessageError(`client id ${client} out of range`);
  return client;
}

function clock(decoder: decoding.Decoder, what = "clock"): number {
  const value = decoding.readVarUint(decoder);
  if (value > MAX_CLOCK) throw new MalformedMessageError(`${what} ${value} out of range`);
  return value;
}

function readId(decoder: decoding.Decoder): void {
  clientId(decoder);
  clock(decoder);
}

function readAny(decoder: decoding.Decoder, depth: number): void {
  if (depth > MAX_ANY_DEPTH) throw new MalformedMessageError("value nested too deeply");
  const type = decoding.readUint8(decoder);
  switch (type) {
    case 127: // undefined
    case 126: // null
    case 121: // false
    case 120: // true
      return;
    case 125:
      decoding.readVarInt(decoder);
      return;
    case 124:
      decoding.readFloat32(decoder);
      return;
    case 123:
      decoding.readFloat64(decoder);
      return;
    case 122:
      decoding.readBigInt64(decoder);
      return;
    case 119:
      decoding.readVarString(decoder);
      return;
    case 118: {
      const n = count(decoder, "object entry");
      for (let i = 0; i < n; i++) {
        decoding.readVarString(decoder);
        readAny(decoder, depth + 1);
      }
      return;
    }
    case 117: {
      const n = count(decoder, "array element");
      for (let i = 0; i < n; i++) readAny(decoder, depth + 1);
      return;
    }
    case 116:
      decoding.readVarUint8Array(decoder);
      return;
    default:
      throw new MalformedMessageError(`unknown value type ${type}`);
  }
}

/** Reads one item's content; returns its length in clock units. */
function readContent(decoder: decoding.Decoder, ref: number): number {
  switch (ref) {
    case 1: // deleted
      return clock(decoder, "deleted length");
    case 2: {
      // JSON
      const n = count(decoder, "JSON value");
      for (let i = 0; i < n; i++) {
        const text = decoding.readVarString(decoder);
        if (text !== "undefined") JSON.parse(text);
      }
      return n;
    }
    case 3: // binary
      decoding.readVarUint8Array(decoder);
      return 1;
    case 4: {
      // string: its length in UTF-16 code units, as Yjs counts
      return decoding.readVarString(decoder).length;
    }
    case 5: // embed
      JSON.parse(decoding.readVarString(decoder));
      return 1;
    case 6: // format
      decoding.readVarString(decoder);
      JSON.parse(decoding.readVarString(decoder));
      return 1;
    case 7: {
      // type: 0 Array, 1 Map, 2 Text, 3 XmlElement(+name), 4 XmlFragment, 5 XmlHook(+name), 6 XmlText
      const typeRef = decoding.readVarUint(decoder);
      if (typeRef > 6) throw new MalformedMessageError(`unknown type ${typeRef}`);
      if (typeRef === 3 || typeRef === 5) decoding.readVarString(decoder);
      return 1;
    }
    case 8: {
      // any
      const n = count(decoder, "value");
      for (let i = 0; i < n; i++) readAny(decoder, 0);
      return n;
    }
    case 9:
      // Subdocuments make the server create documents on a client's say-so; chapters have none.
      throw new MalformedMessageError("subdocuments are not accepted");
    default:
      throw new MalformedMessageError(`unknown content type ${ref}`);
  }
}

/** Throws MalformedMessageError unless the bytes are a plausible Yjs v1 update. */
export function validateUpdate(update: Uint8Array): void {
  asMalformed(() => checkUpdate(update));
}

/** Throws MalformedMessageError unless the bytes are a plausible state vector. */
export function validateStateVector(stateVector: Uint8Array): void {
  asMalformed(() => checkStateVector(stateVector));
}

// lib0 throws plain Errors at the end of the buffer; to callers every refusal is the same kind.
function asMalformed(check: () => void): void {
  try {
    check();
  } catch (error) {
    if (error instanceof MalformedMessageError) throw error;
    throw new MalformedMessageError(error instanceof Error ? error.message : String(error));
  }
}

function checkUpdate(update: Uint8Array): void {
  const decoder = decoding.createDecoder(update);
  const clients = count(decoder, "client");
  for (let c = 0; c < clients; c++) {
    const structs = count(decoder, "struct");
    clientId(decoder);
    let at = clock(decoder);
    for (let s = 0; s < structs; s++) {
      const info = decoding.readUint8(decoder);
      const ref = info & 0b11111;
      let length: number;
      if (ref === 0 || ref === 10) {
        length = clock(decoder, "length"); // GC or skip
      } else {
        if (info & 0b1000_0000) readId(decoder); // origin
        if (info & 0b0100_0000) readId(decoder); // right origin
        if ((info & 0b1100_0000) === 0) {
          if (decoding.readVarUint(decoder) === 1) decoding.readVarString(decoder); // parent is a root type
          else readId(decoder); // parent is an item
          if (info & 0b0010_0000) decoding.readVarString(decoder); // key in a map
        }
        length = readContent(decoder, ref);
      }
      at += length;
      if (at > MAX_CLOCK) throw new MalformedMessageError("clock out of range");
    }
  }
  // The delete set: per client, ranges of [clock, clock + length).
  const deleteClients = count(decoder, "delete set client");
  for (let c = 0; c < deleteClients; c++) {
    clientId(decoder);
    const ranges = count(decoder, "delete range");
    for (let r = 0; r < ranges; r++) {
      const start = clock(decoder);
      const length = clock(decoder, "delete length");
      if (start + length > MAX_CLOCK) throw new MalformedMessageError("delete range out of range");
    }
  }
  if (decoding.hasContent(decoder)) throw new MalformedMessageError("trailing bytes after the update");
}

function checkStateVector(stateVector: Uint8Array): void {
  const decoder = decoding.createDecoder(stateVector);
  const clients = count(decoder, "state vector client");
  for (let c = 0; c < clients; c++) {
    clientId(decoder);
    clock(decoder);
  }
  if (decoding.hasContent(decoder)) throw new MalformedMessageError("trailing bytes after the state vector");
}
