import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { emailSchema } from "#app/common/validation.ts";
import { CsrfInput } from "#app/components/csrf-input.tsx";
import { Field, FormMessage, SubmitButton } from "#app/components/forms.tsx";
import { requestPasswordReset } from "#app/models/password-resets.server.ts";
import { readForm } from "#app/utils/csrf.server.ts";
import { getLocale } from "#app/utils/i18n.server.ts";
import { pageTitle } from "#app/utils/meta.ts";
import { useT } from "#app/utils/root-data.ts";

const ForgotPasswordSchema = z.object({ email: emailSchema });

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "auth.forgot.title");

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const submission = parseWithZod(form, { schema: ForgotPasswordSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply(), sent: false }, { status: 400 });
  }
  await requestPasswordReset(submission.value.email, await getLocale(request));
  // The same answer whether or not the address has an account.
  return { result: submission.reply({ resetForm: true }), sent: true };
}

export default function ForgotPassword() {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    id: "forgot-password",
    lastResult: actionData?.result,
    constraint: getZodConstraint(ForgotPasswordSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ForgotPasswordSchema }),
  });
  const { key: emailKey, ...emailProps } = getInputProps(fields.email, { type: "email" });

  return (
    <section aria-labelledby="forgot-title" className="mx-auto max-w-md">
      <div className="rounded-lg border border-stone-200 bg-white p-6 shadow-sm sm:p-8">
        <h1 id="forgot-title" className="text-2xl font-semibold tracking-tight">
          {t("auth.forgot.title")}
        </h1>
        <p className="mt-2 text-stone-700">{t("auth.forgot.intro")}</p>
        <Form method="post" {...getFormProps(form)} className="mt-6 space-y-5">
          <CsrfInput />
          {actionData?.sent ? <FormMessage tone="success">{t("auth.forgot.sent")}</FormMessage> : null}
          <Field
            key={emailKey}
            label={t("auth.email")}
            errors={fields.email.errors}
            inputProps={{ ...emailProps, autoComplete: "email" }}
          />
          <SubmitButton busy={busy}>{t("auth.forgot.submit")}</SubmitButton>
        </Form>
      </div>
      <p className="mt-6 text-center">
        <Link to="/inloggen" className="font-medium">
          {t("auth.forgot.backToLogin")}
        </Link>
      </p>
    </section>
  );
}
