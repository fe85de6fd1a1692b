import { beforeAll, describe, expect, test } from "vitest";
import { CLOSE_CODES } from "#app/common/collab.ts";
import { chapterDocumentAccess } from "#app/common/permissions.ts";
import { createCollabToken } from "#app/utils/collab-token.server.ts";
import { db } from "#app/utils/db.server.ts";
import { appendParagraph, connectProvider, contentOf, synced, waitFor } from "#tests/collab/helpers.ts";
import { useTestServer } from "#tests/helpers/server.ts";
import { chapterIn, clientFor, postStep, workflowCast, type WorkflowCast } from "./helpers.ts";

const app = useTestServer();
let cast: WorkflowCast;
beforeAll(async () => {
  cast = await workflowCast();
});

/** A y-websocket client of the user on the chapter, recording the codes its connections close with. */
function liveClient(userId: string, chapterId: string) {
  const client = connectProvider(app.url, chapterId, { token: createCollabToken(userId, chapterId).token });
  const closes: number[] = [];
  client.provider.on("connection-close", (event) => event && closes.push(event.code));
  return { ...client, closes };
}

describe("live connections switch at once when the state changes", () => {
  test("approving an in-review chapter closes the author's and the editor's connections with 4509; they come back read-only", async () => {
    const chapter = await chapterIn(cast, "in_review", "<p>Ter review.</p>");
    const author = cast.people["author of the chapter"];
    const facts = { organisationIds: [cast.ours.id] };
    // The author suggests during review, the editor writes; once approved, both only read.
    expect(chapterDocumentAccess({ role: "author", organisationIds: [cast.ours.id] }, { ...facts, status: "in_review" })).not.toBe("read");
    expect(chapterDocumentAccess({ role: "author", organisationIds: [cast.ours.id] }, { ...facts, status: "approved" })).toBe("read");

    const authorLive = liveClient(author.id, chapter.id);
    const editorLive = liveClient(cast.people.editor.id, chapter.id);
    try {
      await Promise.all([synced(authorLive), synced(editorLive)]);
      expect(contentOf(authorLive.doc)).toContain("Ter review.");

      const editor = await clientFor(app.url, cast.people.editor.id);
      const response = await postStep(editor, chapter, cast.book.slug, { action: "approve", expectedStatus: "in_review" });
      expect(response.status).toBe(303);

      await waitFor(() => authorLive.closes.includes(CLOSE_CODES.accessChanged), { message: "the author's connection to close with 4509" });
      await waitFor(() => editorLive.closes.includes(CLOSE_CODES.accessChanged), { message: "the editor's connection to close with 4509" });
      await waitFor(() => authorLive.provider.wsconnected && editorLive.provider.wsconnected, { message: "both to reconnect" });
      await Promise.all([synced(authorLive), synced(editorLive)]);

      // Read-only now: the editor's edit reaches neither the author nor the database.
      appendParagraph(editorLive.doc, "na goedkeuring geschreven");
      editorLive.provider.awareness.setLocalStateField("marker", "na-de-edit");
      await waitFor(() => [...authorLive.provider.awareness.getStates().values()].some((state) => state.marker === "na-de-edit"), {
        message: "the editor's presence after the edit",
      });
      expect(contentOf(authorLive.doc)).not.toContain("na goedkeuring geschreven");
      const stored = await db.chapterUpdate.findMany({ where: { chapterId: chapter.id } });
      expect(stored.some((row) => Buffer.from(row.data).includes("na goedkeuring geschreven"))).toBe(false);
    } finally {
      authorLive.provider.destroy();
      editorLive.provider.destroy();
    }
  });

  test("the revision holds what a live client wrote just before the step", async () => {
    const chapter = await chapterIn(cast, "draft", "<p>Begin.</p>");
    const author = cast.people["author of the chapter"];
    const live = liveClient(author.id, chapter.id);
    try {
      await synced(live);
      appendParagraph(live.doc, "Net voor het aanbieden geschreven.");
      // Once the server relays it to a second client, it is in the server's document.
      const watcher = liveClient(cast.people.editor.id, chapter.id);
      try {
        await waitFor(async () => (await synced(watcher)) && contentOf(watcher.doc).includes("Net voor het aanbieden"), { message: "the edit at the server" });
      } finally {
        watcher.provider.destroy();
      }
      const response = await postStep(await clientFor(app.url, author.id), chapter, cast.book.slug, { action: "submit", expectedStatus: "draft" });
      expect(response.status).toBe(303);
      const revision = await db.chapterRevision.findFirstOrThrow({ where: { chapterId: chapter.id } });
      expect(revision.text).toContain("Net voor het aanbieden geschreven.");
      expect(revision.html).toContain("<p>Net voor het aanbieden geschreven.</p>");
      // Submitting takes the author's direct writing away (suggestions only): 4509 for them too.
      await waitFor(() => live.closes.includes(CLOSE_CODES.accessChanged), { message: "close 4509 after submitting" });
    } finally {
      live.provider.destroy();
    }
  });
});
