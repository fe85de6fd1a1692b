import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { CLOSE_CODES, collabTokenUrl } from "#app/common/collab.ts";
import { createCollabToken } from "#app/utils/collab-token.server.ts";
import { db } from "#app/utils/db.server.ts";
import type { KapittelServer } from "#server/app.ts";
import { refreshChapterAccess } from "#server/collab/index.ts";
import { createOrganisation, createUser } from "#tests/factories.ts";
import { TestClient } from "#tests/helpers/http-client.ts";
import { logInAs } from "#tests/helpers/login.ts";
import {
  appendParagraph,
  chapterWithWriter,
  closeCode,
  collabBase,
  collectLogs,
  connectProvider,
  contentOf,
  rawUpgrade,
  startCollabServer,
  synced,
  waitFor,
} from "./helpers.ts";

const logs = collectLogs();
let server: KapittelServer;

beforeAll(async () => {
  server = await startCollabServer({
    log: logs.log,
    limits: { connectionsPerUser: 3, messagesPerSecond: 5, messageBurst: 20 },
    sessionCheckMs: 100,
  });
});
afterAll(async () => {
  await server.close();
});

const url = (chapterId: string, token?: string) =>
  `${collabBase(server.url)}/${encodeURIComponent(chapterId)}${token ? `?token=${encodeURIComponent(token)}` : ""}`;

async function sessionCookie(userId: string): Promise<string> {
  const client = new TestClient(server.url);
  await logInAs(client, userId);
  return [...client.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
}

describe("authentication at the upgrade", () => {
  test("refuses an upgrade with neither session nor token with 401", async () => {
    const { chapter } = await chapterWithWriter();
    expect((await rawUpgrade(url(chapter.id))).status).toBe(401);
  });

  test("accepts the session cookie, also with our own Origin; refuses a foreign Origin with 403", async () => {
    const { chapter, writer } = await chapterWithWriter();
    const cookie = await sessionCookie(writer.id);
    const plain = await rawUpgrade(url(chapter.id), { cookie });
    expect(plain.status).toBe(101);
    plain.ws?.close();
    const ours = await rawUpgrade(url(chapter.id), { cookie, origin: new URL(server.url).origin });
    expect(ours.status).toBe(101);
    ours.ws?.close();
    expect((await rawUpgrade(url(chapter.id), { cookie, origin: "https://evil.example" })).status).toBe(403);
    const { token } = createCollabToken(writer.id, chapter.id);
    expect((await rawUpgrade(url(chapter.id, token), { origin: "https://evil.example" })).status).toBe(403);
  });

  test("refuses expired, forged and other chapters' tokens with 401, and unknown chapters with 404", async () => {
    const { chapter, writer, book, part } = await chapterWithWriter();
    const expired = createCollabToken(writer.id, chapter.id, Date.now() - 6 * 60 * 1000).token;
    expect((await rawUpgrade(url(chapter.id, expired))).status).toBe(401);
    const valid = createCollabToken(writer.id, chapter.id).token;
    const forged = `${valid.split(".")[0]}.${"A".repeat(43)}`;
    expect((await rawUpgrade(url(chapter.id, forged))).status).toBe(401);
    const other = await db.chapter.create({
      data: { bookId: book.id, partId: part.id, title: "Ander", slug: `ander-${chapter.id}`, position: 99 },
    });
    expect((await rawUpgrade(url(other.id, valid))).status).toBe(401);
    expect((await rawUpgrade(url("bestaat-niet", createCollabToken(writer.id, "bestaat-niet").token))).status).toBe(404);
  });

  test("refuses an author of another organisation with 403", async () => {
    const { chapter } = await chapterWithWriter();
    const elsewhere = await createOrganisation();
    const outsider = await createUser({ role: "author", organisationIds: [elsewhere.id] });
    expect((await rawUpgrade(url(chapter.id, createCollabToken(outsider.id, chapter.id).token))).status).toBe(403);
    expect((await rawUpgrade(url(chapter.id), { cookie: await sessionCookie(outsider.id) })).status).toBe(403);
  });
});

describe("sessions that end while connected", () => {
  test("a connection opened with the session cookie closes with 4401 after logout", async () => {
    const { chapter, writer } = await chapterWithWriter();
    const client = connectProvider(server.url, chapter.id, { headers: { cookie: await sessionCookie(writer.id) } });
    const closes: number[] = [];
    client.provider.on("connection-close", (event) => event && closes.push(event.code));
    try {
      await synced(client);
      await db.session.deleteMany({ where: { userId: writer.id } }); // what logout does
      await waitFor(() => closes.includes(CLOSE_CODES.sessionExpired), { message: "close 4401" });
    } finally {
      client.provider.destroy();
    }
  });
});

describe("the collab-token route", () => {
  test("needs a session (401 JSON), a chapter (404) and access (403), then returns a working token", async () => {
    const { chapter, writer } = await chapterWithWriter();
    const anonymous = await fetch(new URL(collabTokenUrl(chapter.id), server.url));
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { message: string }).message).toMatch(/ingelogd/);

    const client = new TestClient(server.url);
    await logInAs(client, writer.id);
    expect((await client.get(collabTokenUrl("bestaat-niet"))).status).toBe(404);

    const outsiderClient = new TestClient(server.url);
    await logInAs(outsiderClient, (await createUser({ role: "author", organisationIds: [(await createOrganisation()).id] })).id);
    expect((await outsiderClient.get(collabTokenUrl(chapter.id))).status).toBe(403);

    const response = await client.get(collabTokenUrl(chapter.id));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { token: string; expiresAt: string; access: string };
    expect(body.access).toBe("write");
    const lifetime = new Date(body.expiresAt).getTime() - Date.now();
    expect(lifetime).toBeGreaterThan(60_000);
    expect(lifetime).toBeLessThanOrEqual(5 * 60_000);
    const opened = await rawUpgrade(url(chapter.id, body.token));
    expect(opened.status).toBe(101);
    opened.ws?.close();
  });
});

