import * as Y from "yjs";
import { beforeAll, describe, expect, test } from "vitest";
import { CHAPTER_STATUSES, type ChapterStatus } from "#app/common/chapter-status.ts";
import { WORKFLOW_ACTIONS, type WorkflowAction } from "#app/common/chapter-workflow.ts";
import { CHAPTER_FRAGMENT } from "#app/common/collab.ts";
import { getRevision, listRevisions } from "#app/models/revisions.server.ts";
import { db } from "#app/utils/db.server.ts";
import { createUser } from "#tests/factories.ts";
import { TestClient } from "#tests/helpers/http-client.ts";
import { useTestServer } from "#tests/helpers/server.ts";
import { chapterIn, clientFor, footprint, postStep, ROLE_NAMES, textOf, workflowCast, type RoleName, type WorkflowCast } from "./helpers.ts";

const app = useTestServer();
let cast: WorkflowCast;
const clients = {} as Record<RoleName, TestClient>;

beforeAll(async () => {
  cast = await workflowCast();
  for (const role of ROLE_NAMES) clients[role] = await clientFor(app.url, cast.people[role].id);
});

// Written out by hand, not derived from the table in app/common/chapter-workflow.ts, so that the
// server is checked against the issue rather than against itself.
const EDITORIAL: Partial<Record<ChapterStatus, WorkflowAction[]>> = {
  draft: ["submit"],
  changes_requested: ["submit"],
  in_review: ["request_changes", "approve"],
  approved: ["publish", "reopen"],
  published: ["reopen"],
};
const ALLOWED: Record<RoleName, Partial<Record<ChapterStatus, WorkflowAction[]>>> = {
  reader: {},
  "author of the chapter": { draft: ["submit"], changes_requested: ["submit"] },
  "author of another organisation": {},
  editor: EDITORIAL,
  admin: EDITORIAL,
};
const TARGET: Record<WorkflowAction, ChapterStatus> = {
  submit: "in_review",
  request_changes: "changes_requested",
  approve: "approved",
  publish: "published",
  reopen: "draft",
};
const MESSAGE = "Graag sectie 2 inkorten.";

/** Who should have been told, by notification kind; reopening tells nobody. */
async function expectedRecipients(action: WorkflowAction, actorId: string): Promise<{ kind: string; userIds: string[] } | null> {
  if (action === "reopen") return null;
  if (action === "submit") {
    const editors = await db.user.findMany({ where: { role: { in: ["editor", "admin"] } }, select: { id: true } });
    return { kind: "submitted", userIds: editors.map((u) => u.id).filter((id) => id !== actorId) };
  }
  return { kind: TARGET[action], userIds: [cast.people["author of the chapter"].id].filter((id) => id !== actorId) };
}

const cases = ROLE_NAMES.flatMap((role) => CHAPTER_STATUSES.flatMap((status) => WORKFLOW_ACTIONS.map((action) => [role, action, status] as const)));

describe("every action, by every role, from every state, at the server", () => {
  test.each(cases)("%s: %s from %s", async (role, action, status) => {
    const chapter = await chapterIn(cast, status);
    const actor = cast.people[role];
    const response = await postStep(clients[role], chapter, cast.book.slug, { action, expectedStatus: status, message: MESSAGE });
    const after = await footprint(chapter.id);

    if (ALLOWED[role][status]?.includes(action)) {
      expect(response.status).toBe(303);
      expect(response.headers.get("location")).toBe(`/boek/${cast.book.slug}/${chapter.slug}?status=${TARGET[action]}`);
      expect(after.status).toBe(TARGET[action]);
      expect(after.revisions).toHaveLength(1);
      const [revision] = after.revisions;
      expect(revision).toMatchObject({ number: 1, fromStatus: status, toStatus: TARGET[action], message: MESSAGE, authorId: actor.id });
      expect(revision!.html).toContain("De eerste versie van de tekst.");
      expect(revision!.text).toContain("De eerste versie van de tekst.");
      const doc = new Y.Doc();
      Y.applyUpdate(doc, revision!.snapshot);
      expect(doc.getXmlFragment(CHAPTER_FRAGMENT).toString()).toContain("De eerste versie van de tekst.");
      expect(after.activities).toHaveLength(1);
      expect(after.activities[0]).toMatchObject({ kind: "status_changed", actorId: actor.id, bookId: cast.book.id });
      expect(JSON.parse(after.activities[0]!.data)).toMatchObject({ from: status, to: TARGET[action], message: MESSAGE });
      const expected = await expectedRecipients(action, actor.id);
      if (expected) {
        expect(after.notifications.map((n) => n.userId).sort()).toEqual([...expected.userIds].sort());
        for (const notification of after.notifications) {
          expect(notification).toMatchObject({ kind: expected.kind, actorId: actor.id, excerpt: MESSAGE, link: `/boek/${cast.book.slug}/${chapter.slug}` });
        }
      } else {
        expect(after.notifications).toHaveLength(0);
      }
    } else {
      const mayEver = Object.values(ALLOWED[role]).some((actions) => actions.includes(action));
      expect(response.status).toBe(mayEver ? 409 : 403);
      const page = textOf(await response.text());
      expect(page).toMatch(mayEver ? /kan niet bij een hoofdstuk met de status/ : /U mag deze stap .* niet zetten/);
      expect(after).toEqual({ status, revisions: [], activities: [], notifications: [] });
    }
  });
});

