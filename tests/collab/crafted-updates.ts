import * as encoding from "lib0/encoding";

/** Writes a Yjs v1 update by hand, so tests can lie in any field. */
function update(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
}

const emptyDeleteSet = (e: encoding.Encoder) => encoding.writeVarUint(e, 0);

/**
 * Updates crafted to make a Yjs decoder loop, allocate without bound or corrupt clocks
 * (after yjs issues #479, #498 and #687). Each must be refused without touching the document.
 */
export const CRAFTED_UPDATES: Record<string, Uint8Array> = {
  // #498: an empty buffer made readVarUint loop forever.
  "empty update (yjs #498)": new Uint8Array(),
  // #479: arbitrary bytes made lib0's decoder loop.
  "garbage bytes (yjs #479)": new Uint8Array(Buffer.from("garbagedoc", "base64")),
  // #687: the published v2 reproducer bytes, sent where a v1 update is expected.
  "v2 run-length reproducer (yjs #687)": new Uint8Array(Buffer.from("00010000000001000100010200001602000001fdffffffff7f0000", "hex")),
  // #687-style: a struct count of 2^40 in a few bytes (allocation without bound).
  "huge struct count": update((e) => {
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, 2 ** 40);
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, 0);
    encoding.writeUint8(e, 0);
    encoding.writeVarUint(e, 1);
  }),
  // A GC struct 2^52 long: clocks beyond what Number can count in steps of one.
  "GC with a 2^52 length": update((e) => {
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, 7);
    encoding.writeVarUint(e, 0);
    encoding.writeUint8(e, 0);
    encoding.writeVarUint(e, 2 ** 52);
    emptyDeleteSet(e);
  }),
  // A skip of 2^50 clock units.
  "skip with a 2^50 length": update((e) => {
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, 7);
    encoding.writeVarUint(e, 0);
    encoding.writeUint8(e, 10);
    encoding.writeVarUint(e, 2 ** 50);
    emptyDeleteSet(e);
  }),
  // A deleted-content item claiming 2^45 characters.
  "deleted content of 2^45": update((e) => {
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, 7);
    encoding.writeVarUint(e, 0);
    encoding.writeUint8(e, 1); // Item, no origins, ContentDeleted
    encoding.writeVarUint(e, 1); // parent is a root type…
    encoding.writeVarString(e, "default"); // …named default
    encoding.writeVarUint(e, 2 ** 45);
    emptyDeleteSet(e);
  }),
  // A delete range of 2^52 over an existing client.
  "delete range of 2^52": update((e) => {
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, 7);
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, 2 ** 52);
  }),
  // A value nested 100,000 deep: the recursive reader overflows the stack.
  "any nested 100,000 deep": update((e) => {
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, 7);
    encoding.writeVarUint(e, 0);
    encoding.writeUint8(e, 8); // ContentAny
    encoding.writeVarUint(e, 1);
    encoding.writeVarString(e, "default");
    encoding.writeVarUint(e, 1);
    for (let i = 0; i < 100_000; i++) {
      encoding.writeUint8(e, 117); // array
      encoding.writeVarUint(e, 1);
    }
    encoding.writeUint8(e, 126);
    emptyDeleteSet(e);
  }),
  // A subdocument: the server would create documents on a client's say-so.
  "subdocument": update((e) => {
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, 7);
    encoding.writeVarUint(e, 0);
    encoding.writeUint8(e, 9);
    encoding.writeVarUint(e, 1);
    encoding.writeVarString(e, "default");
    encoding.writeVarString(e, "guid");
    encoding.writeUint8(e, 126);
    emptyDeleteSet(e);
  }),
  // A client id beyond 32 bits.
  "client id of 2^50": update((e) => {
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, 2 ** 50);
    encoding.writeVarUint(e, 0);
    encoding.writeUint8(e, 4);
    encoding.writeVarUint(e, 1);
    encoding.writeVarString(e, "default");
    encoding.writeVarString(e, "x");
    emptyDeleteSet(e);
  }),
};
