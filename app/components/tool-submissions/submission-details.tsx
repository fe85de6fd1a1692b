import { Link } from "@remix-run/react";
import { categoryLabel, formLabel, principleLabel, statusLabel } from "#app/common/toolbox.ts";
import { useT } from "#app/utils/root-data.ts";

export type SubmittedTool = {
  slug: string;
  name: string;
  summary: string;
  descriptionHtml: string;
  category: string;
  form: string;
  status: string;
  principles: { principle: string; explanation: string }[];
  pilots: { municipality: string }[];
  owners: { organisation: { name: string; slug: string } }[];
  links: { id: string; title: string; url: string }[];
  attachments: { id: string; title: string; url: string; size: string }[];
};

const rowClass = "grid gap-1 border-t border-stone-100 py-3 sm:grid-cols-[12rem_1fr]";

/** Everything a submitter sent about their tool, for the editor deciding on it. Text is shown as text. */
export function SubmissionDetails({ tool, manageAttachments }: { tool: SubmittedTool; manageAttachments: string }) {
  const t = useT();
  return (
    <section aria-labelledby="submitted-tool" className="rounded-lg border border-stone-200 bg-white p-5 shadow-sm">
      <h2 id="submitted-tool" className="text-xl font-semibold">
        {t("toolSubmissions.detail.submitted")}
      </h2>
      <dl className="mt-3">
        <div className={rowClass}>
          <dt className="font-medium">{t("toolSubmissions.form.name")}</dt>
          <dd>{tool.name}</dd>
        </div>
        <div className={rowClass}>
          <dt className="font-medium">{t("toolSubmissions.form.summary")}</dt>
          <dd>{tool.summary}</dd>
        </div>
        <div className={rowClass}>
          <dt className="font-medium">{t("toolSubmissions.form.description")}</dt>
          <dd className="prose-book" dangerouslySetInnerHTML={{ __html: tool.descriptionHtml }} />
        </div>
        <div className={rowClass}>
          <dt className="font-medium">{t("toolSubmissions.detail.kind")}</dt>
          <dd>
            {t(categoryLabel(tool.category))} · {t(formLabel(tool.form))} · {t(statusLabel(tool.status))}
          </dd>
        </div>
        <div className={rowClass}>
          <dt className="font-medium">{t("toolbox.principles")}</dt>
          <dd>
            {tool.principles.length === 0 ? (
              t("toolSubmissions.detail.noPrinciples")
            ) : (
              <ul className="space-y-2">
                {tool.principles.map((principle) => (
                  <li key={principle.principle}>
                    <span className="font-medium">{t(principleLabel(principle.principle))}</span>
                    {principle.explanation && <span className="block whitespace-pre-line text-stone-700">{principle.explanation}</span>}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        <div className={rowClass}>
          <dt className="font-medium">{t("toolbox.pilots")}</dt>
          <dd>{tool.pilots.length === 0 ? t("toolbox.noPilots") : tool.pilots.map((p) => p.municipality).join(", ")}</dd>
        </div>
        <div className={rowClass}>
          <dt className="font-medium">{t("toolSubmissions.form.owner")}</dt>
          <dd>
            {tool.owners.length === 0
              ? t("toolSubmissions.form.ownerNone")
              : tool.owners.map((owner) => (
                  <Link key={owner.organisation.slug} to={`/partners/${owner.organisation.slug}`}>
                    {owner.organisation.name}
                  </Link>
                ))}
          </dd>
        </div>
        <div className={rowClass}>
          <dt className="font-medium">{t("toolbox.links")}</dt>
          <dd>
            {tool.links.length === 0 ? (
              "—"
            ) : (
              <ul>
                {tool.links.map((link) => (
                  <li key={link.id}>
                    {link.title}: <a href={link.url} rel="noopener noreferrer nofollow">{link.url}</a>
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        <div className={rowClass}>
          <dt className="font-medium">{t("toolSubmissions.attachments.title")}</dt>
          <dd>
            {tool.attachments.length === 0 ? (
              t("toolSubmissions.attachments.none")
            ) : (
              <ul>
                {tool.attachments.map((attachment) => (
                  <li key={attachment.id}>
                    <a href={attachment.url} download>
                      {attachment.title}
                    </a>{" "}
                    <span className="text-sm text-stone-700">({t("toolSubmissions.attachments.pdfSize", { size: attachment.size })})</span>
                  </li>
                ))}
              </ul>
            )}
            <Link to={manageAttachments} className="mt-1 block text-sm">
              {t("toolSubmissions.attachments.manage")}
            </Link>
          </dd>
        </div>
      </dl>
    </section>
  );
}