describe("refusals that need more than the table", () => {
  test("requesting changes or reopening without a message: 422, nothing changes", async () => {
    for (const [action, status] of [["request_changes", "in_review"], ["reopen", "published"]] as const) {
      const chapter = await chapterIn(cast, status);
      const response = await postStep(clients.editor, chapter, cast.book.slug, { action, expectedStatus: status, message: "   " });
      expect(response.status).toBe(422);
      expect(textOf(await response.text())).toContain("Schrijf een bericht voor de auteurs");
      expect(await footprint(chapter.id)).toEqual({ status, revisions: [], activities: [], notifications: [] });
    }
  });

  test("an unknown action, a missing expected state and a message of 100 kB are refused with 4xx", async () => {
    const chapter = await chapterIn(cast, "in_review");
    const unknown = await postStep(clients.editor, chapter, cast.book.slug, { action: "delete", expectedStatus: "in_review" });
    expect(unknown.status).toBe(400);
    expect(textOf(await unknown.text())).toContain("Deze actie bestaat niet");
    const missing = await postStep(clients.editor, chapter, cast.book.slug, { action: "approve", expectedStatus: "" });
    expect(missing.status).toBe(400);
    const long = await postStep(clients.editor, chapter, cast.book.slug, { action: "request_changes", expectedStatus: "in_review", message: "x".repeat(100_000) });
    expect(long.status).toBe(422);
    expect(textOf(await long.text())).toContain("te lang");
    expect(await footprint(chapter.id)).toEqual({ status: "in_review", revisions: [], activities: [], notifications: [] });
  });

  test("without the CSRF token: 403; logged out: to the login page", async () => {
    const chapter = await chapterIn(cast, "in_review");
    const noToken = await clients.editor.post(`/boek/${cast.book.slug}/${chapter.slug}/status`, { action: "approve", expectedStatus: "in_review", csrf: null });
    expect(noToken.status).toBe(403);
    const visitor = new TestClient(app.url);
    const anonymous = await postStep(visitor, chapter, cast.book.slug, { action: "approve", expectedStatus: "in_review" });
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toMatch(/^\/inloggen/);
    expect((await footprint(chapter.id)).status).toBe("in_review");
  });

  test("two editors approving at once: one wins, the other hears the new state; one revision", async () => {
    const chapter = await chapterIn(cast, "in_review");
    const [first, second] = await Promise.all([
      postStep(clients.editor, chapter, cast.book.slug, { action: "approve", expectedStatus: "in_review" }),
      postStep(clients.admin, chapter, cast.book.slug, { action: "request_changes", expectedStatus: "in_review", message: MESSAGE }),
    ]);
    const statuses = [first.status, second.status].sort();
    expect(statuses).toEqual([303, 409]);
    const after = await footprint(chapter.id);
    const loser = first.status === 409 ? first : second;
    const winnerState = first.status === 303 ? "approved" : "changes_requested";
    expect(after.status).toBe(winnerState);
    expect(textOf(await loser.text())).toContain(`heeft inmiddels de status ${winnerState === "approved" ? "Goedgekeurd" : "Wijzigingen gevraagd"}`);
    expect(after.revisions).toHaveLength(1);
    expect(after.revisions[0]!.toStatus).toBe(winnerState);
    expect(after.activities).toHaveLength(1);
  });

  test("a step from a state the chapter has left is refused with 409 and the current state", async () => {
    const chapter = await chapterIn(cast, "approved");
    const response = await postStep(clients.editor, chapter, cast.book.slug, { action: "approve", expectedStatus: "in_review" });
    expect(response.status).toBe(409);
    expect(textOf(await response.text())).toContain("Dit hoofdstuk heeft inmiddels de status Goedgekeurd. Laad de pagina opnieuw");
    expect(await footprint(chapter.id)).toEqual({ status: "approved", revisions: [], activities: [], notifications: [] });
  });

  test("approving and publishing wait for alt texts; publishing works once the image has one", async () => {
    const withoutAlt = await chapterIn(cast, "approved", '<p>Een kaart:</p><img src="/uploads/kaart.png"><p>Einde.</p>');
    const refused = await postStep(clients.editor, withoutAlt, cast.book.slug, { action: "publish", expectedStatus: "approved" });
    expect(refused.status).toBe(422);
    expect(textOf(await refused.text())).toContain("1 afbeelding(en) hebben nog geen alternatieve tekst");
    expect(await footprint(withoutAlt.id)).toEqual({ status: "approved", revisions: [], activities: [], notifications: [] });

    const inReview = await chapterIn(cast, "in_review", '<img src="/uploads/kaart.png" alt="">');
    const approve = await postStep(clients.editor, inReview, cast.book.slug, { action: "approve", expectedStatus: "in_review" });
    expect(approve.status).toBe(422);

    const withAlt = await chapterIn(cast, "approved", '<p>Een kaart:</p><img src="/uploads/kaart.png" alt="Kaart van de stad"><p>Einde.</p>');
    const published = await postStep(clients.editor, withAlt, cast.book.slug, { action: "publish", expectedStatus: "approved" });
    expect(published.status).toBe(303);
    expect((await footprint(withAlt.id)).revisions[0]!.html).toContain('alt="Kaart van de stad"');
  });

  test("approving waits for open suggestions", async () => {
    const chapter = await chapterIn(cast, "in_review");
    await db.chapter.update({ where: { id: chapter.id }, data: { openSuggestions: 2 } });
    const response = await postStep(clients.editor, chapter, cast.book.slug, { action: "approve", expectedStatus: "in_review" });
    expect(response.status).toBe(422);
    expect(textOf(await response.text())).toContain("Neem eerst de 2 openstaande voorstellen over of wijs ze af");
    expect(await footprint(chapter.id)).toEqual({ status: "in_review", revisions: [], activities: [], notifications: [] });
    // Requesting changes is still possible: the suggestions are what the authors work on.
    const changes = await postStep(clients.editor, chapter, cast.book.slug, { action: "request_changes", expectedStatus: "in_review", message: MESSAGE });
    expect(changes.status).toBe(303);
  });
});

