import type { ChapterStatus } from "./chapter-status.ts";
import type { MessageKey } from "./i18n/catalogue.ts";
import { canAccessChapter, hasPermission, type ChapterAccessFacts, type UserAccessFacts } from "./permissions.ts";

/**
 * The editorial workflow of a chapter as data: which actions exist, from which states, to which
 * state, who may take them and whether they need a message. The server (models/chapter-workflow)
 * enforces it; the UI (components/workflow-panel) only shows what it allows. Anything not in the
 * table is refused.
 */

export const WORKFLOW_ACTIONS = ["submit", "request_changes", "approve", "publish", "reopen"] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

export function isWorkflowAction(value: unknown): value is WorkflowAction {
  return typeof value === "string" && (WORKFLOW_ACTIONS as readonly string[]).includes(value);
}

/**
 * The parts people play in a chapter's workflow. `author`: someone who may update the chapter
 * because an organisation writing it is theirs (a partner author). `editor`: editors and admins
 * (they may update every chapter).
 */
export type WorkflowParty = "author" | "editor";

export type WorkflowTransition = {
  from: readonly ChapterStatus[];
  to: ChapterStatus;
  by: readonly WorkflowParty[];
  /** Whether the person must say why (the authors need to know what to change or why it reopened). */
  messageRequired: boolean;
};

/**
 * Editors and admins may submit too: chapters the editorial team writes itself (a foreword, an
 * introduction) have no partner author, and an editor sometimes submits on behalf of a partner
 * who asked by mail. Submitting is still the only step authors have; the editorial ones are the
 * editors' alone.
 */
export const TRANSITIONS: Readonly<Record<WorkflowAction, WorkflowTransition>> = {
  submit: { from: ["draft", "changes_requested"], to: "in_review", by: ["author", "editor"], messageRequired: false },
  request_changes: { from: ["in_review"], to: "changes_requested", by: ["editor"], messageRequired: true },
  approve: { from: ["in_review"], to: "approved", by: ["editor"], messageRequired: false },
  publish: { from: ["approved"], to: "published", by: ["editor"], messageRequired: false },
  reopen: { from: ["approved", "published"], to: "draft", by: ["editor"], messageRequired: true },
};

/** Approving and publishing fix the text: they wait for open suggestions and missing alt texts. */
export const FINALISING_ACTIONS: ReadonlySet<WorkflowAction> = new Set(["approve", "publish"]);

/** The longest message a transition may carry (an editor's note, not a document). */
export const WORKFLOW_MESSAGE_MAX_LENGTH = 2000;

/** After a step the page it came from is shown with ?status=<new state>, which the panel confirms. */
export const WORKFLOW_CHANGED_PARAM = "status";

/** The catalogue key of each action's button label. */
export const WORKFLOW_ACTION_LABEL: Record<WorkflowAction, MessageKey> = {
  submit: "workflow.action.submit",
  request_changes: "workflow.action.request_changes",
  approve: "workflow.action.approve",
  publish: "workflow.action.publish",
  reopen: "workflow.action.reopen",
};

/** The parts the user plays in this chapter's workflow (none for readers and other partners). */
export function workflowParties(user: UserAccessFacts, chapter: ChapterAccessFacts): WorkflowParty[] {
  if (!user) return [];
  if (hasPermission(user.role, "update:chapter:any")) return ["editor"];
  return canAccessChapter(user, chapter, "update") ? ["author"] : [];
}

/** Whether the user's part in the chapter lets them take the action at all (in some state). */
export function mayTakeAction(user: UserAccessFacts, chapter: ChapterAccessFacts, action: WorkflowAction): boolean {
  const parties = workflowParties(user, chapter);
  return TRANSITIONS[action].by.some((party) => parties.includes(party));
}

/** Whether the action leads out of the state. */
export function actionAppliesTo(action: WorkflowAction, status: string): boolean {
  return (TRANSITIONS[action].from as readonly string[]).includes(status);
}

/** Why a transition is refused, or that it may go ahead (and where to). */
export type TransitionCheck =
  | { ok: true; to: ChapterStatus }
  | { ok: false; reason: "forbidden" }
  | { ok: false; reason: "wrong_state" };

/** Checks an action against the table for this user and the chapter's current state. */
export function checkTransition(user: UserAccessFacts, chapter: ChapterAccessFacts, action: WorkflowAction): TransitionCheck {
  if (!mayTakeAction(user, chapter, action)) return { ok: false, reason: "forbidden" };
  if (!actionAppliesTo(action, chapter.status)) return { ok: false, reason: "wrong_state" };
  return { ok: true, to: TRANSITIONS[action].to };
}

/** The actions the user may take on the chapter now, in table order (the panel's buttons). */
export function availableActions(user: UserAccessFacts, chapter: ChapterAccessFacts): WorkflowAction[] {
  return WORKFLOW_ACTIONS.filter((action) => checkTransition(user, chapter, action).ok);
}
