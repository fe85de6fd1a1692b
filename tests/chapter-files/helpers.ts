import { cp, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect } from "vitest";
import { db } from "#app/utils/db.server.ts";
import { createOrganisation, createTool, createUser } from "#tests/factories.ts";

/** The fixture book with every kind of content a chapter can hold. */
export const EVERY_NODE_BOOK = path.resolve(import.meta.dirname, "fixtures/every-node");
export const SHORT_CHAPTER = "alle-onderdelen/02-kort.md";
export const FULL_CHAPTER = "alle-onderdelen/01-elk-knooppunt.md";

/** The organisations and accounts the fixture book credits (once per database). */
export async function createFixturePeople() {
  if (await db.organisation.findUnique({ where: { slug: "proef-gemeente" } })) return;
  await createOrganisation({ slug: "proef-gemeente", name: "Proefgemeente" });
  await createOrganisation({ slug: "proef-bedrijf", name: "Proefbedrijf" });
  await createUser({ role: "author", email: "schrijver.a@proef.example" });
  await createUser({ role: "author", email: "schrijver.b@proef.example" });
  await createTool({ slug: "proef-instrument", name: "Proefinstrument" });
}

let books = 0;

/** A copy of the fixture book under a slug of its own, so each test has its own chapters. */
export async function fixtureBookCopy(): Promise<{ directory: string; bookSlug: string }> {
  const bookSlug = `proefboek-${++books}-${process.pid}`;
  const directory = await copyBook(EVERY_NODE_BOOK);
  await editFile(directory, "book.yaml", (text) => text.replace("slug: proefboek-alle-onderdelen", `slug: ${bookSlug}`));
  return { directory, bookSlug };
}

export const temporaryDirectory = () => mkdtemp(path.join(os.tmpdir(), "kapittel-chapters-"));

/** A copy of a book folder to change in a test. */
export async function copyBook(from: string): Promise<string> {
  const directory = await temporaryDirectory();
  await cp(from, directory, { recursive: true });
  return directory;
}

/** Rewrites a file of a book folder. */
export async function editFile(directory: string, file: string, change: (text: string) => string): Promise<void> {
  const target = path.join(directory, file);
  await writeFile(target, change(await readFile(target, "utf8")));
}

/** Every file under a folder, relative paths, sorted. */
export async function listFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(directory, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** Asserts that two folders hold the same files with the same bytes. */
export async function expectSameFiles(expected: string, actual: string, { ignore = [] as string[] } = {}): Promise<void> {
  const files = (await listFiles(expected)).filter((file) => !ignore.includes(file));
  expect(await listFiles(actual)).toEqual(files);
  for (const file of files) {
    const [a, b] = await Promise.all([readFile(path.join(expected, file)), readFile(path.join(actual, file))]);
    expect(b.toString("utf8"), file).toBe(a.toString("utf8"));
    expect(Buffer.compare(a, b), file).toBe(0);
  }
}
