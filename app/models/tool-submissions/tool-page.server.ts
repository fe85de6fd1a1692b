import { getLocale } from "#app/utils/i18n.server.ts";
import { db } from "#app/utils/db.server.ts";
import { attachmentUrl, formatFileSize } from "../tool-attachments.server.ts";

/**
 * What the tool page adds for attachments and moderation: the attachments with their download
 * address and size (formatted here, so server and browser render the same text), whether the person
 * may manage them, and — for an editor previewing a tool that is not published — its submission.
 */
export async function toolPageExtras(
  request: Request,
  tool: { id: string; slug: string; published: boolean; attachments: { id: string; title: string; file: string; sizeBytes: number }[] },
  editor: boolean,
) {
  const locale = await getLocale(request);
  const submission = !tool.published && editor ? await db.toolSubmission.findUnique({ where: { toolId: tool.id }, select: { id: true, status: true } }) : null;
  return {
    attachments: tool.attachments.map((attachment) => ({
      id: attachment.id,
      title: attachment.title,
      url: attachmentUrl(attachment.file, attachment.title),
      size: formatFileSize(attachment.sizeBytes, locale),
    })),
    manageAttachments: editor ? `/redactie/gereedschap/bijlagen/${tool.slug}` : null,
    preview: tool.published ? null : { submissionId: submission?.id ?? null, status: submission?.status ?? null },
  };
}
