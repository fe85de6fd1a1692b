import { Form, useNavigation } from "@remix-run/react";
import type { MessageKey } from "#app/common/i18n/catalogue.ts";
import { CsrfInput } from "#app/components/csrf-input.tsx";
import { SubmitButton, TextareaField } from "#app/components/forms.tsx";
import { useT } from "#app/utils/root-data.ts";

type Decision = "approve" | "needs_info" | "reject";

const TEXT: Record<Decision, { heading: MessageKey; label: MessageKey; help: MessageKey; button: MessageKey; required: boolean }> = {
  approve: {
    heading: "toolSubmissions.decision.approve.heading",
    label: "toolSubmissions.decision.approve.label",
    help: "toolSubmissions.decision.approve.help",
    button: "toolSubmissions.decision.approve.button",
    required: false,
  },
  needs_info: {
    heading: "toolSubmissions.decision.needsInfo.heading",
    label: "toolSubmissions.decision.needsInfo.label",
    help: "toolSubmissions.decision.needsInfo.help",
    button: "toolSubmissions.decision.needsInfo.button",
    required: true,
  },
  reject: {
    heading: "toolSubmissions.decision.reject.heading",
    label: "toolSubmissions.decision.reject.label",
    help: "toolSubmissions.decision.reject.help",
    button: "toolSubmissions.decision.reject.button",
    required: true,
  },
};

/**
 * The decisions an editor can take on a submission now, one small form each: approve (an optional
 * note), ask for more information (a question) or reject (a reason). Each is e-mailed to the submitter.
 */
export function DecisionForms({ allowed, error }: { allowed: Decision[]; error: { intent: string; message: string } | null }) {
  const t = useT();
  const navigation = useNavigation();
  if (allowed.length === 0) return null;
  return (
    <section aria-labelledby="decisions" className="space-y-4">
      <h2 id="decisions" className="text-xl font-semibold">
        {t("toolSubmissions.decision.title")}
      </h2>
      <div className="grid gap-4 lg:grid-cols-3">
        {allowed.map((decision) => {
          const text = TEXT[decision];
          const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === decision;
          return (
            <Form key={decision} method="post" className="space-y-3 rounded-lg border border-stone-200 bg-white p-4 shadow-sm" aria-labelledby={`decision-${decision}`}>
              <CsrfInput />
              <input type="hidden" name="intent" value={decision} />
              <h3 id={`decision-${decision}`} className="font-semibold">
                {t(text.heading)}
              </h3>
              <TextareaField
                label={t(text.label)}
                help={t(text.help)}
                errors={error?.intent === decision ? [error.message] : undefined}
                textareaProps={{ id: `decision-${decision}-message`, name: "message", rows: 4, required: text.required, maxLength: 5000 }}
              />
              <SubmitButton busy={busy}>{t(text.button)}</SubmitButton>
            </Form>
          );
        })}
      </div>
    </section>
  );
}
