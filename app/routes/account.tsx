import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { z } from "zod";
import type { MessageKey } from "#app/common/i18n/catalogue.ts";
import { nameSchema, PASSWORD_MAX_LENGTH, passwordSchema } from "#app/common/validation.ts";
import { CsrfInput } from "#app/components/csrf-input.tsx";
import { NewPasswordFields } from "#app/components/new-password-fields.tsx";
import { ErrorList, Field, FormMessage, SubmitButton, FormErrors } from "#app/components/forms.tsx";
import { EMAIL_SETTINGS, emailSettingSchema, getEmailSetting, updateEmailSetting } from "#app/models/notifications.server.ts";
import { changePassword, updateName } from "#app/models/users.server.ts";
import { requireUser } from "#app/utils/auth.server.ts";
import { readForm } from "#app/utils/csrf.server.ts";
import { httpError } from "#app/utils/http.server.ts";
import { getTranslator } from "#app/utils/i18n.server.ts";
import { pageTitle } from "#app/utils/meta.ts";
import { useT } from "#app/utils/root-data.ts";
import { startSession } from "#app/utils/session.server.ts";

// Two forms post here; the hidden `intent` field says which.
const CHANGE_NAME = "change-name";
const CHANGE_PASSWORD = "change-password";
// After a change the action redirects here with ?opgeslagen=naam|wachtwoord, so a reload does
// not post again and the page is rendered for the session the change left behind.
const SAVED_PARAM = "opgeslagen";
const CHANGE_NOTIFICATION_EMAIL = "change-notification-email";
const SAVED = { [CHANGE_NAME]: "naam", [CHANGE_PASSWORD]: "wachtwoord", [CHANGE_NOTIFICATION_EMAIL]: "meldingen" } as const;
const NotificationEmailSchema = z.object({ notificationEmail: emailSettingSchema });

const NameSchema = z.object({ name: nameSchema });

const PasswordSchema = z
  .object({
    currentPassword: z.string({ error: "form.required" }).max(PASSWORD_MAX_LENGTH, { error: "form.tooLong" }),
    newPassword: passwordSchema,
    confirmPassword: z.string({ error: "form.required" }),
  })
  .refine((value) => value.newPassword === value.confirmPassword, {
    path: ["confirmPassword"],
    error: "auth.passwordMismatch",
  });

const PASSWORD_FIELDS = ["currentPassword", "newPassword", "confirmPassword"];

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "account.title");

// A page (not a data request) takes its headers from here: keep the rate limit's Retry-After.
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After");
  const result: Record<string, string> = {};
  if (retryAfter) result["Retry-After"] = retryAfter;
  return result;
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return {
    user: { name: user.name, email: user.email, role: user.role, organisations: user.organisations },
    saved: new URL(request.url).searchParams.get(SAVED_PARAM),
    notificationEmail: await getEmailSetting(user.id),
    emailSettings: EMAIL_SETTINGS,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request);
  const intent = form.get("intent");

  if (intent === CHANGE_NAME) {
    const submission = parseWithZod(form, { schema: NameSchema });
    if (submission.status !== "success") {
      return data({ intent, result: submission.reply() }, { status: 400 });
    }
    await updateName(user.id, submission.value.name);
    return redirect(`/account?${SAVED_PARAM}=${SAVED[CHANGE_NAME]}`);
  }

  if (intent === CHANGE_PASSWORD) {
    const submission = parseWithZod(form, { schema: PasswordSchema });
    if (submission.status !== "success") {
      return data({ intent, result: submission.reply({ hideFields: PASSWORD_FIELDS }) }, { status: 400 });
    }
    const result = await changePassword({
      userId: user.id,
      email: user.email,
      currentPassword: submission.value.currentPassword,
      newPassword: submission.value.newPassword,
      clientIp: context.clientIp,
    });
    if (result.status === "blocked") {
      const t = await getTranslator(request);
      return data(
        {
          intent,
          result: submission.reply({
            formErrors: [t("auth.login.tooManyAttempts", { seconds: result.retryAfterSeconds })],
            hideFields: PASSWORD_FIELDS,
          }),
        },
        { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } },
      );
    }
    if (result.status === "wrong-password") {
      return data(
        {
          intent,
          result: submission.reply({
            fieldErrors: { currentPassword: ["account.password.wrongCurrent"] },
            hideFields: PASSWORD_FIELDS,
          }),
        },
        { status: 400 },
      );
    }
    // Every session ended with the change; this device gets a fresh one.
    return redirect(`/account?${SAVED_PARAM}=${SAVED[CHANGE_PASSWORD]}`, {
      headers: { "Set-Cookie": await startSession(request, user.id) },
    });
  }

  if (intent === CHANGE_NOTIFICATION_EMAIL) {
    const submission = parseWithZod(form, { schema: NotificationEmailSchema });
    if (submission.status !== "success") {
      return data({ intent, result: submission.reply() }, { status: 400 });
    }
    await updateEmailSetting(user.id, submission.value.notificationEmail);
    return redirect(`/account?${SAVED_PARAM}=${SAVED[CHANGE_NOTIFICATION_EMAIL]}`);
  }

  throw await httpError(request, 400, "account.unknownIntent");
}

