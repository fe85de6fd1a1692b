import { Link, useFetcher, useLocation, useSearchParams } from "@remix-run/react";
import { useId } from "react";
import { CHAPTER_STATUS_LABEL, isChapterStatus } from "#app/common/chapter-status.ts";
import {
  TRANSITIONS,
  WORKFLOW_ACTION_LABEL,
  WORKFLOW_CHANGED_PARAM,
  WORKFLOW_MESSAGE_MAX_LENGTH,
  type WorkflowAction,
} from "#app/common/chapter-workflow.ts";
import type { MessageKey } from "#app/common/i18n/catalogue.ts";
import { CsrfInput } from "#app/components/csrf-input.tsx";
import { FormMessage, TextareaField } from "#app/components/forms.tsx";
import { StatusBadge } from "#app/components/status-badge.tsx";
import type { WorkflowPanelData } from "#app/models/chapter-workflow.server.ts";
import { useT } from "#app/utils/root-data.ts";

const MESSAGE_LABEL: Partial<Record<WorkflowAction, MessageKey>> = {
  request_changes: "workflow.message.request_changes",
  reopen: "workflow.message.reopen",
};
const MESSAGE_SUBMIT: Partial<Record<WorkflowAction, MessageKey>> = {
  request_changes: "workflow.message.send.request_changes",
  reopen: "workflow.message.send.reopen",
};

const buttonClass =
  "inline-flex cursor-pointer items-center rounded-md px-3 py-1.5 text-sm font-medium shadow-sm disabled:opacity-60";
const primaryClass = `${buttonClass} bg-[var(--color-accent)] text-white hover:bg-[var(--color-accent-dark)]`;
const secondaryClass = `${buttonClass} border border-stone-300 bg-white text-stone-900 hover:bg-stone-100`;

/**
 * The chapter's place in the editorial workflow for one person: its state, the steps they may take
 * now, the last change of state with its message, and a link to the activity log. Plain forms that
 * a fetcher enhances: without JavaScript they post to the status route, which redirects back.
 */
export function WorkflowPanel({ panel }: { panel: WorkflowPanelData }) {
  const t = useT();
  const titleId = useId();
  // One fetcher for every form here, so an error from any of them shows in one place.
  const fetcher = useFetcher<{ message: string }>();
  const [searchParams] = useSearchParams();
  const location = useLocation();
  const busy = fetcher.state !== "idle";
  const error = fetcher.state === "idle" ? fetcher.data?.message : undefined;
  const changedTo = searchParams.get(WORKFLOW_CHANGED_PARAM);
  // Back to this page without the previous confirmation.
  const here = new URLSearchParams(searchParams);
  here.delete(WORKFLOW_CHANGED_PARAM);
  const redirectTo = `${location.pathname}${here.size > 0 ? `?${here}` : ""}`;
  const label = (status: string) => (isChapterStatus(status) ? t(CHAPTER_STATUS_LABEL[status]) : status);
  const hidden = (action: WorkflowAction) => (
    <>
      <CsrfInput />
      <input type="hidden" name="action" value={action} />
      <input type="hidden" name="expectedStatus" value={panel.status} />
      <input type="hidden" name="redirectTo" value={redirectTo} />
    </>
  );
  const last = panel.lastTransition;

  return (
    <section aria-labelledby={titleId} className="mt-4 rounded-md border border-stone-300 bg-white px-4 py-3 text-sm shadow-sm" data-testid="workflow-panel">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id={titleId} className="text-base font-semibold">
          {t("workflow.panel.title")}
        </h2>
        <StatusBadge status={panel.status} />
        <Link to={panel.revisionsUrl} className="ml-auto">
          {t("revisions.link")}
        </Link>
        <Link to={panel.activityUrl}>{t("workflow.panel.activityLink")}</Link>
      </div>

      {changedTo === panel.status && (
        <div className="mt-3">
          <FormMessage tone="success">{t("workflow.panel.changed", { status: label(panel.status) })}</FormMessage>
        </div>
      )}

      {last && (
        <div className="mt-3 border-l-4 border-stone-300 pl-3">
          <p className="text-stone-700">
            <span className="font-medium">{t("workflow.panel.lastChange")}: </span>
            {t("workflow.panel.lastChangeBy", {
              actor: last.actor ?? t("workflow.activity.someone"),
              when: last.when,
              from: label(last.from),
              to: label(last.to),
            })}
          </p>
          {last.message && (
            <blockquote className="mt-1 whitespace-pre-line font-serif text-base text-stone-900" data-testid="workflow-last-message">
              {last.message}
            </blockquote>
          )}
        </div>
      )}

      {panel.openSuggestions > 0 && (panel.actions.includes("approve") || panel.actions.includes("publish")) && (
        <p className="mt-3 text-amber-900">{t("workflow.panel.openSuggestions", { count: panel.openSuggestions })}</p>
      )}

      {error && (
        <div className="mt-3">
          <FormMessage tone="error">{error}</FormMessage>
        </div>
      )}

      {panel.actions.length === 0 ? (
        <p className="mt-3 text-stone-600">{t("workflow.panel.noActions")}</p>
      ) : (
        <div className="mt-3 flex flex-wrap items-start gap-2">
          {/* Steps that go at once first, in one row; those that need a message open below them. */}
          {[...panel.actions].sort((a, b) => Number(TRANSITIONS[a].messageRequired) - Number(TRANSITIONS[b].messageRequired)).map((action) =>
            TRANSITIONS[action].messageRequired ? (
              // A disclosure, not a dialog: it opens without JavaScript and keeps keyboard focus in the page.
              <details key={action} className="group w-full">
                <summary className={`${secondaryClass} list-none`}>{t(WORKFLOW_ACTION_LABEL[action])}…</summary>
                <fetcher.Form method="post" action={panel.statusUrl} className="mt-2 space-y-2">
                  {hidden(action)}
                  <TextareaField
                    label={t(MESSAGE_LABEL[action]!)}
                    errors={null}
                    textareaProps={{ name: "message", required: true, maxLength: WORKFLOW_MESSAGE_MAX_LENGTH, rows: 3 }}
                  />
                  <button type="submit" className={primaryClass} disabled={busy}>
                    {t(MESSAGE_SUBMIT[action]!)}
                  </button>
                </fetcher.Form>
              </details>
            ) : (
              <fetcher.Form key={action} method="post" action={panel.statusUrl}>
                {hidden(action)}
                <button type="submit" className={primaryClass} disabled={busy}>
                  {t(WORKFLOW_ACTION_LABEL[action])}
                </button>
              </fetcher.Form>
            ),
          )}
        </div>
      )}
      {busy && (
        <p role="status" className="mt-2 text-stone-600">
          {t("workflow.panel.busy")}
        </p>
      )}
    </section>
  );
}
