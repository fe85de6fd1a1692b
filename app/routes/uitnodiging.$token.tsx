import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { formatDate } from "#app/common/format.ts";
import { translator } from "#app/common/i18n/catalogue.ts";
import type { Locale } from "#app/common/i18n/locales.ts";
import { nameSchema, passwordSchema } from "#app/common/validation.ts";
import { CsrfInput } from "#app/components/csrf-input.tsx";
import { NewPasswordFields } from "#app/components/new-password-fields.tsx";
import { Field, SubmitButton } from "#app/components/forms.tsx";
import { acceptInvitation, findInvitationByToken, type InvitationLookup } from "#app/models/invitations.server.ts";
import { readForm } from "#app/utils/csrf.server.ts";
import { getLocale } from "#app/utils/i18n.server.ts";
import { localeFromMatches } from "#app/utils/meta.ts";
import { useT } from "#app/utils/root-data.ts";
import { startSession } from "#app/utils/session.server.ts";

const AcceptSchema = z
  .object({ name: nameSchema, password: passwordSchema, confirmPassword: z.string({ error: "form.required" }) })
  .refine((value) => value.password === value.confirmPassword, {
    path: ["confirmPassword"],
    error: "auth.passwordMismatch",
  });

const PASSWORD_FIELDS = ["password", "confirmPassword"];

/** Why a link does not lead to the form, with what the page needs to explain it. */
type DeadLink = {
  reason: "unknown" | "expired" | "revoked" | "accepted" | "account-exists";
  inviterName: string;
  date: string;
};

const DEAD_LINK_TITLE = {
  unknown: "invitation.invalid.unknown.title",
  expired: "invitation.invalid.expired.title",
  revoked: "invitation.invalid.revoked.title",
  accepted: "invitation.invalid.accepted.title",
  "account-exists": "invitation.invalid.account-exists.title",
} as const satisfies Record<DeadLink["reason"], string>;

const DEAD_LINK_TEXT = {
  unknown: "invitation.invalid.unknown.text",
  expired: "invitation.invalid.expired.text",
  revoked: "invitation.invalid.revoked.text",
  accepted: "invitation.invalid.accepted.text",
  "account-exists": "invitation.invalid.account-exists.text",
} as const satisfies Record<DeadLink["reason"], string>;

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = translator(localeFromMatches(matches));
  const title = data && !data.valid ? t(DEAD_LINK_TITLE[data.deadLink.reason]) : t("invitation.accept.title");
  return [{ title: `${title} — Kapittel` }];
};

function describeDeadLink(reason: DeadLink["reason"], lookup: InvitationLookup, locale: Locale): DeadLink {
  if (lookup.state === "unknown") return { reason, inviterName: "", date: "" };
  return { reason, inviterName: lookup.inviterName, date: formatDate(lookup.expiresAt, locale) };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const [invitation, locale] = await Promise.all([findInvitationByToken(params.token ?? ""), getLocale(request)]);
  if (invitation.state !== "open") {
    // 410 Gone: the link will not work (again); the page says why and what to do.
    return data({ valid: false as const, deadLink: describeDeadLink(invitation.state, invitation, locale) }, { status: 410 });
  }
  return {
    valid: true as const,
    email: invitation.email,
    role: invitation.role,
    organisationName: invitation.organisationName,
    inviterName: invitation.inviterName,
    expires: formatDate(invitation.expiresAt, locale),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  const token = params.token ?? "";
  const submission = parseWithZod(form, { schema: AcceptSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: PASSWORD_FIELDS }), deadLink: null }, { status: 400 });
  }
  const outcome = await acceptInvitation(token, submission.value);
  if (outcome.status === "account-created") {
    return redirect("/", { headers: { "Set-Cookie": await startSession(request, outcome.userId) } });
  }
  // Used, revoked or expired while the form was open (or sent twice): after a 4xx the loader is
  // not revalidated, so the action describes the dead link itself.
  const [lookup, locale] = await Promise.all([findInvitationByToken(token), getLocale(request)]);
  return data(
    { result: submission.reply({ hideFields: PASSWORD_FIELDS }), deadLink: describeDeadLink(outcome.status, lookup, locale) },
    { status: 410 },
  );
}

export default function AcceptInvitation() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (!loaderData.valid) return <DeadLinkPage deadLink={loaderData.deadLink} />;
  if (actionData?.deadLink) return <DeadLinkPage deadLink={actionData.deadLink} />;
  return <AcceptForm invitation={loaderData} lastResult={actionData?.result} />;
}

function AcceptForm({
  invitation,
  lastResult,
}: {
  invitation: { email: string; role: "author" | "editor"; organisationName: string | null; inviterName: string; expires: string };
  lastResult: SubmissionResult | undefined;
}) {
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    id: "accept-invitation",
    lastResult,
    constraint: getZodConstraint(AcceptSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: AcceptSchema }),
  });
  const { key: nameKey, ...nameProps } = getInputProps(fields.name, { type: "text" });
  const invitedAs =
    invitation.role === "author" && invitation.organisationName
      ? t("invitation.accept.author", { inviter: invitation.inviterName, organisation: invitation.organisationName })
      : t("invitation.accept.editor", { inviter: invitation.inviterName });

  return (
    <section aria-labelledby="accept-title" className="mx-auto max-w-md">
      <div className="rounded-lg border border-stone-200 bg-white p-6 shadow-sm sm:p-8">
        <h1 id="accept-title" className="text-2xl font-semibold tracking-tight">
          {t("invitation.accept.title")}
        </h1>
        <p className="mt-3 text-stone-800">{invitedAs}</p>
        <p className="mt-2 text-sm text-stone-600">
          {t("invitation.accept.account", { email: invitation.email, expires: invitation.expires })}
        </p>
        <Form method="post" {...getFormProps(form)} className="mt-6 space-y-5">
          <CsrfInput />
          {/* Lets password managers file the new password under the right account. */}
          <input type="text" autoComplete="username" value={invitation.email} readOnly hidden />
          <Field key={nameKey} label={t("auth.name")} errors={fields.name.errors} inputProps={{ ...nameProps, autoComplete: "name" }} />
          <NewPasswordFields password={fields.password} confirm={fields.confirmPassword} />
          <SubmitButton busy={busy}>{t("invitation.accept.submit")}</SubmitButton>
        </Form>
      </div>
    </section>
  );
}

/** A friendly page for a link that no longer works: what happened and what to do now. */
function DeadLinkPage({ deadLink }: { deadLink: DeadLink }) {
  const t = useT();
  const canLogIn = deadLink.reason === "accepted" || deadLink.reason === "account-exists";
  return (
    <section aria-labelledby="invitation-invalid-title" className="mx-auto max-w-md">
      <div className="rounded-lg border border-stone-200 bg-white p-6 shadow-sm sm:p-8">
        <h1 id="invitation-invalid-title" className="text-2xl font-semibold tracking-tight">
          {t(DEAD_LINK_TITLE[deadLink.reason])}
        </h1>
        <p className="mt-3 text-stone-700">
          {t(DEAD_LINK_TEXT[deadLink.reason], { inviter: deadLink.inviterName, date: deadLink.date })}
        </p>
        <p className="mt-6">
          <Link
            to={canLogIn ? "/inloggen" : "/"}
            className="inline-flex items-center rounded-md bg-[var(--color-accent)] px-4 py-2 font-medium text-white no-underline shadow-sm hover:bg-[var(--color-accent-dark)] hover:text-white"
          >
            {t(canLogIn ? "invitation.invalid.login" : "invitation.invalid.home")}
          </Link>
        </p>
      </div>
    </section>
  );
}