export default function Account() {
  const t = useT();
  const { user, saved, notificationEmail, emailSettings } = useLoaderData<typeof loader>();
  // A successful change redirects back here: a new location, so the forms start afresh
  // (no passwords left in the fields). A refused change stays on the same location.
  const { key: locationKey } = useLocation();
  return (
    <div className="mx-auto max-w-2xl space-y-8">
      <h1 className="text-3xl font-semibold tracking-tight">{t("account.title")}</h1>

      <section aria-labelledby="details-title" className="rounded-lg border border-stone-200 bg-white p-6 shadow-sm">
        <h2 id="details-title" className="text-xl font-semibold">
          {t("account.details")}
        </h2>
        <dl className="mt-4 grid gap-x-6 gap-y-3 sm:grid-cols-[10rem_1fr]">
          <dt className="font-medium text-stone-600">{t("auth.name")}</dt>
          <dd>{user.name}</dd>
          <dt className="font-medium text-stone-600">{t("auth.email")}</dt>
          <dd>{user.email}</dd>
          <dt className="font-medium text-stone-600">{t("account.role")}</dt>
          <dd>{t(`account.role.${user.role}`)}</dd>
          <dt className="font-medium text-stone-600">{t("account.organisations")}</dt>
          <dd>
            {user.organisations.length === 0 ? (
              t("account.noOrganisations")
            ) : (
              <ul>
                {user.organisations.map((organisation) => (
                  <li key={organisation.id}>{organisation.name}</li>
                ))}
              </ul>
            )}
          </dd>
        </dl>
      </section>

      <ChangeNameForm key={`name-${locationKey}`} name={user.name} saved={saved === SAVED[CHANGE_NAME]} />
      <ChangePasswordForm key={`password-${locationKey}`} email={user.email} saved={saved === SAVED[CHANGE_PASSWORD]} />
      <NotificationEmailForm
        key={`notification-email-${locationKey}`}
        current={notificationEmail}
        options={emailSettings}
        saved={saved === SAVED[CHANGE_NOTIFICATION_EMAIL]}
      />
    </div>
  );
}

/** The action's answer, if it was for the form with this intent. */
function useActionDataFor(intent: string) {
  const actionData = useActionData<typeof action>();
  return actionData?.intent === intent ? actionData : undefined;
}

function useSubmitting(intent: string): boolean {
  const navigation = useNavigation();
  return navigation.state === "submitting" && navigation.formData?.get("intent") === intent;
}

function ChangeNameForm({ name, saved }: { name: string; saved: boolean }) {
  const t = useT();
  const actionData = useActionDataFor(CHANGE_NAME);
  const busy = useSubmitting(CHANGE_NAME);
  const [form, fields] = useForm({
    id: CHANGE_NAME,
    lastResult: actionData?.result,
    defaultValue: { name },
    constraint: getZodConstraint(NameSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: NameSchema }),
  });
  const { key: nameKey, ...nameProps } = getInputProps(fields.name, { type: "text" });
  return (
    <section aria-labelledby="name-title" className="rounded-lg border border-stone-200 bg-white p-6 shadow-sm">
      <h2 id="name-title" className="text-xl font-semibold">
        {t("account.name.title")}
      </h2>
      <Form method="post" {...getFormProps(form)} className="mt-4 max-w-md space-y-5">
        <CsrfInput />
        <input type="hidden" name="intent" value={CHANGE_NAME} />
        {saved && !actionData ? <FormMessage tone="success">{t("account.name.saved")}</FormMessage> : null}
        <Field
          key={nameKey}
          label={t("auth.name")}
          errors={fields.name.errors}
          inputProps={{ ...nameProps, autoComplete: "name" }}
        />
        <SubmitButton busy={busy}>{t("account.name.submit")}</SubmitButton>
      </Form>
    </section>
  );
}