describe("read-only connections", () => {
  test("a read-only client's edits reach neither other clients nor the database; its presence does", async () => {
    // Approved: everyone only reads (in review an author suggests: tests/suggestions/). The text
    // still changes by the server's own hand (a restored revision), which reaches everyone.
    const { chapter, organisation } = await chapterWithWriter({ status: "approved", bodyHtml: "" });
    const editor = await createUser({ role: "editor" });
    const author = await createUser({ role: "author", organisationIds: [organisation.id] });
    const writing = connectProvider(server.url, chapter.id, { token: createCollabToken(editor.id, chapter.id).token });
    const reading = connectProvider(server.url, chapter.id, { token: createCollabToken(author.id, chapter.id).token });
    try {
      await Promise.all([synced(writing), synced(reading)]);
      appendParagraph(reading.doc, "ingeslopen tekst");
      // Sent after the edit on the same connection: once it arrives, the edit has been handled.
      reading.provider.awareness.setLocalStateField("user", { name: "Lezer" });
      await server.collab.withDocument(chapter.id, (doc) => appendParagraph(doc, "tekst van de redacteur"));
      await waitFor(() => contentOf(reading.doc).includes("tekst van de redacteur"), { message: "the reader to see the editor's text" });
      await waitFor(
        () => [...writing.provider.awareness.getStates().values()].some((state) => (state.user as { name?: string })?.name === "Lezer"),
        { message: "the reader's presence" },
      );
      // The writer has everything the server relayed by now; the reader's paragraph is not among it.
      await waitFor(() => server.collab.loadedChapterIds().includes(chapter.id));
      const rows = await db.chapterUpdate.findMany({ where: { chapterId: chapter.id } });
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.some((row) => Buffer.from(row.data).includes("ingeslopen"))).toBe(false);
      expect(contentOf(writing.doc)).not.toContain("ingeslopen");
    } finally {
      writing.provider.destroy();
      reading.provider.destroy();
    }
    const closed = await waitFor(() =>
      logs.entries.find((e) => e.event === "collab.connection.closed" && e.user === author.id && e.chapter === chapter.id),
    );
    expect(closed).toMatchObject({ access: "read" });
    expect(closed!.droppedUpdates).toBeGreaterThan(0);
  });

  test("refreshChapterAccess closes connections whose access changed (4509; they come back read-only), and with 4403 when access is gone", async () => {
    const { chapter, writer, organisation, token } = await chapterWithWriter({ bodyHtml: "" });
    const watcher = await createUser({ role: "editor" });
    const writing = connectProvider(server.url, chapter.id, { token });
    const watching = connectProvider(server.url, chapter.id, { token: createCollabToken(watcher.id, chapter.id).token });
    const closes: number[] = [];
    writing.provider.on("connection-close", (event) => event && closes.push(event.code));
    try {
      await Promise.all([synced(writing), synced(watching)]);
      appendParagraph(writing.doc, "voor goedkeuring");
      await waitFor(() => contentOf(watching.doc).includes("voor goedkeuring"));

      await db.chapter.update({ where: { id: chapter.id }, data: { status: "approved" } });
      await refreshChapterAccess(chapter.id);
      // Write access is gone: the connection is closed with 4509 so the client reconnects and learns it.
      await waitFor(() => closes.includes(CLOSE_CODES.accessChanged), { message: "close 4509" });
      await waitFor(() => writing.provider.wsconnected && watching.provider.wsconnected, { message: "reconnected" });
      await Promise.all([synced(writing), synced(watching)]);
      appendParagraph(writing.doc, "na goedkeuring");
      appendParagraph(watching.doc, "redacteur na goedkeuring"); // editors may not write approved chapters either
      // Frames of one connection are handled in order: once the writer's next presence change has
      // reached the watcher, its edit before it has been handled (and dropped).
      writing.provider.awareness.setLocalStateField("marker", "na-de-edit");
      await waitFor(() => [...watching.provider.awareness.getStates().values()].some((state) => state.marker === "na-de-edit"));
      expect(contentOf(watching.doc)).not.toContain("<paragraph>na goedkeuring");
      const stored = (await db.chapterUpdate.findMany({ where: { chapterId: chapter.id } })).map((r) => Buffer.from(r.data));
      expect(stored.some((data) => data.includes("na goedkeuring"))).toBe(false);

      await db.membership.deleteMany({ where: { userId: writer.id, organisationId: organisation.id } });
      await refreshChapterAccess(chapter.id);
      await waitFor(() => closes.includes(CLOSE_CODES.forbidden), { message: "close 4403" });
    } finally {
      writing.provider.destroy();
      watching.provider.destroy();
    }
  });
});