describe("who is told", () => {
  test("people named on the chapter hear of approval too; those who chose immediate e-mail get one in the outbox", async () => {
    const chapter = await chapterIn(cast, "in_review");
    const named = await createUser({ role: "author", name: "Nina Genoemd" });
    await db.chapterAuthor.create({ data: { chapterId: chapter.id, userId: named.id } });
    const response = await postStep(clients.editor, chapter, cast.book.slug, { action: "approve", expectedStatus: "in_review" });
    expect(response.status).toBe(303);
    const told = await db.notification.findMany({ where: { chapterId: chapter.id }, select: { userId: true, kind: true } });
    expect(told.map((n) => n.userId).sort()).toEqual([cast.people["author of the chapter"].id, named.id].sort());
    expect(told.every((n) => n.kind === "approved")).toBe(true);
    const mail = await db.outboxEmail.findMany({ where: { to: { in: [named.email, cast.people["author of the chapter"].email] } } });
    expect(mail.length).toBeGreaterThanOrEqual(2);
    expect(mail.some((m) => m.to === named.email && m.subject.includes("goedgekeurd"))).toBe(true);
  });
});

describe("revisions across a review round", () => {
  test("numbered 1, 2, 3 with who, from, to and message; listRevisions and getRevision return them", async () => {
    const chapter = await chapterIn(cast, "draft");
    const author = clients["author of the chapter"];
    expect((await postStep(author, chapter, cast.book.slug, { action: "submit", expectedStatus: "draft" })).status).toBe(303);
    expect((await postStep(clients.editor, chapter, cast.book.slug, { action: "request_changes", expectedStatus: "in_review", message: MESSAGE })).status).toBe(303);
    expect((await postStep(author, chapter, cast.book.slug, { action: "submit", expectedStatus: "changes_requested", message: "Ingekort." })).status).toBe(303);

    const list = await listRevisions(chapter.id);
    expect(list.map((r) => [r.number, r.fromStatus, r.toStatus, r.message, r.author?.name])).toEqual([
      [3, "changes_requested", "in_review", "Ingekort.", "Anna Auteur"],
      [2, "in_review", "changes_requested", MESSAGE, "Eva Redacteur"],
      [1, "draft", "in_review", "", "Anna Auteur"],
    ]);
    const second = await getRevision(chapter.id, 2);
    expect(second).toMatchObject({ number: 2, chapterId: chapter.id, message: MESSAGE });
    expect(second!.snapshot.byteLength).toBeGreaterThan(0);
    expect(await getRevision(chapter.id, 4)).toBeNull();
    expect(await getRevision(chapter.id, Number.NaN)).toBeNull();
  });
});
