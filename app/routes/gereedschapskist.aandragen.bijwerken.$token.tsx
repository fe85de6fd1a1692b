import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ToolSubmissionSchema } from "#app/components/tool-submissions/submission-schema.ts";
import { ATTACHMENT_FIELD, ToolSubmissionForm } from "#app/components/tool-submissions/tool-submission-form.tsx";
import { readFormWithDocument } from "#app/models/tool-attachments.server.ts";
import { findSubmissionForUpdate, resubmitTool } from "#app/models/tool-submissions.server.ts";
import { db } from "#app/utils/db.server.ts";
import { pageTitle } from "#app/utils/meta.ts";
import { useT } from "#app/utils/root-data.ts";

export const meta: MetaFunction<typeof loader> = ({ matches }) => [...pageTitle(matches, "toolSubmissions.update.title"), { name: "robots", content: "noindex" }];

/**
 * The private link an editor's question comes with: the submitter sees the question, changes the
 * tool and sends it back to the queue. The link is the key (no account needed) and works while
 * the question is open.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const submission = await findSubmissionForUpdate(params.token ?? "");
  if (!submission) return data({ submission: null, organisations: [] }, { status: 410 });
  const organisations = await db.organisation.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } });
  return { submission, organisations };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { form, document } = await readFormWithDocument(request, ATTACHMENT_FIELD);
  const submission = parseWithZod(form, { schema: ToolSubmissionSchema });
  const attachmentError = document && !document.ok ? document.error : null;
  if (submission.status !== "success" || attachmentError) return data({ result: submission.reply(), attachmentError, gone: false }, { status: 400 });
  const value = submission.value;
  const attached = document?.ok ? { title: value.attachmentTitle || value.name, bytes: document.bytes } : null;
  const result = await resubmitTool(params.token ?? "", value, attached);
  if (!result) return data({ result: submission.reply(), attachmentError: null, gone: true }, { status: 410 });
  if (!result.ok) return data({ result: submission.reply({ fieldErrors: { [result.field]: [result.error] } }), attachmentError: null, gone: false }, { status: 400 });
  // Away from the link, which is used up now (reloading it would only say so).
  return redirect("/gereedschapskist/aandragen?ingediend=bijgewerkt");
}

export default function UpdateSubmissionPage() {
  const t = useT();
  const { submission, organisations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  let body;
  if (!submission || actionData?.gone) body = <p>{t("toolSubmissions.update.invalid")}</p>;
  else {
    body = (
      <>
        <section aria-labelledby="editor-question" className="rounded-lg border border-amber-300 bg-amber-50 p-5">
          <h2 id="editor-question" className="font-semibold">
            {t("toolSubmissions.update.question")}
          </h2>
          <p className="mt-2 whitespace-pre-line">{submission.question}</p>
        </section>
        {submission.attachments.length > 0 && (
          <p className="text-sm text-stone-700">
            {t("toolSubmissions.update.attachments", { titles: submission.attachments.map((a) => a.title).join(", ") })}
          </p>
        )}
        <ToolSubmissionForm
          id="tool-update"
          lastResult={actionData?.result}
          askContact={false}
          organisations={organisations}
          defaultValue={submission.defaults}
          attachmentError={actionData?.attachmentError}
          submitLabel={t("toolSubmissions.update.submit")}
        />
      </>
    );
  }
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <header>
        <h1 className="font-serif text-4xl font-semibold tracking-tight">{t("toolSubmissions.update.title")}</h1>
        {submission && <p className="mt-3 text-stone-700">{t("toolSubmissions.update.intro", { name: submission.submitterName })}</p>}
      </header>
      {body}
      <p className="text-sm">
        <Link to="/gereedschapskist">{t("toolbox.backToToolbox")}</Link>
      </p>
    </div>
  );
}
