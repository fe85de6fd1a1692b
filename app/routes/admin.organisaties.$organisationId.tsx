import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { formatEuros } from "#app/common/format.ts";
import {
  isOrganisationKind,
  isPartnershipTier,
  ORGANISATION_KIND_LABEL,
  OrganisationSchema,
  PARTNERSHIP_TIER_LABEL,
} from "#app/common/organisations.ts";
import { hasPermission, isRole, type Permission } from "#app/common/permissions.ts";
import { emailSchema } from "#app/common/validation.ts";
import { CsrfInput } from "#app/components/csrf-input.tsx";
import { Field, FormMessage, SubmitButton } from "#app/components/forms.tsx";
import { OrganisationForm } from "#app/components/organisation-form.tsx";
import { OrganisationLogoForm } from "#app/components/organisation-logo-form.tsx";
import { imageUrl } from "#app/models/images.server.ts";
import { addMemberByEmail, removeMember } from "#app/models/members.server.ts";
import { getOrganisation, updateOrganisation } from "#app/models/organisations.server.ts";
import { requireUserWithPermission } from "#app/utils/auth.server.ts";
import { readForm } from "#app/utils/csrf.server.ts";
import { forbidden, httpError, notFound } from "#app/utils/http.server.ts";
import { pageTitle } from "#app/utils/meta.ts";
import { useHasPermission, useT } from "#app/utils/root-data.ts";

// Three forms post here; the hidden `intent` field says which, and each needs its own permission.
const INTENT_PERMISSION = {
  update: "manage:organisation:any",
  "add-member": "manage:member:any",
  "remove-member": "manage:member:any",
} as const satisfies Record<string, Permission>;
type Intent = keyof typeof INTENT_PERMISSION;
const isIntent = (value: unknown): value is Intent => typeof value === "string" && Object.hasOwn(INTENT_PERMISSION, value);

const AddMemberSchema = z.object({ email: emailSchema });
const RemoveMemberSchema = z.object({ userId: z.string({ error: "form.required" }).min(1) });

// After a change the action redirects here with ?melding=…, so a reload does not post again.
const NOTICE_PARAM = "melding";
const NOTICES = {
  aangemaakt: "admin.organisation.created",
  opgeslagen: "admin.organisation.saved",
  "lid-toegevoegd": "admin.organisation.addMember.added",
  "lid-toegevoegd-lezer": "admin.organisation.addMember.added",
  "lid-verwijderd": "admin.organisation.members.removed",
} as const;
type Notice = keyof typeof NOTICES;
const isNotice = (value: unknown): value is Notice => typeof value === "string" && Object.hasOwn(NOTICES, value);

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, data ? { text: data.organisation.name } : "admin.organisations.title", "admin.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "read:organisation:any");
  const organisation = await getOrganisation(params.organisationId ?? "");
  if (!organisation) throw await notFound(request);
  const notice = new URL(request.url).searchParams.get(NOTICE_PARAM);
  return {
    organisation: {
      ...organisation,
      fee: organisation.feeEuros === null ? null : formatEuros(organisation.feeEuros),
      logoUrl: organisation.logo ? imageUrl(organisation.logo) : null,
      members: organisation.members.map((member) => ({ ...member, role: isRole(member.role) ? member.role : "reader" })),
    },
    notice: isNotice(notice) ? notice : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "read:organisation:any");
  const form = await readForm(request);
  const intent = form.get("intent");
  if (!isIntent(intent)) throw await httpError(request, 400, "admin.unknownIntent");
  if (!hasPermission(user.role, INTENT_PERMISSION[intent])) throw await forbidden(request);
  const organisationId = params.organisationId ?? "";
  const here = `/admin/organisaties/${organisationId}`;

  if (intent === "update") {
    const submission = parseWithZod(form, { schema: OrganisationSchema });
    if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 400 });
    const result = await updateOrganisation(organisationId, submission.value);
    if (!result) throw await notFound(request);
    if (result.status === "slug-taken") {
      return data(
        { intent, result: submission.reply({ fieldErrors: { slug: ["organisation.slug.taken"] } }) },
        { status: 400 },
      );
    }
    return redirect(`${here}?${NOTICE_PARAM}=opgeslagen`);
  }

  if (intent === "add-member") {
    const submission = parseWithZod(form, { schema: AddMemberSchema });
    if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 400 });
    const result = await addMemberByEmail(organisationId, submission.value.email);
    if (result.status === "unknown-organisation") throw await notFound(request);
    if (result.status === "no-account" || result.status === "already-member") {
      const error = result.status === "no-account" ? "admin.organisation.addMember.noAccount" : "admin.organisation.addMember.alreadyMember";
      return data({ intent, result: submission.reply({ fieldErrors: { email: [error] } }) }, { status: 400 });
    }
    return redirect(`${here}?${NOTICE_PARAM}=${result.role === "reader" ? "lid-toegevoegd-lezer" : "lid-toegevoegd"}`);
  }

  const submission = parseWithZod(form, { schema: RemoveMemberSchema });
  if (submission.status !== "success") throw await httpError(request, 400, "admin.unknownIntent");
  await removeMember(organisationId, submission.value.userId);
  return redirect(`${here}?${NOTICE_PARAM}=lid-verwijderd`);
}

