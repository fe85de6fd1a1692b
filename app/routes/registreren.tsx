import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { emailSchema, nameSchema, passwordSchema } from "#app/common/validation.ts";
import { CsrfInput } from "#app/components/csrf-input.tsx";
import { NewPasswordFields } from "#app/components/new-password-fields.tsx";
import { Field, SubmitButton, FormErrors } from "#app/components/forms.tsx";
import { registerReader } from "#app/models/users.server.ts";
import { requireAnonymous } from "#app/utils/auth.server.ts";
import { readForm } from "#app/utils/csrf.server.ts";
import { safeRedirectPath } from "#app/utils/http.server.ts";
import { pageTitle } from "#app/utils/meta.ts";
import { useT } from "#app/utils/root-data.ts";
import { startSession } from "#app/utils/session.server.ts";

const RegisterSchema = z
  .object({
    name: nameSchema,
    email: emailSchema,
    password: passwordSchema,
    confirmPassword: z.string({ error: "form.required" }),
    redirectTo: z.string().optional(),
  })
  .refine((value) => value.password === value.confirmPassword, {
    path: ["confirmPassword"],
    error: "auth.passwordMismatch",
  });

const PASSWORD_FIELDS = ["password", "confirmPassword"];

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "auth.register.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const submission = parseWithZod(form, { schema: RegisterSchema });
  if (submission.status !== "success") {
    return data(submission.reply({ hideFields: PASSWORD_FIELDS }), { status: 400 });
  }
  const { name, email, password, redirectTo } = submission.value;
  const result = await registerReader({ name, email, password });
  if (result.status === "email-taken") {
    return data(
      submission.reply({ fieldErrors: { email: ["auth.register.emailTaken"] }, hideFields: PASSWORD_FIELDS }),
      { status: 400 },
    );
  }
  return redirect(safeRedirectPath(redirectTo), {
    headers: { "Set-Cookie": await startSession(request, result.userId) },
  });
}

export default function Register() {
  const t = useT();
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    id: "register",
    lastResult,
    constraint: getZodConstraint(RegisterSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RegisterSchema }),
  });
  const redirectTo = searchParams.get("redirectTo");
  const { key: nameKey, ...nameProps } = getInputProps(fields.name, { type: "text" });
  const { key: emailKey, ...emailProps } = getInputProps(fields.email, { type: "email" });

  return (
    <section aria-labelledby="register-title" className="mx-auto max-w-md">
      <div className="rounded-lg border border-stone-200 bg-white p-6 shadow-sm sm:p-8">
        <h1 id="register-title" className="text-2xl font-semibold tracking-tight">
          {t("auth.register.title")}
        </h1>
        <p className="mt-2 text-stone-700">{t("auth.register.intro")}</p>
        <Form method="post" {...getFormProps(form)} className="mt-6 space-y-5">
          <CsrfInput />
          {redirectTo && <input type="hidden" name="redirectTo" value={redirectTo} />}
          <FormErrors id={form.errorId} errors={form.errors} />
          <Field
            key={nameKey}
            label={t("auth.name")}
            errors={fields.name.errors}
            inputProps={{ ...nameProps, autoComplete: "name" }}
          />
          <Field
            key={emailKey}
            label={t("auth.email")}
            errors={fields.email.errors}
            inputProps={{ ...emailProps, autoComplete: "email" }}
          />
          <NewPasswordFields password={fields.password} confirm={fields.confirmPassword} />
          <SubmitButton busy={busy}>{t("auth.register.submit")}</SubmitButton>
        </Form>
      </div>
      <p className="mt-6 text-center text-stone-700">
        {t("auth.register.haveAccount")}{" "}
        <Link to={redirectTo ? `/inloggen?redirectTo=${encodeURIComponent(redirectTo)}` : "/inloggen"} className="font-medium">
          {t("auth.register.loginLink")}
        </Link>
      </p>
    </section>
  );
}
