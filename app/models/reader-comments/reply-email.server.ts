import { createHmac } from "node:crypto";
import { translate } from "#app/common/i18n/catalogue.ts";
import { DEFAULT_LOCALE } from "#app/common/i18n/locales.ts";
import { queueEmail } from "#app/models/outbox.server.ts";
import type { DbTransaction } from "#app/utils/db.server.ts";
import { appUrl, getEnv } from "#app/utils/env.server.ts";
import { safeEqual } from "#app/utils/tokens.server.ts";
import { describeTargets, reactionAnchor } from "./targets.server.ts";

export const REPLY_EMAIL_KIND = "readerComments.reply";
const EXCERPT_LENGTH = 400;

/**
 * The signature in a reply e-mail's "stop these e-mails" link: it proves the link came from us
 * for this reaction, so a visitor without an account can turn the e-mails off with one click,
 * and nobody can turn off someone else's by guessing ids.
 */
export function unsubscribeSignature(reactionId: string): string {
  return createHmac("sha256", getEnv().SESSION_SECRET).update(`reader-comment-unsubscribe:${reactionId}`).digest("base64url");
}

export function isValidUnsubscribeSignature(reactionId: string, signature: string): boolean {
  return safeEqual(unsubscribeSignature(reactionId), signature);
}

/**
 * Tells the author of the reaction a reply belongs under, by e-mail through the outbox, that the
 * reply is now visible: only when they asked for it, never for their own reply, and at most once
 * per reply (a reply hidden and approved again does not mail twice). Runs inside the transaction
 * that made the reply visible, so the e-mail and the change go together.
 */
export async function notifyParentOfReply(replyId: string, tx: DbTransaction): Promise<boolean> {
  const reply = await tx.readerComment.findUnique({
    where: { id: replyId },
    select: {
      id: true,
      name: true,
      email: true,
      userId: true,
      body: true,
      status: true,
      targetType: true,
      targetId: true,
      parent: { select: { id: true, name: true, email: true, userId: true, status: true, notifyOnReply: true } },
    },
  });
  const parent = reply?.parent;
  if (!reply || !parent || reply.status !== "approved") return false;
  if (!parent.notifyOnReply || parent.status !== "approved") return false;
  const ownReply = parent.email === reply.email || (parent.userId !== null && parent.userId === reply.userId);
  if (ownReply) return false;

  const [target] = await describeTargets([{ type: reply.targetType, id: reply.targetId }], { client: tx });
  const link = `${appUrl()}${target?.path ?? "/"}#${reactionAnchor(reply.id)}`;
  const alreadyTold = await tx.outboxEmail.findFirst({ where: { kind: REPLY_EMAIL_KIND, to: parent.email, text: { contains: link } }, select: { id: true } });
  if (alreadyTold) return false;

  const title = target?.title ?? "";
  const excerpt = reply.body.length > EXCERPT_LENGTH ? `${reply.body.slice(0, EXCERPT_LENGTH)}…` : reply.body;
  const unsubscribe = `${appUrl()}/reacties/afmelden?reactie=${encodeURIComponent(parent.id)}&code=${unsubscribeSignature(parent.id)}`;
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string>) => translate(DEFAULT_LOCALE, key, params);
  await queueEmail(
    {
      to: parent.email,
      kind: REPLY_EMAIL_KIND,
      subject: t("readerComments.email.subject", { title }),
      text: [
        t("readerComments.email.greeting", { name: parent.name }),
        t("readerComments.email.intro", { name: reply.name, title }),
        excerpt.split("\n").map((line) => `> ${line}`).join("\n"),
        t("readerComments.email.read", { url: link }),
        "—",
        t("readerComments.email.why"),
        t("readerComments.email.unsubscribe", { url: unsubscribe }),
      ].join("\n\n"),
    },
    tx,
  );
  return true;
}