export default function OrganisationDetail() {
  const t = useT();
  const { organisation, notice } = useLoaderData<typeof loader>();
  const canManage = useHasPermission("manage:organisation:any");
  const canManageMembers = useHasPermission("manage:member:any");
  const updateResult = useActionDataFor("update");
  const busy = useSubmitting("update");
  // A successful change redirects back here: a new location, so the forms start from the saved values.
  const { key: locationKey } = useLocation();
  return (
    <div className="max-w-3xl space-y-8">
      <p className="text-sm">
        <Link to="/admin/organisaties">
          <span aria-hidden="true">←</span> {t("admin.organisation.back")}
        </Link>
      </p>
      <h1 className="text-3xl font-semibold tracking-tight">{organisation.name}</h1>
      {notice ? (
        <FormMessage tone="success">
          {t(NOTICES[notice])}
          {notice === "lid-toegevoegd-lezer" ? ` ${t("admin.organisation.addMember.readerNote")}` : null}
        </FormMessage>
      ) : null}

      <section aria-labelledby="details-title" className="rounded-lg border border-stone-200 bg-white p-6 shadow-sm">
        <h2 id="details-title" className="mb-4 text-xl font-semibold">
          {t("admin.organisation.details")}
        </h2>
        {canManage ? (
          <OrganisationForm
            key={locationKey}
            id="edit-organisation"
            intent="update"
            lastResult={updateResult?.result}
            defaultValue={organisation}
            submitLabel={t("admin.organisation.submit")}
            busy={busy}
          />
        ) : (
          <OrganisationDetails organisation={organisation} />
        )}
      </section>

      <section aria-labelledby="logo-title" className="rounded-lg border border-stone-200 bg-white p-6 shadow-sm">
        <h2 id="logo-title" className="mb-4 text-xl font-semibold">
          {t("admin.organisation.logo.title")}
        </h2>
        <OrganisationLogoForm organisationId={organisation.id} name={organisation.name} logoUrl={organisation.logoUrl} canManage={canManage} />
      </section>

      <section aria-labelledby="members-title" className="rounded-lg border border-stone-200 bg-white p-6 shadow-sm">
        <h2 id="members-title" className="text-xl font-semibold">
          {t("organisation.members")}
        </h2>
        <MemberTable organisation={organisation} canRemove={canManageMembers} />
        {canManageMembers ? <AddMemberForm key={locationKey} /> : null}
      </section>
    </div>
  );
}

type LoadedOrganisation = ReturnType<typeof useLoaderData<typeof loader>>["organisation"];

