import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { emailSchema, PASSWORD_MAX_LENGTH } from "#app/common/validation.ts";
import { CsrfInput } from "#app/components/csrf-input.tsx";
import { Field, SubmitButton, FormErrors } from "#app/components/forms.tsx";
import { authenticate } from "#app/models/users.server.ts";
import { requireAnonymous } from "#app/utils/auth.server.ts";
import { readForm } from "#app/utils/csrf.server.ts";
import { safeRedirectPath } from "#app/utils/http.server.ts";
import { getTranslator } from "#app/utils/i18n.server.ts";
import { pageTitle } from "#app/utils/meta.ts";
import { useT } from "#app/utils/root-data.ts";
import { startSession } from "#app/utils/session.server.ts";

// No minimum length here: a password is checked, not chosen, on this form.
const LoginSchema = z.object({
  email: emailSchema,
  password: z.string({ error: "form.required" }).max(PASSWORD_MAX_LENGTH, { error: "form.tooLong" }),
  redirectTo: z.string().optional(),
});

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "auth.login.title");

// A page (not a data request) takes its headers from here: keep the rate limit's Retry-After.
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After");
  const result: Record<string, string> = {};
  if (retryAfter) result["Retry-After"] = retryAfter;
  return result;
};

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const submission = parseWithZod(form, { schema: LoginSchema });
  if (submission.status !== "success") {
    return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  const { email, password, redirectTo } = submission.value;
  const result = await authenticate(email, password, context.clientIp);
  if (result.status === "blocked") {
    const t = await getTranslator(request);
    return data(
      submission.reply({
        formErrors: [t("auth.login.tooManyAttempts", { seconds: result.retryAfterSeconds })],
        hideFields: ["password"],
      }),
      { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } },
    );
  }
  if (result.status === "invalid") {
    // One message for an unknown address and a wrong password: the form reveals no accounts.
    return data(submission.reply({ formErrors: ["auth.login.invalid"], hideFields: ["password"] }), { status: 400 });
  }
  return redirect(safeRedirectPath(redirectTo), {
    headers: { "Set-Cookie": await startSession(request, result.userId) },
  });
}

export default function Login() {
  const t = useT();
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    id: "login",
    lastResult,
    constraint: getZodConstraint(LoginSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LoginSchema }),
  });
  const redirectTo = searchParams.get("redirectTo");
  const { key: emailKey, ...emailProps } = getInputProps(fields.email, { type: "email" });
  const { key: passwordKey, ...passwordProps } = getInputProps(fields.password, { type: "password" });

  return (
    <section aria-labelledby="login-title" className="mx-auto max-w-md">
      <div className="rounded-lg border border-stone-200 bg-white p-6 shadow-sm sm:p-8">
        <h1 id="login-title" className="text-2xl font-semibold tracking-tight">
          {t("auth.login.title")}
        </h1>
        <p className="mt-2 text-stone-700">{t("auth.login.intro")}</p>
        <Form method="post" {...getFormProps(form)} className="mt-6 space-y-5">
          <CsrfInput />
          {redirectTo && <input type="hidden" name="redirectTo" value={redirectTo} />}
          <FormErrors id={form.errorId} errors={form.errors} />
          <Field
            key={emailKey}
            label={t("auth.email")}
            errors={fields.email.errors}
            inputProps={{ ...emailProps, autoComplete: "email" }}
          />
          <Field
            key={passwordKey}
            label={t("auth.password")}
            errors={fields.password.errors}
            inputProps={{ ...passwordProps, autoComplete: "current-password" }}
          />
          <div className="flex flex-wrap items-center justify-between gap-3">
            <SubmitButton busy={busy}>{t("auth.login.submit")}</SubmitButton>
            <Link to="/wachtwoord-vergeten" className="text-sm font-medium">
              {t("auth.login.forgotPassword")}
            </Link>
          </div>
        </Form>
      </div>
      <p className="mt-6 text-center text-stone-700">
        {t("auth.login.noAccount")}{" "}
        <Link to={redirectTo ? `/registreren?redirectTo=${encodeURIComponent(redirectTo)}` : "/registreren"} className="font-medium">
          {t("auth.login.registerLink")}
        </Link>
      </p>
    </section>
  );
}
