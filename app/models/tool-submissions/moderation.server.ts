import { DESIGN_PRINCIPLES } from "#app/common/toolbox.ts";
import { OPEN_STATUSES, type SubmissionStatus } from "#app/components/tool-submissions/submission-schema.ts";
import { requireUserWithPermission } from "#app/utils/auth.server.ts";
import { db } from "#app/utils/db.server.ts";
import { hashToken, newSecretToken } from "#app/utils/tokens.server.ts";
import { listToolAttachments } from "../tool-attachments.server.ts";
import { sendDecisionEmail } from "./emails.server.ts";

/**
 * The editors' side of "Tool aandragen": the queue, one submission with everything submitted, and
 * the three decisions. Each decision is allowed only from the states below, claimed with a
 * conditional update (two editors deciding at once: one wins, the other is told), recorded with
 * who and when, and e-mailed to the submitter in the same transaction.
 */

export const DECISIONS = ["approve", "needs_info", "reject"] as const;
export type Decision = (typeof DECISIONS)[number];

/** From which states each decision may be taken. An unconfirmed submission is not in the queue yet. */
export const SUBMISSION_TRANSITIONS: Record<Decision, readonly SubmissionStatus[]> = {
  approve: ["pending", "needs_info"],
  // Asking again (a follow-up question) sends a new link; the old one stops working.
  needs_info: ["pending", "needs_info"],
  reject: ["pending", "needs_info"],
};

const RESULT_STATUS: Record<Decision, SubmissionStatus> = { approve: "approved", needs_info: "needs_info", reject: "rejected" };

/** The editorial team (editors and admins): the same people who may edit any chapter. */
export function requireToolModerator(request: Request) {
  return requireUserWithPermission(request, "update:chapter:any");
}

export type DecisionResult = { ok: true; status: SubmissionStatus; slug: string } | { ok: false; reason: "notFound" | "transition" | "messageRequired" };

/** Takes an editor's decision on a submission; the message is required to ask or to reject. */
export async function decideSubmission({
  submissionId,
  decision,
  message,
  moderatorId,
}: {
  submissionId: string;
  decision: Decision;
  message: string;
  moderatorId: string;
}): Promise<DecisionResult> {
  const text = message.trim();
  if (decision !== "approve" && !text) return { ok: false, reason: "messageRequired" };
  const token = decision === "needs_info" ? newSecretToken() : null;
  return db.$transaction(async (tx) => {
    const submission = await tx.toolSubmission.findUnique({
      where: { id: submissionId },
      select: { status: true, submitterEmail: true, submitterName: true, toolId: true, tool: { select: { name: true, slug: true } } },
    });
    if (!submission) return { ok: false, reason: "notFound" } as const;
    const status = RESULT_STATUS[decision];
    const { count } = await tx.toolSubmission.updateMany({
      where: { id: submissionId, status: { in: [...SUBMISSION_TRANSITIONS[decision]] } },
      data: { status, moderatorMessage: text, moderatedById: moderatorId, moderatedAt: new Date(), confirmTokenHash: token ? hashToken(token) : null },
    });
    if (count === 0) return { ok: false, reason: "transition" } as const;
    if (decision === "approve") await tx.tool.update({ where: { id: submission.toolId }, data: { published: true } });
    const recipient = { to: submission.submitterEmail, name: submission.submitterName };
    const tool = submission.tool.name;
    if (decision === "approve") await sendDecisionEmail(tx, recipient, { kind: "approved", tool, slug: submission.tool.slug, message: text });
    else await sendDecisionEmail(tx, recipient, { kind: status as "needs_info" | "rejected", tool, message: text, token: token ?? undefined });
    return { ok: true, status, slug: submission.tool.slug } as const;
  });
}

/** The queue: submissions in the given states (default: waiting for an editor), oldest first. */
export async function listSubmissionQueue(statuses: readonly SubmissionStatus[] = OPEN_STATUSES) {
  return db.toolSubmission.findMany({
    where: { status: { in: [...statuses] } },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      status: true,
      submitterName: true,
      submitterEmail: true,
      submitterId: true,
      createdAt: true,
      updatedAt: true,
      moderatedAt: true,
      moderatedBy: { select: { name: true } },
      tool: { select: { name: true, slug: true, summary: true, category: true, form: true, _count: { select: { attachments: true } } } },
    },
  });
}

/** How many submissions wait for an editor (for the editors' dashboard). */
export function countOpenSubmissions(): Promise<number> {
  return db.toolSubmission.count({ where: { status: { in: [...OPEN_STATUSES] } } });
}

/** One submission with everything that was submitted, for the editor deciding on it; null if unknown. */
export async function findSubmissionForModeration(submissionId: string) {
  const submission = await db.toolSubmission.findUnique({
    where: { id: submissionId },
    select: {
      id: true,
      status: true,
      submitterName: true,
      submitterEmail: true,
      submitter: { select: { name: true, role: true } },
      confirmedAt: true,
      moderatorMessage: true,
      moderatedAt: true,
      moderatedBy: { select: { name: true } },
      createdAt: true,
      updatedAt: true,
      tool: {
        select: {
          id: true,
          slug: true,
          name: true,
          summary: true,
          descriptionHtml: true,
          category: true,
          form: true,
          status: true,
          published: true,
          principles: true,
          pilots: { orderBy: { municipality: "asc" } },
          owners: { select: { organisation: { select: { name: true, slug: true } } } },
          links: { orderBy: { position: "asc" } },
        },
      },
    },
  });
  if (!submission) return null;
  const rank = (principle: string) => (DESIGN_PRINCIPLES as readonly string[]).indexOf(principle);
  const principles = [...submission.tool.principles].sort((a, b) => rank(a.principle) - rank(b.principle));
  const attachments = await listToolAttachments(submission.tool.id);
  return { ...submission, tool: { ...submission.tool, principles, attachments } };
}

/** Which decisions an editor can take now (the buttons shown; the server checks again). */
export function allowedDecisions(status: string): Decision[] {
  return DECISIONS.filter((decision) => (SUBMISSION_TRANSITIONS[decision] as readonly string[]).includes(status));
}
