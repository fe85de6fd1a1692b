import { createHash } from "node:crypto";
import { mkdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { getEnv } from "#app/utils/env.server.ts";

/**
 * Files stored by the SHA-256 of their bytes under a folder of DATA_DIR: the same file uploaded
 * twice is stored once, and a name never changes meaning, so it may be served with an immutable
 * cache. No database row is needed to find a file; callers keep the name where they need it.
 */

function folderPath(folder: string): string {
  return path.resolve(getEnv().DATA_DIR, folder);
}

/**
 * Stores the bytes as `<sha256>.<extension>` in the folder and returns that name. Writing to a
 * temporary file and renaming makes a half-written file impossible to serve; an existing file is kept.
 */
export async function storeByHash(folder: string, bytes: Uint8Array, extension: string): Promise<string> {
  const name = `${createHash("sha256").update(bytes).digest("hex")}.${extension}`;
  const directory = folderPath(folder);
  const target = path.join(directory, name);
  if (await exists(target)) return name;
  await mkdir(directory, { recursive: true });
  const temporary = path.join(directory, `.${name}.${process.pid}.${Date.now()}.tmp`);
  await writeFile(temporary, bytes);
  await rename(temporary, target);
  return name;
}

/** The bytes of a stored file, or null when the name does not match `pattern` or no such file exists. */
export async function readByHash(folder: string, name: string, pattern: RegExp): Promise<Buffer | null> {
  if (!pattern.test(name)) return null;
  try {
    return await readFile(path.join(folderPath(folder), name));
  } catch {
    return null;
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}