describe("limits", () => {
  test("closes a connection beyond the per-user limit with 4430", async () => {
    const { chapter, token } = await chapterWithWriter();
    const open = await Promise.all([1, 2, 3].map(() => rawUpgrade(url(chapter.id, token))));
    const fourth = await rawUpgrade(url(chapter.id, token));
    expect(fourth.status).toBe(101);
    expect(await closeCode(fourth.ws!)).toBe(CLOSE_CODES.tooManyConnections);
    for (const { ws } of open) ws?.close();
  });

  test("closes a connection that sends too many messages with 4429, and logs it", async () => {
    const { chapter, token, writer } = await chapterWithWriter();
    const { ws } = await rawUpgrade(url(chapter.id, token));
    const closed = closeCode(ws!);
    for (let i = 0; i < 100; i++) ws!.send(new Uint8Array([3])); // query awareness
    expect(await closed).toBe(CLOSE_CODES.tooManyMessages);
    const entry = await waitFor(() =>
      logs.entries.find((e) => e.event === "collab.connection.closed" && e.user === writer.id && e.code === CLOSE_CODES.tooManyMessages),
    );
    expect(entry).toMatchObject({ chapter: chapter.id, access: "write" });
    expect(entry!.durationMs).toEqual(expect.any(Number));
  });
});