/** The details as text, for those who may read but not change them. */
function OrganisationDetails({ organisation }: { organisation: LoadedOrganisation }) {
  const t = useT();
  const paid = organisation.fee === null ? "organisation.feeStatus.none" : organisation.feePaid ? "organisation.feeStatus.paid" : "organisation.feeStatus.unpaid";
  return (
    <>
      <p className="mb-4 text-sm text-stone-600">{t("admin.readOnly")}</p>
      <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[12rem_1fr]">
        <dt className="font-medium text-stone-600">{t("organisation.slug")}</dt>
        <dd>{organisation.slug}</dd>
        <dt className="font-medium text-stone-600">{t("organisation.kind")}</dt>
        <dd>{isOrganisationKind(organisation.kind) ? t(ORGANISATION_KIND_LABEL[organisation.kind]) : organisation.kind}</dd>
        <dt className="font-medium text-stone-600">{t("organisation.tier")}</dt>
        <dd>{isPartnershipTier(organisation.tier) ? t(PARTNERSHIP_TIER_LABEL[organisation.tier]) : organisation.tier}</dd>
        <dt className="font-medium text-stone-600">{t("organisation.feeShort")}</dt>
        <dd>
          {organisation.fee ?? t("organisation.none")} ({t(paid)})
        </dd>
        <dt className="font-medium text-stone-600">{t("organisation.website")}</dt>
        <dd>
          {organisation.website ? (
            <a href={organisation.website} rel="noopener noreferrer">
              {organisation.website}
            </a>
          ) : (
            t("admin.organisation.noWebsite")
          )}
        </dd>
        <dt className="font-medium text-stone-600">{t("organisation.description")}</dt>
        <dd className="whitespace-pre-line">{organisation.description || t("admin.organisation.noDescription")}</dd>
      </dl>
    </>
  );
}

function MemberTable({ organisation, canRemove }: { organisation: LoadedOrganisation; canRemove: boolean }) {
  const t = useT();
  if (organisation.members.length === 0) return <p className="mt-3 text-stone-700">{t("admin.organisation.members.empty")}</p>;
  return (
    <div className="mt-4 overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{t("admin.organisation.members.caption", { name: organisation.name })}</caption>
        <thead className="border-b border-stone-200 text-stone-600">
          <tr>
            <th scope="col" className="py-2 pr-4 font-medium">{t("admin.members.name")}</th>
            <th scope="col" className="py-2 pr-4 font-medium">{t("admin.members.email")}</th>
            <th scope="col" className="py-2 pr-4 font-medium">{t("admin.members.role")}</th>
            {canRemove ? <th scope="col" className="py-2 font-medium"><span className="sr-only">{t("admin.actions")}</span></th> : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-200">
          {organisation.members.map((member) => (
            <tr key={member.id}>
              <th scope="row" className="py-2 pr-4 font-medium">{member.name}</th>
              <td className="py-2 pr-4">{member.email}</td>
              <td className="py-2 pr-4">{t(`account.role.${member.role}`)}</td>
              {canRemove ? (
                <td className="py-2 text-right">
                  <Form method="post">
                    <CsrfInput />
                    <input type="hidden" name="intent" value="remove-member" />
                    <input type="hidden" name="userId" value={member.id} />
                    <button
                      type="submit"
                      aria-label={t("admin.organisation.members.removeLabel", { name: member.name, organisation: organisation.name })}
                      className="rounded-md px-2 py-1 text-red-700 hover:bg-red-50"
                    >
                      {t("admin.organisation.members.remove")}
                    </button>
                  </Form>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function AddMemberForm() {
  const t = useT();
  const actionData = useActionDataFor("add-member");
  const busy = useSubmitting("add-member");
  const [form, fields] = useForm({
    id: "add-member",
    lastResult: actionData?.result,
    constraint: getZodConstraint(AddMemberSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: AddMemberSchema }),
  });
  const { key: emailKey, ...emailProps } = getInputProps(fields.email, { type: "email" });
  return (
    <Form method="post" {...getFormProps(form)} className="mt-6 max-w-md space-y-4 border-t border-stone-200 pt-6">
      <h3 className="text-lg font-semibold">{t("admin.organisation.addMember.title")}</h3>
      <CsrfInput />
      <input type="hidden" name="intent" value="add-member" />
      <Field
        key={emailKey}
        label={t("admin.organisation.addMember.email")}
        help={
          <>
            {t("admin.organisation.addMember.help")} <Link to="/admin/uitnodigingen">{t("admin.nav.invitations")}</Link>
          </>
        }
        errors={fields.email.errors}
        inputProps={{ ...emailProps, autoComplete: "off" }}
      />
      <SubmitButton busy={busy}>{t("admin.organisation.addMember.submit")}</SubmitButton>
    </Form>
  );
}

/** The action's answer, if it was for the form with this intent. */
function useActionDataFor(intent: Intent) {
  const actionData = useActionData<typeof action>();
  return actionData?.intent === intent ? actionData : undefined;
}

function useSubmitting(intent: Intent): boolean {
  const navigation = useNavigation();
  return navigation.state === "submitting" && navigation.formData?.get("intent") === intent;
}
