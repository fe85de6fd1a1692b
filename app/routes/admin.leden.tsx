import { getFormProps, getSelectProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { translateMessage } from "#app/common/i18n/catalogue.ts";
import { ROLES, type Role } from "#app/common/permissions.ts";
import { CsrfInput } from "#app/components/csrf-input.tsx";
import { DataTable } from "#app/components/data-table.tsx";
import { FormMessage, SelectField, FormErrors } from "#app/components/forms.tsx";
import { changeRole, listPeople } from "#app/models/members.server.ts";
import { requireUserWithPermission } from "#app/utils/auth.server.ts";
import { readForm } from "#app/utils/csrf.server.ts";
import { pageTitle } from "#app/utils/meta.ts";
import { useHasPermission, useLocale, useOptionalUser, useT } from "#app/utils/root-data.ts";

const RoleSchema = z.object({
  userId: z.string({ error: "form.required" }).min(1, { error: "form.required" }),
  role: z.enum(ROLES, { error: "form.invalidChoice" }),
});

const ROLE_CHANGED = "rol-gewijzigd";

export const meta: MetaFunction = ({ matches }) =>
  pageTitle(matches, "admin.members.title", "admin.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "read:member:any");
  return {
    people: await listPeople(),
    roleChanged: new URL(request.url).searchParams.get("melding") === ROLE_CHANGED,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "manage:member:any");
  const form = await readForm(request);
  const submission = parseWithZod(form, { schema: RoleSchema });
  // Which row the answer belongs to, so the error shows next to that person's role.
  const userId = String(form.get("userId") ?? "");
  if (submission.status !== "success") {
    return data({ userId, result: submission.reply() }, { status: 400 });
  }
  const outcome = await changeRole(user.id, submission.value.userId, submission.value.role);
  if (outcome !== "changed") {
    const error = outcome === "own-role" ? "admin.members.ownRole" : "admin.members.unknownUser";
    return data({ userId, result: submission.reply({ formErrors: [error] }) }, { status: 400 });
  }
  return redirect(`/admin/leden?melding=${ROLE_CHANGED}`);
}

export default function Members() {
  const t = useT();
  const { people, roleChanged } = useLoaderData<typeof loader>();
  const locale = useLocale();
  const canManage = useHasPermission("manage:member:any");
  const currentUserId = useOptionalUser()?.id;
  const actionData = useActionData<typeof action>();
  // An answer for a row without a role form (one's own, or an account that is gone) shows on top.
  const hasRowForm = (userId: string) => canManage && userId !== currentUserId && people.some((person) => person.id === userId);
  const orphanErrors = actionData && !hasRowForm(actionData.userId) ? (actionData.result.error?.[""] ?? []) : [];
  return (
    <div className="space-y-6">
      <header className="max-w-2xl">
        <h1 className="text-3xl font-semibold tracking-tight">{t("admin.members.title")}</h1>
        <p className="mt-3 text-stone-700">{t("admin.members.intro")}</p>
      </header>
      {!canManage ? <p className="text-sm text-stone-600">{t("admin.readOnly")}</p> : null}
      {roleChanged && !actionData ? <FormMessage tone="success">{t("admin.members.roleChanged")}</FormMessage> : null}
      {orphanErrors.length > 0 ? (
        <FormMessage tone="error">{orphanErrors.map((error) => translateMessage(locale, error)).join(" ")}</FormMessage>
      ) : null}

      {people.length === 0 ? (
        <p>{t("admin.members.empty")}</p>
      ) : (
        <DataTable
          caption={t("admin.members.caption")}
          columns={[
            { label: t("admin.members.name") },
            { label: t("admin.members.email") },
            { label: t("admin.members.role") },
            { label: t("admin.members.organisations") },
          ]}
        >
          {people.map((person) => {
            const isSelf = person.id === currentUserId;
            return (
              <tr key={person.id} className="align-top">
                <th scope="row" className="px-4 py-2 font-medium">
                  {person.name} {isSelf ? <span className="font-normal text-stone-500">{t("admin.members.you")}</span> : null}
                </th>
                <td className="px-4 py-2">{person.email}</td>
                <td className="px-4 py-2">
                  {canManage && !isSelf ? (
                    <RoleForm person={person} lastResult={actionData?.userId === person.id ? actionData.result : undefined} />
                  ) : (
                    t(`account.role.${person.role}`)
                  )}
                </td>
                <td className="px-4 py-2">
                  {person.organisations.length === 0 ? (
                    <span className="text-stone-500">{t("organisation.none")}</span>
                  ) : (
                    <ul>
                      {person.organisations.map((organisation) => (
                        <li key={organisation.id}>
                          <Link to={`/admin/organisaties/${organisation.id}`}>{organisation.name}</Link>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            );
          })}
        </DataTable>
      )}
    </div>
  );
}

type ActionResult = NonNullable<ReturnType<typeof useActionData<typeof action>>>["result"];

/** The role of one person, changeable in place (one small form per row, so it works without JavaScript). */
function RoleForm({ person, lastResult }: { person: { id: string; name: string; role: Role }; lastResult: ActionResult | undefined }) {
  const t = useT();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("userId") === person.id;
  const [form, fields] = useForm({
    id: `role-${person.id}`,
    lastResult,
    defaultValue: { role: person.role },
    constraint: getZodConstraint(RoleSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RoleSchema }),
  });
  const { key: roleKey, ...roleProps } = getSelectProps(fields.role);
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-2">
      <CsrfInput />
      <input type="hidden" name="userId" value={person.id} />
      <FormErrors id={form.errorId} errors={form.errors} />
      <div className="flex flex-wrap items-end gap-2">
        <SelectField
          key={roleKey}
          label={<span className="sr-only">{t("admin.members.roleOf", { name: person.name })}</span>}
          errors={fields.role.errors}
          selectProps={roleProps}
          options={ROLES.map((role) => ({ value: role, label: t(`account.role.${role}`) }))}
          className="min-w-36"
        />
        <button
          type="submit"
          disabled={busy}
          aria-label={t("admin.members.changeRoleOf", { name: person.name })}
          className="rounded-md border border-stone-300 bg-white px-3 py-2 text-sm font-medium text-stone-800 shadow-sm hover:bg-stone-50 disabled:opacity-60"
        >
          {t("admin.members.changeRole")}
        </button>
      </div>
    </Form>
  );
}
