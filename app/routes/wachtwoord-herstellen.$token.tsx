import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { passwordSchema } from "#app/common/validation.ts";
import { CsrfInput } from "#app/components/csrf-input.tsx";
import { NewPasswordFields } from "#app/components/new-password-fields.tsx";
import { SubmitButton } from "#app/components/forms.tsx";
import { findUsableReset, resetPassword } from "#app/models/password-resets.server.ts";
import { readForm } from "#app/utils/csrf.server.ts";
import { pageTitle } from "#app/utils/meta.ts";
import { useT } from "#app/utils/root-data.ts";
import { startSession } from "#app/utils/session.server.ts";

const ResetPasswordSchema = z
  .object({ password: passwordSchema, confirmPassword: z.string({ error: "form.required" }) })
  .refine((value) => value.password === value.confirmPassword, {
    path: ["confirmPassword"],
    error: "auth.passwordMismatch",
  });

const PASSWORD_FIELDS = ["password", "confirmPassword"];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, data?.valid ? "auth.reset.title" : "auth.reset.invalid.title");

export async function loader({ params }: LoaderFunctionArgs) {
  const reset = await findUsableReset(params.token ?? "");
  // 410 Gone: the link existed (or never did) but will not work again; the page explains.
  if (!reset) return data({ valid: false as const }, { status: 410 });
  return { valid: true as const, email: reset.email };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  const submission = parseWithZod(form, { schema: ResetPasswordSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: PASSWORD_FIELDS }), linkInvalid: false }, { status: 400 });
  }
  const userId = await resetPassword(params.token ?? "", submission.value.password);
  if (!userId) {
    // Used or expired while the form was open (or submitted twice).
    return data({ result: submission.reply({ hideFields: PASSWORD_FIELDS }), linkInvalid: true }, { status: 410 });
  }
  return redirect("/", { headers: { "Set-Cookie": await startSession(request, userId) } });
}

export default function ResetPassword() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  // After a 4xx action the loader is not revalidated, so the action reports a dead link itself.
  if (!loaderData.valid || actionData?.linkInvalid) return <InvalidLink />;
  return <ResetPasswordForm email={loaderData.email} lastResult={actionData?.result} />;
}

function ResetPasswordForm({ email, lastResult }: { email: string; lastResult: SubmissionResult | undefined }) {
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    id: "reset-password",
    lastResult,
    constraint: getZodConstraint(ResetPasswordSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ResetPasswordSchema }),
  });

  return (
    <section aria-labelledby="reset-title" className="mx-auto max-w-md">
      <div className="rounded-lg border border-stone-200 bg-white p-6 shadow-sm sm:p-8">
        <h1 id="reset-title" className="text-2xl font-semibold tracking-tight">
          {t("auth.reset.title")}
        </h1>
        <p className="mt-2 text-stone-700">{t("auth.reset.intro", { email })}</p>
        <Form method="post" {...getFormProps(form)} className="mt-6 space-y-5">
          <CsrfInput />
          {/* Lets password managers file the new password under the right account. */}
          <input type="text" autoComplete="username" value={email} readOnly hidden />
          <NewPasswordFields password={fields.password} confirm={fields.confirmPassword} label="auth.newPassword" />
          <SubmitButton busy={busy}>{t("auth.reset.submit")}</SubmitButton>
        </Form>
      </div>
    </section>
  );
}

function InvalidLink() {
  const t = useT();
  return (
    <section aria-labelledby="reset-invalid-title" className="mx-auto max-w-md">
      <div className="rounded-lg border border-stone-200 bg-white p-6 shadow-sm sm:p-8">
        <h1 id="reset-invalid-title" className="text-2xl font-semibold tracking-tight">
          {t("auth.reset.invalid.title")}
        </h1>
        <p className="mt-3 text-stone-700">{t("auth.reset.invalid.text")}</p>
        <p className="mt-6">
          <Link
            to="/wachtwoord-vergeten"
            className="inline-flex items-center rounded-md bg-[var(--color-accent)] px-4 py-2 font-medium text-white no-underline shadow-sm hover:bg-[var(--color-accent-dark)]"
          >
            {t("auth.reset.invalid.requestNew")}
          </Link>
        </p>
      </div>
    </section>
  );
}
