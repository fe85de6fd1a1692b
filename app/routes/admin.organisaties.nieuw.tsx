import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useNavigation } from "@remix-run/react";
import { OrganisationSchema } from "#app/common/organisations.ts";
import { OrganisationForm } from "#app/components/organisation-form.tsx";
import { createOrganisation } from "#app/models/organisations.server.ts";
import { requireUserWithPermission } from "#app/utils/auth.server.ts";
import { readForm } from "#app/utils/csrf.server.ts";
import { pageTitle } from "#app/utils/meta.ts";
import { useT } from "#app/utils/root-data.ts";

export const meta: MetaFunction = ({ matches }) =>
  pageTitle(matches, "admin.organisationNew.title", "admin.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "manage:organisation:any");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  await requireUserWithPermission(request, "manage:organisation:any");
  const form = await readForm(request);
  const submission = parseWithZod(form, { schema: OrganisationSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = await createOrganisation(submission.value);
  if (result.status === "slug-taken") {
    return data(submission.reply({ fieldErrors: { slug: ["organisation.slug.taken"] } }), { status: 400 });
  }
  return redirect(`/admin/organisaties/${result.id}?melding=aangemaakt`);
}

export default function NewOrganisation() {
  const t = useT();
  const lastResult = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <div className="max-w-2xl space-y-6">
      <p className="text-sm">
        <Link to="/admin/organisaties">
          <span aria-hidden="true">←</span> {t("admin.organisation.back")}
        </Link>
      </p>
      <header>
        <h1 className="text-3xl font-semibold tracking-tight">{t("admin.organisationNew.title")}</h1>
        <p className="mt-3 text-stone-700">{t("admin.organisationNew.intro")}</p>
      </header>
      <div className="rounded-lg border border-stone-200 bg-white p-6 shadow-sm">
        <OrganisationForm
          id="new-organisation"
          lastResult={lastResult}
          submitLabel={t("admin.organisationNew.submit")}
          busy={busy}
        />
      </div>
    </div>
  );
}
