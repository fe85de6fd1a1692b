import { describe, expect, test } from "vitest";
import { CHAPTER_STATUSES, type ChapterStatus } from "./chapter-status.ts";
import { availableActions, checkTransition, TRANSITIONS, WORKFLOW_ACTIONS, workflowParties, type WorkflowAction } from "./chapter-workflow.ts";
import type { UserAccessFacts } from "./permissions.ts";

const ours = "org-ours";
const theirs = "org-theirs";

const PEOPLE = {
  visitor: null,
  reader: { role: "reader", organisationIds: [] },
  "reader who is a member": { role: "reader", organisationIds: [ours] },
  "author of the chapter": { role: "author", organisationIds: [ours] },
  "author of another organisation": { role: "author", organisationIds: [theirs] },
  editor: { role: "editor", organisationIds: [] },
  admin: { role: "admin", organisationIds: [] },
} as const satisfies Record<string, UserAccessFacts>;
type Person = keyof typeof PEOPLE;

// Written out by hand (not derived from TRANSITIONS) so that a change to the table has to be
// made here too: state → the actions each person may take from it.
const EDITORIAL: Record<ChapterStatus, WorkflowAction[]> = {
  draft: ["submit"],
  in_review: ["request_changes", "approve"],
  changes_requested: ["submit"],
  approved: ["publish", "reopen"],
  published: ["reopen"],
};
const AUTHORING: Record<ChapterStatus, WorkflowAction[]> = {
  draft: ["submit"],
  in_review: [],
  changes_requested: ["submit"],
  approved: [],
  published: [],
};
const NOTHING: Record<ChapterStatus, WorkflowAction[]> = { draft: [], in_review: [], changes_requested: [], approved: [], published: [] };
const EXPECTED: Record<Person, Record<ChapterStatus, WorkflowAction[]>> = {
  visitor: NOTHING,
  reader: NOTHING,
  "reader who is a member": NOTHING,
  "author of the chapter": AUTHORING,
  "author of another organisation": NOTHING,
  editor: EDITORIAL,
  admin: EDITORIAL,
};

const cases = (Object.keys(PEOPLE) as Person[]).flatMap((person) =>
  CHAPTER_STATUSES.flatMap((status) => WORKFLOW_ACTIONS.map((action) => [person, action, status] as const)),
);

describe("the workflow table", () => {
  test.each(cases)("%s: %s from %s", (person, action, status) => {
    const user = PEOPLE[person];
    const chapter = { status, organisationIds: [ours] };
    const allowed = EXPECTED[person][status].includes(action);
    const check = checkTransition(user, chapter, action);
    expect(check.ok).toBe(allowed);
    if (check.ok) {
      expect(check.to).toBe(TRANSITIONS[action].to);
    } else {
      // A person who may never take the action is told so; one who may, but not now, hears about the state.
      const everAllowed = CHAPTER_STATUSES.some((s) => EXPECTED[person][s].includes(action));
      expect(check.reason).toBe(everAllowed ? "wrong_state" : "forbidden");
    }
    expect(availableActions(user, chapter).includes(action)).toBe(allowed);
  });

  test("leads where the issue says", () => {
    expect(Object.fromEntries(WORKFLOW_ACTIONS.map((a) => [a, TRANSITIONS[a].to]))).toEqual({
      submit: "in_review",
      request_changes: "changes_requested",
      approve: "approved",
      publish: "published",
      reopen: "draft",
    });
  });

  test("requesting changes and reopening need a message; the others do not", () => {
    expect(WORKFLOW_ACTIONS.filter((a) => TRANSITIONS[a].messageRequired)).toEqual(["request_changes", "reopen"]);
  });

  test("no action leads to the state it starts from", () => {
    for (const action of WORKFLOW_ACTIONS) expect(TRANSITIONS[action].from).not.toContain(TRANSITIONS[action].to);
  });

  test("editors play the editor's part even in their own organisation's chapters", () => {
    expect(workflowParties({ role: "editor", organisationIds: [ours] }, { status: "draft", organisationIds: [ours] })).toEqual(["editor"]);
    expect(workflowParties(null, { status: "published", organisationIds: [ours] })).toEqual([]);
  });
});
