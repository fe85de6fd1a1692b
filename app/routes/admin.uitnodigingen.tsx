import { getFormProps, getInputProps, getSelectProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { formatDate, formatDateTime } from "#app/common/format.ts";
import { hasPermission, INVITABLE_ROLES, type Permission } from "#app/common/permissions.ts";
import { emailSchema } from "#app/common/validation.ts";
import { CsrfInput } from "#app/components/csrf-input.tsx";
import { DataTable } from "#app/components/data-table.tsx";
import { Field, FormMessage, SelectField, SubmitButton } from "#app/components/forms.tsx";
import {
  createInvitation,
  listInvitations,
  revokeInvitation,
  type InvitationRequest,
  type InvitationState,
} from "#app/models/invitations.server.ts";
import { listOrganisationChoices } from "#app/models/organisations.server.ts";
import { requireUserWithPermission } from "#app/utils/auth.server.ts";
import { readForm } from "#app/utils/csrf.server.ts";
import { forbidden, httpError } from "#app/utils/http.server.ts";
import { getLocale } from "#app/utils/i18n.server.ts";
import { pageTitle } from "#app/utils/meta.ts";
import { useHasPermission, useT } from "#app/utils/root-data.ts";

// Two forms post here; the hidden `intent` field says which, and each needs its own permission.
const INTENT_PERMISSION = {
  invite: "create:invitation:any",
  revoke: "manage:invitation:any",
} as const satisfies Record<string, Permission>;
type Intent = keyof typeof INTENT_PERMISSION;
const isIntent = (value: unknown): value is Intent => typeof value === "string" && Object.hasOwn(INTENT_PERMISSION, value);

const InviteSchema = z
  .object({
    email: emailSchema,
    role: z.enum(INVITABLE_ROLES, { error: "form.invalidChoice" }),
    // Ignored for an editor: without JavaScript the field is always in the form.
    organisationId: z.string().optional(),
  })
  .refine((value) => value.role !== "author" || Boolean(value.organisationId), {
    path: ["organisationId"],
    error: "invitation.organisationRequired",
    // Also when the e-mail address is wrong, so both mistakes show at once.
    when: (payload) => payload.issues.every((issue) => issue.path?.[0] !== "role"),
  });

const RevokeSchema = z.object({ invitationId: z.string().min(1) });

const NOTICES = {
  verstuurd: { tone: "success", key: "admin.invitations.sent" },
  ingetrokken: { tone: "success", key: "admin.invitations.revoked" },
  "niet-open": { tone: "error", key: "admin.invitations.notOpen" },
} as const;
type Notice = keyof typeof NOTICES;
const isNotice = (value: unknown): value is Notice => typeof value === "string" && Object.hasOwn(NOTICES, value);

const STATE_LABEL = {
  open: "invitation.state.open",
  accepted: "invitation.state.accepted",
  expired: "invitation.state.expired",
  revoked: "invitation.state.revoked",
} as const satisfies Record<InvitationState, string>;

export const meta: MetaFunction = ({ matches }) =>
  pageTitle(matches, "admin.invitations.title", "admin.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "read:invitation:any");
  const [invitations, organisations, locale] = await Promise.all([
    listInvitations(),
    listOrganisationChoices(),
    getLocale(request),
  ]);
  const notice = new URL(request.url).searchParams.get("melding");
  return {
    invitations: invitations.map((invitation) => ({
      id: invitation.id,
      email: invitation.email,
      role: invitation.role === "editor" ? ("editor" as const) : ("author" as const),
      organisationName: invitation.organisation?.name ?? null,
      invitedByName: invitation.invitedBy.name,
      sentAt: formatDateTime(invitation.createdAt, locale),
      state: invitation.state,
      stateDate: formatDate(
        (invitation.state === "accepted" ? invitation.acceptedAt : invitation.state === "revoked" ? invitation.revokedAt : null) ??
          invitation.expiresAt,
        locale,
      ),
    })),
    organisations,
    notice: isNotice(notice) ? notice : null,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "create:invitation:any");
  const form = await readForm(request);
  const intent = form.get("intent");
  if (!isIntent(intent)) throw await httpError(request, 400, "admin.unknownIntent");
  if (!hasPermission(user.role, INTENT_PERMISSION[intent])) throw await forbidden(request);

  if (intent === "revoke") {
    const submission = parseWithZod(form, { schema: RevokeSchema });
    if (submission.status !== "success") throw await httpError(request, 400, "admin.unknownIntent");
    const outcome = await revokeInvitation(submission.value.invitationId);
    return redirect(`/admin/uitnodigingen?melding=${outcome === "revoked" ? "ingetrokken" : "niet-open"}`);
  }

  const submission = parseWithZod(form, { schema: InviteSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const { email, role, organisationId } = submission.value;
  const invitation: InvitationRequest =
    role === "author" ? { email, role, organisationId: organisationId ?? "" } : { email, role };
  const result = await createInvitation(invitation, { id: user.id, name: user.name, organisations: user.organisations });
  if (result.status === "account-exists") {
    return data(submission.reply({ fieldErrors: { email: ["invitation.accountExists"] } }), { status: 400 });
  }
  if (result.status === "unknown-organisation") {
    return data(submission.reply({ fieldErrors: { organisationId: ["invitation.unknownOrganisation"] } }), { status: 400 });
  }
  return redirect("/admin/uitnodigingen?melding=verstuurd");
}

export default function Invitations() {
  const t = useT();
  const { invitations, notice } = useLoaderData<typeof loader>();
  const canInvite = useHasPermission("create:invitation:any");
  const canRevoke = useHasPermission("manage:invitation:any");
  const actionData = useActionData<typeof action>();
  // A successful invitation redirects back here: a new location, so the form starts empty.
  const { key: locationKey } = useLocation();
  return (
    <div className="space-y-8">
      <header className="max-w-2xl">
        <h1 className="text-3xl font-semibold tracking-tight">{t("admin.invitations.title")}</h1>
        <p className="mt-3 text-stone-700">{t("admin.invitations.intro")}</p>
      </header>
      {notice && !actionData ? <FormMessage tone={NOTICES[notice].tone}>{t(NOTICES[notice].key)}</FormMessage> : null}

      {canInvite ? <InviteForm key={locationKey} /> : null}

      <section aria-labelledby="invitations-title" className="space-y-3">
        <h2 id="invitations-title" className="text-xl font-semibold">
          {t("admin.invitations.caption")}
        </h2>
        {invitations.length === 0 ? (
          <p>{t("admin.invitations.empty")}</p>
        ) : (
          <DataTable
            labelledBy="invitations-title"
            columns={[
              { label: t("invitation.email") },
              { label: t("invitation.role") },
              { label: t("invitation.organisation") },
              { label: t("admin.invitations.invitedBy") },
              { label: t("admin.invitations.sentAt") },
              { label: t("admin.invitations.status") },
              ...(canRevoke ? [{ label: t("admin.actions"), hiddenLabel: true }] : []),
            ]}
          >
            {invitations.map((invitation) => (
              <tr key={invitation.id}>
                <th scope="row" className="px-4 py-2 font-medium">{invitation.email}</th>
                <td className="px-4 py-2">{t(`account.role.${invitation.role}`)}</td>
                <td className="px-4 py-2">{invitation.organisationName ?? t("organisation.none")}</td>
                <td className="px-4 py-2">{invitation.invitedByName}</td>
                <td className="whitespace-nowrap px-4 py-2">{invitation.sentAt}</td>
                <td className="px-4 py-2">
                  <StateBadge state={invitation.state} label={t(STATE_LABEL[invitation.state], { date: invitation.stateDate })} />
                </td>
                {canRevoke ? (
                  <td className="px-4 py-2 text-right">
                    {invitation.state === "open" ? (
                      <Form method="post">
                        <CsrfInput />
                        <input type="hidden" name="intent" value="revoke" />
                        <input type="hidden" name="invitationId" value={invitation.id} />
                        <button
                          type="submit"
                          aria-label={t("admin.invitations.revokeLabel", { email: invitation.email })}
                          className="rounded-md px-2 py-1 text-red-700 hover:bg-red-50"
                        >
                          {t("admin.invitations.revoke")}
                        </button>
                      </Form>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </DataTable>
        )}
      </section>
    </div>
  );
}

const STATE_TONE: Record<InvitationState, string> = {
  open: "bg-sky-50 text-sky-900 ring-sky-300",
  accepted: "bg-green-50 text-green-900 ring-green-300",
  expired: "bg-stone-100 text-stone-800 ring-stone-300",
  revoked: "bg-red-50 text-red-800 ring-red-300",
};

function StateBadge({ state, label }: { state: InvitationState; label: string }) {
  return (
    <span className={`inline-flex whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${STATE_TONE[state]}`}>
      {label}
    </span>
  );
}

function InviteForm() {
  const t = useT();
  const { organisations } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === "invite";
  const [form, fields] = useForm({
    id: "invite",
    lastResult,
    defaultValue: { role: "author" },
    constraint: getZodConstraint(InviteSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: InviteSchema }),
  });
  const { key: emailKey, ...emailProps } = getInputProps(fields.email, { type: "email" });
  const { key: roleKey, ...roleProps } = getSelectProps(fields.role);
  const { key: organisationKey, ...organisationProps } = getSelectProps(fields.organisationId);
  // An editor belongs to no organisation: with JavaScript the choice disappears for them.
  const forEditor = fields.role.value === "editor";
  return (
    <section aria-labelledby="invite-title" className="max-w-2xl rounded-lg border border-stone-200 bg-white p-6 shadow-sm">
      <h2 id="invite-title" className="text-xl font-semibold">
        {t("admin.invitations.new")}
      </h2>
      <p className="mt-2 text-sm text-stone-600">{t("admin.invitations.replaceNote")}</p>
      <Form method="post" {...getFormProps(form)} className="mt-4 space-y-5">
        <CsrfInput />
        <input type="hidden" name="intent" value="invite" />
        <Field key={emailKey} label={t("invitation.email")} errors={fields.email.errors} inputProps={{ ...emailProps, autoComplete: "off" }} />
        <SelectField
          key={roleKey}
          label={t("invitation.role")}
          errors={fields.role.errors}
          selectProps={roleProps}
          options={INVITABLE_ROLES.map((role) => ({ value: role, label: t(`invitation.role.${role}`) }))}
        />
        {forEditor ? null : (
          <SelectField
            key={organisationKey}
            label={t("invitation.organisation")}
            help={t("invitation.organisationHelp")}
            errors={fields.organisationId.errors}
            selectProps={organisationProps}
            options={[
              { value: "", label: t("invitation.organisationChoose") },
              ...organisations.map((organisation) => ({ value: organisation.id, label: organisation.name })),
            ]}
          />
        )}
        <SubmitButton busy={busy}>{t("admin.invitations.submit")}</SubmitButton>
      </Form>
    </section>
  );
}