function ChangePasswordForm({ email, saved }: { email: string; saved: boolean }) {
  const t = useT();
  const actionData = useActionDataFor(CHANGE_PASSWORD);
  const busy = useSubmitting(CHANGE_PASSWORD);
  const [form, fields] = useForm({
    id: CHANGE_PASSWORD,
    lastResult: actionData?.result,
    constraint: getZodConstraint(PasswordSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: PasswordSchema }),
  });
  const { key: currentKey, ...currentProps } = getInputProps(fields.currentPassword, { type: "password" });
  return (
    <section aria-labelledby="password-title" className="rounded-lg border border-stone-200 bg-white p-6 shadow-sm">
      <h2 id="password-title" className="text-xl font-semibold">
        {t("account.password.title")}
      </h2>
      <p className="mt-2 text-stone-700">{t("account.password.intro")}</p>
      <Form method="post" {...getFormProps(form)} className="mt-4 max-w-md space-y-5">
        <CsrfInput />
        <input type="hidden" name="intent" value={CHANGE_PASSWORD} />
        {/* Lets password managers file the new password under the right account. */}
        <input type="text" autoComplete="username" value={email} readOnly hidden />
        {saved && !actionData ? <FormMessage tone="success">{t("account.password.changed")}</FormMessage> : null}
        <FormErrors id={form.errorId} errors={form.errors} />
        <Field
          key={currentKey}
          label={t("account.password.current")}
          errors={fields.currentPassword.errors}
          inputProps={{ ...currentProps, autoComplete: "current-password" }}
        />
        <NewPasswordFields password={fields.newPassword} confirm={fields.confirmPassword} label="auth.newPassword" />
        <SubmitButton busy={busy}>{t("account.password.submit")}</SubmitButton>
      </Form>
    </section>
  );
}

/** "E-mail over meldingen": immediately, a daily digest, or none (app/models/notifications.server.ts). */
function NotificationEmailForm({ current, options, saved }: { current: string; options: readonly string[]; saved: boolean }) {
  const t = useT();
  const actionData = useActionDataFor(CHANGE_NOTIFICATION_EMAIL);
  const busy = useSubmitting(CHANGE_NOTIFICATION_EMAIL);
  const [form, fields] = useForm<{ notificationEmail: string }>({ id: CHANGE_NOTIFICATION_EMAIL, lastResult: actionData?.result });
  const errorId = `${fields.notificationEmail.id}-error`;
  const hasErrors = Boolean(fields.notificationEmail.errors?.length);
  return (
    <section aria-labelledby="notification-email-title" className="rounded-lg border border-stone-200 bg-white p-6 shadow-sm">
      <h2 id="notification-email-title" className="text-xl font-semibold">
        {t("notifications.setting.title")}
      </h2>
      <p id="notification-email-intro" className="mt-2 text-stone-700">
        {t("notifications.setting.intro")}
      </p>
      <Form method="post" {...getFormProps(form)} className="mt-4 max-w-md space-y-5">
        <CsrfInput />
        <input type="hidden" name="intent" value={CHANGE_NOTIFICATION_EMAIL} />
        {saved && !actionData ? <FormMessage tone="success">{t("notifications.setting.saved")}</FormMessage> : null}
        <fieldset
          aria-labelledby="notification-email-title"
          aria-describedby={hasErrors ? `notification-email-intro ${errorId}` : "notification-email-intro"}
          aria-invalid={hasErrors || undefined}
          className="space-y-3"
        >
          {options.map((option) => (
            <div key={option} className="flex items-start gap-2">
              <input
                type="radio"
                id={`notification-email-${option}`}
                name={fields.notificationEmail.name}
                value={option}
                defaultChecked={option === current}
                aria-describedby={`notification-email-${option}-help`}
                className="mt-1 h-4 w-4 border-stone-400"
              />
              <label htmlFor={`notification-email-${option}`} className="text-stone-800">
                <span className="font-medium">{t(`notifications.setting.${option}` as MessageKey)}</span>
                <span id={`notification-email-${option}-help`} className="block text-sm text-stone-600">
                  {t(`notifications.setting.${option}.help` as MessageKey)}
                </span>
              </label>
            </div>
          ))}
        </fieldset>
        <ErrorList id={errorId} errors={fields.notificationEmail.errors} />
        <SubmitButton busy={busy}>{t("notifications.setting.submit")}</SubmitButton>
      </Form>
    </section>
  );
}
