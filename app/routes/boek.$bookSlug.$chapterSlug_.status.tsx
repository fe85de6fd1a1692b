import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useParams } from "@remix-run/react";
import { WORKFLOW_CHANGED_PARAM } from "#app/common/chapter-workflow.ts";
import { FormMessage } from "#app/components/forms.tsx";
import { refusalMessage, transitionChapter } from "#app/models/chapter-workflow.server.ts";
import { findChapter } from "#app/models/chapters.server.ts";
import { requireUser } from "#app/utils/auth.server.ts";
import { readForm } from "#app/utils/csrf.server.ts";
import { notFound, safeRedirectPath } from "#app/utils/http.server.ts";
import { getTranslator } from "#app/utils/i18n.server.ts";
import { pageTitle } from "#app/utils/meta.ts";
import { useT } from "#app/utils/root-data.ts";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "workflow.error.title");

/**
 * POST a workflow step (fields: action, expectedStatus, message, redirectTo, csrf). Done: back to
 * the page it came from. Refused: the status says why (403 not yours, 409 the state changed or does
 * not allow it, 422 a message or a fix is needed) with `{ message }`, which the workflow panel shows;
 * without JavaScript this route's page shows it with a link back.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request);
  const chapter = await findChapter(params.bookSlug ?? "", params.chapterSlug ?? "");
  if (!chapter) throw await notFound(request, "workflow.error.notFound");

  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  const outcome = await transitionChapter({
    chapterId: chapter.id,
    actor: user,
    action: text("action"),
    message: text("message"),
    expectedStatus: text("expectedStatus"),
  });
  if (!outcome.ok) {
    const t = await getTranslator(request);
    return data({ message: refusalMessage(outcome, t), reason: outcome.reason }, { status: outcome.status });
  }
  const back = new URL(safeRedirectPath(form.get("redirectTo"), outcome.link), "http://kapittel.invalid");
  back.searchParams.set(WORKFLOW_CHANGED_PARAM, outcome.to);
  return redirect(`${back.pathname}${back.search}`, 303);
}

/**
 * Shown when a form posted here without JavaScript was refused (with the fetcher the panel shows
 * the message itself). No loader: after a refused document POST Remix renders this with the
 * action's data, and a loader that redirected would hide the message.
 */
export default function WorkflowRefused() {
  const t = useT();
  const result = useActionData<typeof action>();
  const { bookSlug, chapterSlug } = useParams();
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">{t("workflow.error.title")}</h1>
      {result && <FormMessage tone="error">{result.message}</FormMessage>}
      <p>
        <Link to={`/boek/${bookSlug}/${chapterSlug}`}>{t("workflow.error.back")}</Link>
      </p>
    </div>
  );
}
