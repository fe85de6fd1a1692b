import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, test } from "vitest";
import { db } from "#app/utils/db.server.ts";
import { createCollabToken } from "#app/utils/collab-token.server.ts";
import type { KapittelServer } from "#server/app.ts";
import { announceRunningServer, IMPORT_ENDPOINT_PATH, importToken, withdrawRunningServer } from "#server/chapter-files/import-endpoint.ts";
import { importBook } from "#server/chapter-files/import-book.ts";
import { collectLogs, connectProvider, contentOf, startCollabServer, synced, waitFor, type TestClient } from "#tests/collab/helpers.ts";
import { createUser } from "#tests/factories.ts";
import { createFixturePeople, editFile, fixtureBookCopy, SHORT_CHAPTER, temporaryDirectory } from "./helpers.ts";

const run = promisify(execFile);
const CLI = path.resolve("server/chapter-files/cli.ts");

/** Runs the command as `npm run chapters:…` would, with this test file's database and data folder. */
async function chapters(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", CLI, ...args], { env: process.env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

let server: KapittelServer | null = null;
let client: TestClient | null = null;
afterEach(async () => {
  client?.provider.destroy();
  await withdrawRunningServer();
  await server?.close();
  server = client = null;
});

// Each command is a fresh Node process that compiles the app's TypeScript first: seconds, not milliseconds.
describe("npm run chapters:export / chapters:import", { timeout: 120_000 }, () => {
  test("export writes the book; a dry run reports changes without making them", async () => {
    await createFixturePeople();
    const { directory, bookSlug } = await fixtureBookCopy();
    await importBook({ directory });
    const out = await temporaryDirectory();
    const exported = await chapters("export", "--book", bookSlug, "--out", out);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toContain(`Exported "${bookSlug}": 4 files written`);
    expect(await readFile(path.join(out, SHORT_CHAPTER), "utf8")).toBe(await readFile(path.join(directory, SHORT_CHAPTER), "utf8"));

    await editFile(out, SHORT_CHAPTER, (text) => text.replace("title: Kort", "title: Kort en bondig"));
    const dryRun = await chapters("import", "--dry-run", "--dir", out);
    expect(dryRun.code).toBe(0);
    expect(dryRun.stdout).toMatch(/changed +.*02-kort\.md \(title\)/);
    expect(dryRun.stdout).toContain("0 would be created, 1 would be changed, 1 unchanged.");
    expect((await db.chapter.findFirstOrThrow({ where: { slug: "kort", book: { slug: bookSlug } } })).title).toBe("Kort");
  });

  test("with a server running, the import goes through it and a connected editor sees the change at once", async () => {
    await createFixturePeople();
    const { directory, bookSlug } = await fixtureBookCopy();
    await importBook({ directory });
    server = await startCollabServer({ log: collectLogs().log });
    await announceRunningServer(server.url);
    const chapter = await db.chapter.findFirstOrThrow({ where: { slug: "kort", book: { slug: bookSlug } } });
    const editor = await createUser({ role: "editor" });
    client = connectProvider(server.url, chapter.id, { token: createCollabToken(editor.id, chapter.id).token });
    await synced(client);

    await editFile(directory, SHORT_CHAPTER, (text) => text.replace("Eén zin.", "Eén zin, aangevuld via de opdrachtregel."));
    const imported = await chapters("import", "--dir", directory);
    expect(imported.stderr).toBe("");
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain("0 created, 1 changed, 1 unchanged.");
    await waitFor(() => contentOf(client!.doc).includes("aangevuld via de opdrachtregel"), { message: "the editor to receive the import" });
  });

  test("the server's import endpoint refuses anyone without the token, and bad requests", async () => {
    server = await startCollabServer({ log: collectLogs().log });
    const post = (headers: Record<string, string>, body: unknown) =>
      fetch(new URL(IMPORT_ENDPOINT_PATH, server!.url), { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
    const directory = path.resolve("chapters");
    expect((await post({}, { directory })).status).toBe(401);
    expect((await post({ authorization: "Bearer 0000" }, { directory })).status).toBe(401);
    expect((await post({ authorization: `Bearer ${importToken("another-secret-that-is-long-enough-to-be-one")}` }, { directory })).status).toBe(401);
    const relative = await post({ authorization: `Bearer ${importToken()}` }, { directory: "chapters" });
    expect(relative.status).toBe(400);
    expect(await relative.json()).toEqual({ error: "directory must be an absolute path" });
  });

  test("a broken file: exit code 1, the file and line named, nothing imported", async () => {
    await createFixturePeople();
    const { directory, bookSlug } = await fixtureBookCopy();
    await importBook({ directory });
    await editFile(directory, SHORT_CHAPTER, (text) => text.replace("organisations: [proef-gemeente]", "organisations: [gemeente-atlantis]"));
    await editFile(directory, "alle-onderdelen/01-elk-knooppunt.md", (text) => text.replace("title: Elk knooppunt", "title: Gewijzigd"));
    const imported = await chapters("import", "--dir", directory);
    expect(imported.code).toBe(1);
    expect(imported.stderr).toContain(`Nothing was imported. ${path.join(directory, SHORT_CHAPTER)}:4: unknown organisation "gemeente-atlantis"`);
    expect((await db.chapter.findFirstOrThrow({ where: { slug: "elk-knooppunt", book: { slug: bookSlug } } })).title).toBe("Elk knooppunt");
  });
});
