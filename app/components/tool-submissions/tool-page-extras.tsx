import { Link } from "@remix-run/react";
import { submissionStatusLabel } from "./submission-schema.ts";
import { useT } from "#app/utils/root-data.ts";

export type ToolPageExtras = {
  attachments: { id: string; title: string; url: string; size: string }[];
  manageAttachments: string | null;
  preview: { submissionId: string | null; status: string | null } | null;
};

/** Above an unpublished tool that an editor previews: it is not public, and where to decide on it. */
export function ToolPreviewNotice({ extras }: { extras: ToolPageExtras }) {
  const t = useT();
  if (!extras.preview) return null;
  const { submissionId, status } = extras.preview;
  return (
    <div role="note" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950">
      <p className="font-medium">{t("toolSubmissions.preview.notice")}</p>
      {submissionId && status && (
        <p className="mt-1">
          {t("toolSubmissions.preview.status", { status: t(submissionStatusLabel(status)) })}{" "}
          <Link to={`/redactie/gereedschap/inzending/${submissionId}`}>{t("toolSubmissions.preview.open")}</Link>
        </p>
      )}
    </div>
  );
}

/** The tool's PDF attachments with their sizes, and for editors a link to manage them. */
export function ToolAttachments({ extras }: { extras: ToolPageExtras }) {
  const t = useT();
  if (extras.attachments.length === 0 && !extras.manageAttachments) return null;
  return (
    <section aria-labelledby="tool-attachments">
      <h2 id="tool-attachments" className="text-xl font-semibold">
        {t("toolSubmissions.attachments.title")}
      </h2>
      {extras.attachments.length === 0 ? (
        <p className="mt-2 text-stone-700">{t("toolSubmissions.attachments.none")}</p>
      ) : (
        <ul className="mt-2 space-y-1">
          {extras.attachments.map((attachment) => (
            <li key={attachment.id}>
              <a href={attachment.url} download>
                {attachment.title}
              </a>{" "}
              <span className="text-sm text-stone-700">({t("toolSubmissions.attachments.pdfSize", { size: attachment.size })})</span>
            </li>
          ))}
        </ul>
      )}
      {extras.manageAttachments && (
        <p className="mt-2 text-sm">
          <Link to={extras.manageAttachments}>{t("toolSubmissions.attachments.manage")}</Link>
        </p>
      )}
    </section>
  );
}
