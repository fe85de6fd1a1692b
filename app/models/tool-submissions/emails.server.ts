import { translate, type MessageKey } from "#app/common/i18n/catalogue.ts";
import type { Locale } from "#app/common/i18n/locales.ts";
import { queueEmail } from "#app/models/outbox.server.ts";
import type { DbTransaction } from "#app/utils/db.server.ts";
import { appUrl } from "#app/utils/env.server.ts";

/**
 * The e-mails of "Tool aandragen", all plain text through the outbox and queued in the same
 * transaction as the change they report. Submitters get them in the language they used the site
 * in when they submitted; decisions go out in Dutch, the site's first language.
 */

export const CONFIRM_PATH = "/gereedschapskist/aandragen/bevestigen";
export const UPDATE_PATH = "/gereedschapskist/aandragen/bijwerken";

type Recipient = { to: string; name: string };

async function send(tx: DbTransaction, locale: Locale, recipient: Recipient, kind: string, subject: MessageKey, text: MessageKey, params: Record<string, string>) {
  await queueEmail(
    { to: recipient.to, subject: translate(locale, subject, params), text: translate(locale, text, { name: recipient.name, ...params }), kind },
    tx,
  );
}

/** To a visitor: the link that confirms their address and sends the submission to the editors. */
export function sendConfirmationEmail(tx: DbTransaction, locale: Locale, recipient: Recipient, tool: string, token: string, validDays: number) {
  const link = `${appUrl()}${CONFIRM_PATH}/${token}`;
  return send(tx, locale, recipient, "tool-submission.confirm", "toolSubmissions.email.confirm.subject", "toolSubmissions.email.confirm.text", {
    tool,
    link,
    days: String(validDays),
  });
}

/** To the submitter: the editors have the submission now. */
export function sendReceivedEmail(tx: DbTransaction, locale: Locale, recipient: Recipient, tool: string) {
  return send(tx, locale, recipient, "tool-submission.received", "toolSubmissions.email.received.subject", "toolSubmissions.email.received.text", { tool });
}

/** To every editor and admin: a submission waits in the queue. */
export async function notifyEditors(tx: DbTransaction, submissionId: string, tool: string, resubmitted: boolean) {
  const editors = await tx.user.findMany({ where: { role: { in: ["editor", "admin"] } }, select: { email: true, name: true } });
  const link = `${appUrl()}/redactie/gereedschap/inzending/${submissionId}`;
  for (const editor of editors) {
    await send(
      tx,
      "nl",
      { to: editor.email, name: editor.name },
      "tool-submission.new",
      resubmitted ? "toolSubmissions.email.resubmitted.subject" : "toolSubmissions.email.new.subject",
      resubmitted ? "toolSubmissions.email.resubmitted.text" : "toolSubmissions.email.new.text",
      { tool, link },
    );
  }
}

/** To the submitter: an editor's decision, with the question and a private link, or the reason. */
export function sendDecisionEmail(
  tx: DbTransaction,
  recipient: Recipient,
  decision: { kind: "approved"; tool: string; slug: string; message: string } | { kind: "needs_info" | "rejected"; tool: string; message: string; token?: string },
) {
  if (decision.kind === "approved") {
    const text = decision.message ? "toolSubmissions.email.approved.textWithNote" : "toolSubmissions.email.approved.text";
    return send(tx, "nl", recipient, "tool-submission.approved", "toolSubmissions.email.approved.subject", text, {
      tool: decision.tool,
      message: decision.message,
      link: `${appUrl()}/gereedschapskist/${decision.slug}`,
    });
  }
  if (decision.kind === "needs_info") {
    return send(tx, "nl", recipient, "tool-submission.needs-info", "toolSubmissions.email.needsInfo.subject", "toolSubmissions.email.needsInfo.text", {
      tool: decision.tool,
      message: decision.message,
      link: `${appUrl()}${UPDATE_PATH}/${decision.token ?? ""}`,
    });
  }
  return send(tx, "nl", recipient, "tool-submission.rejected", "toolSubmissions.email.rejected.subject", "toolSubmissions.email.rejected.text", {
    tool: decision.tool,
    message: decision.message,
  });
}
