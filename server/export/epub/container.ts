import { createHash } from "node:crypto";
import { constants, crc32, deflateRawSync } from "node:zlib";
import { singleton } from "#app/utils/singleton.server.ts";

/**
 * The EPUB's ZIP container (OCF): `mimetype` first and stored uncompressed, as reading systems
 * sniff it at a fixed offset; everything else deflated. Written here rather than with a ZIP
 * library because compressed entries are kept between exports: deflating the four embedded fonts
 * (1.9 MB) is most of an export's assembly time, and they never change; nor do the chapters that
 * did not change. Timestamps are the book's modification date, so the same edition zips to the
 * same bytes.
 */

export type EpubFile = { path: string; data: Uint8Array | string };

type Compressed = { method: 0 | 8; crc: number; size: number; data: Uint8Array };

/** Compressed entries by content digest; a few books' worth of text plus the fonts. */
const MAX_CACHED = 600;
const compressedCache = () => singleton("epub-zip-entries", () => new Map<string, Compressed>());

export function zipEpub(files: EpubFile[], modified: Date): Uint8Array {
  const entries = [{ path: "mimetype", compressed: store(Buffer.from("application/epub+zip")) }];
  for (const file of files) entries.push({ path: file.path, compressed: compress(file.data) });
  const { time, date } = dosDateTime(modified);
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const { path, compressed } of entries) {
    const name = Buffer.from(path, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(0x0800, 6); // names are UTF-8
    local.writeUInt16LE(compressed.method, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(compressed.crc, 14);
    local.writeUInt32LE(compressed.data.length, 18);
    local.writeUInt32LE(compressed.size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4); // made by: 2.0, MS-DOS attributes
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(0x0800, 8);
    header.writeUInt16LE(compressed.method, 10);
    header.writeUInt16LE(time, 12);
    header.writeUInt16LE(date, 14);
    header.writeUInt32LE(compressed.crc, 16);
    header.writeUInt32LE(compressed.data.length, 20);
    header.writeUInt32LE(compressed.size, 24);
    header.writeUInt16LE(name.length, 28);
    // extra, comment, disk, internal and external attributes: 0
    header.writeUInt32LE(offset, 42);
    chunks.push(local, name, compressed.data);
    central.push(header, name);
    offset += local.length + name.length + compressed.data.length;
  }
  const centralSize = central.reduce((sum, chunk) => sum + chunk.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, ...central, end]));
}

function store(bytes: Uint8Array): Compressed {
  return { method: 0, crc: crc32(bytes), size: bytes.length, data: bytes };
}

function compress(data: Uint8Array | string): Compressed {
  const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
  const key = createHash("sha256").update(bytes).digest("base64");
  const cache = compressedCache();
  const cached = cache.get(key);
  if (cached) return cached;
  const deflated = deflateRawSync(bytes, { level: constants.Z_DEFAULT_COMPRESSION });
  // Already-compressed images can grow when deflated: store those as they are.
  const entry: Compressed = deflated.length < bytes.length ? { method: 8, crc: crc32(bytes), size: bytes.length, data: new Uint8Array(deflated) } : store(bytes);
  cache.set(key, entry);
  while (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value!);
  return entry;
}

/** A date in the MS-DOS format ZIP uses (local fields, two-second steps, from 1980), in UTC. */
function dosDateTime(date: Date): { time: number; date: number } {
  const year = Math.max(1980, date.getUTCFullYear());
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2),
    date: ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}
