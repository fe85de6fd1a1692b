import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { CsrfInput } from "#app/components/csrf-input.tsx";
import { FormMessage, SubmitButton } from "#app/components/forms.tsx";
import { getAllSiteSettings, setSiteSetting } from "#app/models/site-settings.server.ts";
import { requireUserWithPermission } from "#app/utils/auth.server.ts";
import { readForm } from "#app/utils/csrf.server.ts";
import { pageTitle } from "#app/utils/meta.ts";
import { useT } from "#app/utils/root-data.ts";

// Whether members' reactions need moderation is a decision about trusting the site's members:
// it belongs to those who manage the members (admins).
const MANAGE = "manage:member:any";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "readerComments.settings.title");

/** /admin/instellingen: site-wide settings (admins only). */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, MANAGE);
  return { settings: await getAllSiteSettings() };
}

export async function action({ request }: ActionFunctionArgs) {
  await requireUserWithPermission(request, MANAGE);
  const form = await readForm(request);
  // A checkbox sends a value only when ticked: absent means off.
  await setSiteSetting("readerComments.autoApproveSignedIn", form.get("autoApproveSignedIn") === "on");
  return data({ saved: true });
}

export default function SiteSettingsPage() {
  const t = useT();
  const { settings } = useLoaderData<typeof loader>();
  const saved = useActionData<typeof action>()?.saved;
  const busy = useNavigation().state === "submitting";
  return (
    <div className="max-w-2xl space-y-6">
      <header>
        <h1 className="text-3xl font-semibold tracking-tight">{t("readerComments.settings.title")}</h1>
        <p className="mt-3 text-stone-700">{t("readerComments.settings.intro")}</p>
      </header>
      {saved ? <FormMessage tone="success">{t("readerComments.settings.saved")}</FormMessage> : null}
      <Form method="post" className="space-y-4 rounded-lg border border-stone-200 bg-white p-5 shadow-sm">
        <CsrfInput />
        <fieldset>
          <legend className="text-lg font-semibold">{t("readerComments.settings.reactions")}</legend>
          <div className="mt-3 flex items-start gap-2">
            <input
              id="setting-auto-approve"
              type="checkbox"
              name="autoApproveSignedIn"
              defaultChecked={settings["readerComments.autoApproveSignedIn"]}
              aria-describedby="setting-auto-approve-help"
              className="mt-1 h-4 w-4 rounded border-stone-400"
            />
            <label htmlFor="setting-auto-approve">{t("readerComments.settings.autoApprove")}</label>
          </div>
          <p id="setting-auto-approve-help" className="mt-1 ml-6 text-sm text-stone-600">
            {t("readerComments.settings.autoApproveHelp")}
          </p>
        </fieldset>
        <SubmitButton busy={busy}>{t("readerComments.settings.save")}</SubmitButton>
      </Form>
    </div>
  );
}
