import { describe, expect, test } from "vitest";
import { canAccessChapter, chapterDocumentAccess, hasPermission, ROLE_PERMISSIONS, ROLES } from "./permissions.ts";

const amersfoort = "org-amersfoort";
const civity = "org-civity";
const draftOfAmersfoort = { status: "draft", organisationIds: [amersfoort] };
const publishedOfCivity = { status: "published", organisationIds: [civity] };

describe("permissions as data", () => {
  test("each role holds at least what the role below it holds", () => {
    const order = ["visitor", ...ROLES] as const;
    for (let i = 1; i < order.length; i++) {
      const lower = ROLE_PERMISSIONS[order[i - 1]!];
      const higher = ROLE_PERMISSIONS[order[i]!];
      for (const permission of lower) expect(higher, `${order[i]} lacks ${permission}`).toContain(permission);
    }
  });

  test("only admins manage organisations and read the outbox", () => {
    expect(ROLES.filter((role) => hasPermission(role, "manage:organisation:any"))).toEqual(["admin"]);
    expect(ROLES.filter((role) => hasPermission(role, "read:outbox:any"))).toEqual(["admin"]);
    expect(ROLES.filter((role) => hasPermission(role, "manage:order:any"))).toEqual(["admin"]);
    expect(hasPermission(null, "manage:order:any")).toBe(false);
    expect(hasPermission(null, "read:admin:any")).toBe(false);
  });

  test.each([
    ["a visitor", null, "read", draftOfAmersfoort, false],
    ["a visitor", null, "read", publishedOfCivity, true],
    ["a visitor", null, "update", publishedOfCivity, false],
    ["a reader", { role: "reader", organisationIds: [] }, "read", draftOfAmersfoort, false],
    ["a reader", { role: "reader", organisationIds: [] }, "update", publishedOfCivity, false],
    ["Amersfoort's author", { role: "author", organisationIds: [amersfoort] }, "read", draftOfAmersfoort, true],
    ["Amersfoort's author", { role: "author", organisationIds: [amersfoort] }, "update", draftOfAmersfoort, true],
    ["Civity's author", { role: "author", organisationIds: [civity] }, "read", draftOfAmersfoort, false],
    ["Civity's author", { role: "author", organisationIds: [civity] }, "update", draftOfAmersfoort, false],
    ["Amersfoort's author", { role: "author", organisationIds: [amersfoort] }, "update", publishedOfCivity, false],
    ["a reader who is a member (no author role)", { role: "reader", organisationIds: [amersfoort] }, "update", draftOfAmersfoort, false],
    ["an editor", { role: "editor", organisationIds: [] }, "update", draftOfAmersfoort, true],
    ["an admin", { role: "admin", organisationIds: [] }, "read", draftOfAmersfoort, true],
  ] as const)("%s: %s of %o is %s", (_who, user, action, chapter, allowed) => {
    expect(canAccessChapter(user, chapter, action)).toBe(allowed);
  });
});

describe("access to a chapter's live document", () => {
  const author = { role: "author", organisationIds: [amersfoort] } as const;
  const otherAuthor = { role: "author", organisationIds: [civity] } as const;
  const editor = { role: "editor", organisationIds: [] } as const;
  test.each([
    ["its author, draft", author, "draft", "write"],
    ["its author, changes requested", author, "changes_requested", "write"],
    ["its author, in review", author, "in_review", "suggest"],
    ["an editor, in review", editor, "in_review", "write"],
    ["its author, approved", author, "approved", "read"],
    ["an editor, published", editor, "published", "read"],
    ["another partner's author, draft", otherAuthor, "draft", "none"],
    ["another partner's author, published", otherAuthor, "published", "read"],
    ["a visitor, draft", null, "draft", "none"],
  ] as const)("%s: %s", (_case, user, status, expected) => {
    expect(chapterDocumentAccess(user, { status, organisationIds: [amersfoort] })).toBe(expected);
  });
});
