import type { Locale } from "#app/common/i18n/locales.ts";
import { DESIGN_PRINCIPLES } from "#app/common/toolbox.ts";
import { splitPilots, type ToolSubmissionInput } from "#app/components/tool-submissions/submission-schema.ts";
import { db, type DbTransaction } from "#app/utils/db.server.ts";
import { hashToken, newSecretToken } from "#app/utils/tokens.server.ts";
import { appendAttachment } from "./tool-attachments.server.ts";
import { storeDocument } from "./stored-files.server.ts";
import { descriptionToHtml, descriptionToMarkdown } from "./tool-submissions/description.server.ts";
import { notifyEditors, sendConfirmationEmail, sendReceivedEmail } from "./tool-submissions/emails.server.ts";

/**
 * "Tool aandragen": anyone proposes an existing tool. The tool is stored unpublished with its
 * submission; people with an account go straight to the moderation queue (pending), visitors first
 * confirm their address through a link (unconfirmed → pending). When an editor asks for more
 * information, a private link lets the submitter change the tool and send it back (needs_info →
 * pending). Editors' decisions live in tool-submissions/moderation.server.ts.
 *
 * One secret link at a time per submission: its SHA-256 is in confirmTokenHash, whether it confirms
 * the address (status unconfirmed) or updates the tool (status needs_info); the status says which.
 */

/** How long a visitor has to confirm their address (from submitting). */
export const CONFIRM_LINK_DAYS = 7;
/** How long the private update link works (from the editor's question). */
export const UPDATE_LINK_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export type Submitter = { kind: "user"; id: string; name: string; email: string } | { kind: "visitor"; name: string; email: string };
/** A PDF the submitter attached (already checked: tool-attachments.server.ts readFormWithDocument). */
export type SubmittedDocument = { title: string; bytes: Uint8Array } | null;

export type SubmitResult = { ok: true; status: "pending" | "unconfirmed"; submissionId: string } | { ok: false; field: "ownerId"; error: "toolSubmissions.error.unknownOwner" };

/** Stores a proposed tool (unpublished) with its submission and sends the e-mails that go with it. */
export async function submitTool(input: ToolSubmissionInput, submitter: Submitter, document: SubmittedDocument, locale: Locale): Promise<SubmitResult> {
  if (input.ownerId && !(await db.organisation.findUnique({ where: { id: input.ownerId }, select: { id: true } }))) {
    return { ok: false, field: "ownerId", error: "toolSubmissions.error.unknownOwner" };
  }
  await deleteExpiredUnconfirmed();
  // Written before the transaction: a file never shows without its row, and the row waits on no disk.
  const stored = document ? { title: document.title, file: await storeDocument(document.bytes), sizeBytes: document.bytes.length } : null;
  const token = submitter.kind === "visitor" ? newSecretToken() : null;
  const status = token ? "unconfirmed" : "pending";
  const recipient = { to: submitter.email.toLowerCase(), name: submitter.name };
  const submissionId = await db.$transaction(async (tx) => {
    const tool = await tx.tool.create({
      data: { slug: await freeToolSlug(tx, input.name), published: false, ...toolFields(input), ...toolRelations(input) },
      select: { id: true },
    });
    if (stored) await appendAttachment(tx, tool.id, stored);
    const submission = await tx.toolSubmission.create({
      data: {
        toolId: tool.id,
        submitterName: submitter.name,
        submitterEmail: recipient.to,
        submitterId: submitter.kind === "user" ? submitter.id : null,
        status,
        confirmTokenHash: token ? hashToken(token) : null,
      },
      select: { id: true },
    });
    if (token) await sendConfirmationEmail(tx, locale, recipient, input.name, token, CONFIRM_LINK_DAYS);
    else {
      await sendReceivedEmail(tx, locale, recipient, input.name);
      await notifyEditors(tx, submission.id, input.name, false);
    }
    return submission.id;
  });
  return { ok: true, status, submissionId };
}

/** The submission a confirmation link belongs to while it can still be confirmed, else null. */
export async function findUnconfirmedSubmission(token: string) {
  const submission = await db.toolSubmission.findUnique({
    where: { confirmTokenHash: hashToken(token) },
    select: { id: true, status: true, createdAt: true, tool: { select: { name: true } } },
  });
  if (!submission || submission.status !== "unconfirmed" || submission.createdAt.getTime() < Date.now() - CONFIRM_LINK_DAYS * DAY_MS) return null;
  return { id: submission.id, toolName: submission.tool.name };
}

/** Confirms a visitor's address: the submission goes to the editors. Null when the link is dead. */
export async function confirmSubmission(token: string, locale: Locale): Promise<{ toolName: string } | null> {
  const found = await findUnconfirmedSubmission(token);
  if (!found) return null;
  return db.$transaction(async (tx) => {
    // Conditional, so a double click confirms (and e-mails) once.
    const { count } = await tx.toolSubmission.updateMany({
      where: { id: found.id, status: "unconfirmed", confirmTokenHash: hashToken(token) },
      data: { status: "pending", confirmedAt: new Date(), confirmTokenHash: null },
    });
    if (count === 0) return null;
    const submission = await tx.toolSubmission.findUniqueOrThrow({ where: { id: found.id }, select: { submitterEmail: true, submitterName: true } });
    await sendReceivedEmail(tx, locale, { to: submission.submitterEmail, name: submission.submitterName }, found.toolName);
    await notifyEditors(tx, found.id, found.toolName, false);
    return { toolName: found.toolName };
  });
}

