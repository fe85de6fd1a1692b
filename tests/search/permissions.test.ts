import { beforeAll, describe, expect, test } from "vitest";
import { CHAPTER_STATUSES } from "#app/common/chapter-status.ts";
import type { UserAccessFacts } from "#app/common/permissions.ts";
import { search } from "#app/models/search.server.ts";
import { db } from "#app/utils/db.server.ts";
import { createOrganisation } from "#tests/factories.ts";
import { chapterWithText, titlesFound } from "./helpers.ts";

/**
 * Search must never return a draft to someone who may not read it. One chapter per workflow state,
 * all written by organisation A, all containing the word "ijsvogel"; then every role asks.
 */
let orgA = "";
let orgB = "";
const titleOf = (status: string) => `IJsvogel (${status})`;
const everyTitle = () => CHAPTER_STATUSES.map(titleOf).sort();

beforeAll(async () => {
  orgA = (await createOrganisation({ name: "Gemeente Alfa" })).id;
  orgB = (await createOrganisation({ name: "Gemeente Bravo" })).id;
  for (const status of CHAPTER_STATUSES) {
    await chapterWithText({ title: titleOf(status), status, text: `De ijsvogel duikt. Geheime notitie ${status}.`, organisationIds: [orgA] });
  }
});

const visitor: UserAccessFacts = null;
const reader = (): UserAccessFacts => ({ role: "reader", organisationIds: [] });
const readerInA = (): UserAccessFacts => ({ role: "reader", organisationIds: [orgA] });
const authorOfA = (): UserAccessFacts => ({ role: "author", organisationIds: [orgA] });
const authorOfB = (): UserAccessFacts => ({ role: "author", organisationIds: [orgB] });
const authorWithoutOrganisation = (): UserAccessFacts => ({ role: "author", organisationIds: [] });
const editor = (): UserAccessFacts => ({ role: "editor", organisationIds: [] });
const admin = (): UserAccessFacts => ({ role: "admin", organisationIds: [] });

describe("search shows each person only the chapters they may read", () => {
  test.each([
    ["a visitor", () => visitor],
    ["a reader", reader],
    ["a reader who happens to be a member of the organisation", readerInA],
    ["an author of another organisation", authorOfB],
    ["an author without an organisation", authorWithoutOrganisation],
  ])("%s finds the published chapter only", async (_who, user) => {
    expect(await titlesFound("ijsvogel", user())).toEqual([titleOf("published")]);
    const result = await search("ijsvogel", user());
    expect(result.counts.chapter).toBe(1);
    expect(result.total).toBe(1);
    // Words that occur only in drafts find nothing at all, not even through a fallback.
    for (const status of CHAPTER_STATUSES.filter((s) => s !== "published")) {
      const draftOnly = await search(`notitie ${status}`, user());
      expect(draftOnly.hits.map((hit) => hit.title).filter((title) => title !== titleOf("published")), status).toEqual([]);
    }
  });

  test.each([
    ["an author of the organisation", authorOfA],
    ["an editor", editor],
    ["an admin", admin],
  ])("%s finds the chapter in every state, each with its state", async (_who, user) => {
    const result = await search("ijsvogel", user(), { limit: 50 });
    expect(result.hits.map((hit) => hit.title).sort()).toEqual(everyTitle());
    expect(result.counts.chapter).toBe(CHAPTER_STATUSES.length);
    for (const hit of result.hits) expect(hit.title).toBe(titleOf(hit.status ?? ""));
  });

  test("the check is made against the live chapter: a status change or a new co-author counts at once", async () => {
    const chapter = await db.chapter.findFirstOrThrow({ where: { title: titleOf("draft") } });
    expect(await titlesFound("ijsvogel", authorOfB())).not.toContain(titleOf("draft"));
    await db.chapterOrganisation.create({ data: { chapterId: chapter.id, organisationId: orgB } });
    expect(await titlesFound("ijsvogel", authorOfB())).toContain(titleOf("draft"));
    await db.chapterOrganisation.delete({ where: { chapterId_organisationId: { chapterId: chapter.id, organisationId: orgB } } });
    expect(await titlesFound("ijsvogel", authorOfB())).not.toContain(titleOf("draft"));

    await db.chapter.update({ where: { id: chapter.id }, data: { status: "published" } });
    expect(await titlesFound("ijsvogel", visitor)).toContain(titleOf("draft"));
    await db.chapter.update({ where: { id: chapter.id }, data: { status: "draft" } });
    expect(await titlesFound("ijsvogel", visitor)).not.toContain(titleOf("draft"));
  });

  test("paging never reveals a draft either: every page for a visitor holds published chapters only", async () => {
    for (let offset = 0; offset < 10; offset++) {
      const page = await search("ijsvogel", visitor, { limit: 1, offset });
      for (const hit of page.hits) expect(hit.status).toBe("published");
    }
  });
});