/** The submission behind a private update link, with the tool as the form shows it; null when the link is dead. */
export async function findSubmissionForUpdate(token: string) {
  const submission = await db.toolSubmission.findUnique({
    where: { confirmTokenHash: hashToken(token) },
    select: {
      id: true,
      status: true,
      moderatorMessage: true,
      moderatedAt: true,
      submitterName: true,
      tool: {
        select: {
          id: true,
          name: true,
          summary: true,
          descriptionHtml: true,
          category: true,
          form: true,
          status: true,
          principles: true,
          pilots: { orderBy: { municipality: "asc" } },
          owners: { select: { organisationId: true } },
          links: { orderBy: { position: "asc" } },
          attachments: { orderBy: { position: "asc" }, select: { id: true, title: true, sizeBytes: true } },
        },
      },
    },
  });
  if (!submission || submission.status !== "needs_info" || !submission.moderatedAt) return null;
  if (submission.moderatedAt.getTime() < Date.now() - UPDATE_LINK_DAYS * DAY_MS) return null;
  const { tool } = submission;
  const explanation = Object.fromEntries(DESIGN_PRINCIPLES.map((p) => [p, tool.principles.find((x) => x.principle === p)?.explanation ?? ""]));
  return {
    id: submission.id,
    question: submission.moderatorMessage,
    submitterName: submission.submitterName,
    attachments: tool.attachments,
    defaults: {
      name: tool.name,
      summary: tool.summary,
      description: descriptionToMarkdown(tool.descriptionHtml),
      category: tool.category,
      form: tool.form,
      toolStatus: tool.status,
      principles: tool.principles.map((p) => p.principle),
      explanation,
      pilots: tool.pilots.map((p) => p.municipality).join("\n"),
      ownerId: tool.owners[0]?.organisationId ?? "",
      links: tool.links.map((link) => ({ title: link.title, url: link.url })),
      attachmentTitle: "",
    },
  };
}

/** Replaces the tool's content with the submitter's update and sends it back to the editors. */
export async function resubmitTool(token: string, input: ToolSubmissionInput, document: SubmittedDocument): Promise<SubmitResult | null> {
  const found = await findSubmissionForUpdate(token);
  if (!found) return null;
  if (input.ownerId && !(await db.organisation.findUnique({ where: { id: input.ownerId }, select: { id: true } }))) {
    return { ok: false, field: "ownerId", error: "toolSubmissions.error.unknownOwner" };
  }
  const stored = document ? { title: document.title, file: await storeDocument(document.bytes), sizeBytes: document.bytes.length } : null;
  return db.$transaction(async (tx) => {
    const { count } = await tx.toolSubmission.updateMany({
      where: { id: found.id, status: "needs_info", confirmTokenHash: hashToken(token) },
      data: { status: "pending", confirmTokenHash: null },
    });
    if (count === 0) return null;
    const { toolId } = await tx.toolSubmission.findUniqueOrThrow({ where: { id: found.id }, select: { toolId: true } });
    await Promise.all([
      tx.toolPrinciple.deleteMany({ where: { toolId } }),
      tx.toolPilot.deleteMany({ where: { toolId } }),
      tx.toolOwner.deleteMany({ where: { toolId } }),
      tx.toolLink.deleteMany({ where: { toolId } }),
    ]);
    await tx.tool.update({ where: { id: toolId }, data: { ...toolFields(input), ...toolRelations(input) } });
    if (stored) await appendAttachment(tx, toolId, stored);
    await notifyEditors(tx, found.id, input.name, true);
    return { ok: true as const, status: "pending" as const, submissionId: found.id };
  });
}

function toolFields(input: ToolSubmissionInput) {
  return {
    name: input.name,
    summary: input.summary,
    descriptionHtml: descriptionToHtml(input.description),
    category: input.category,
    form: input.form,
    status: input.toolStatus,
  };
}

/** Principles (ticked, or explained: an explanation says the tool meets it), pilots, owner and links. */
function toolRelations(input: ToolSubmissionInput) {
  const principles = DESIGN_PRINCIPLES.filter((p) => input.principles.includes(p) || input.explanation[p]);
  const links = input.links.filter((link) => link.url);
  return {
    principles: { create: principles.map((principle) => ({ principle, explanation: input.explanation[principle] })) },
    pilots: { create: splitPilots(input.pilots).map((municipality) => ({ municipality })) },
    owners: { create: input.ownerId ? [{ organisationId: input.ownerId }] : [] },
    links: { create: links.map((link, index) => ({ title: link.title || new URL(link.url).host, url: link.url, position: index + 1 })) },
  };
}

/** A URL name for a tool: from its name, with -2, -3 … when another tool (published or not) has it. */
async function freeToolSlug(tx: DbTransaction, name: string): Promise<string> {
  const base =
    name
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .slice(0, 80)
      .replace(/^-+|-+$/g, "") || "tool";
  // "aandragen" is the submission form's own address under /gereedschapskist.
  const taken = new Set(
    (await tx.tool.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((tool) => tool.slug).concat("aandragen"),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** Submissions whose address was never confirmed in time are dropped with their tool (nobody saw them). */
async function deleteExpiredUnconfirmed(): Promise<void> {
  await db.tool.deleteMany({
    where: { published: false, submission: { status: "unconfirmed", createdAt: { lt: new Date(Date.now() - CONFIRM_LINK_DAYS * DAY_MS) } } },
  });
}
