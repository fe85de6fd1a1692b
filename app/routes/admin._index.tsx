import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { formatEuros } from "#app/common/format.ts";
import { hasPermission, ROLES } from "#app/common/permissions.ts";
import { countOpenInvitations } from "#app/models/invitations.server.ts";
import { countPeopleByRole } from "#app/models/members.server.ts";
import { summariseOrganisations } from "#app/models/organisations.server.ts";
import { countUndelivered } from "#app/models/outbox.server.ts";
import { requireUserWithPermission } from "#app/utils/auth.server.ts";
import { pageTitle } from "#app/utils/meta.ts";
import { useHasPermission, useT } from "#app/utils/root-data.ts";

export const meta: MetaFunction = ({ matches }) =>
  pageTitle(matches, "admin.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "read:admin:any");
  const [organisations, people, openInvitations, outbox] = await Promise.all([
    summariseOrganisations(),
    countPeopleByRole(),
    countOpenInvitations(),
    // Only for those who may read the outbox: the counts alone say something about who was mailed.
    hasPermission(user.role, "read:outbox:any") ? countUndelivered() : null,
  ]);
  return {
    organisations: {
      ...organisations,
      feeTotal: formatEuros(organisations.feeTotal),
      feeOutstanding: formatEuros(organisations.feeTotal - organisations.feePaidTotal),
    },
    people,
    openInvitations,
    outbox,
  };
}

export default function AdminOverview() {
  const t = useT();
  const { organisations, people, openInvitations, outbox } = useLoaderData<typeof loader>();
  const canManage = useHasPermission("manage:organisation:any");
  return (
    <div className="space-y-8">
      <header className="max-w-2xl">
        <h1 className="text-3xl font-semibold tracking-tight">{t("admin.title")}</h1>
        <p className="mt-3 text-stone-700">{t(canManage ? "admin.overview.intro.admin" : "admin.overview.intro.editor")}</p>
      </header>
      <div className="grid gap-4 sm:grid-cols-2">
        <Card id="overview-organisations" title={t("admin.overview.organisations")} to="/admin/organisaties">
          <Figure label={t("admin.overview.organisationCount")} value={organisations.count} />
          <Figure
            label={t("admin.overview.feesPaid")}
            value={t("admin.overview.feesPaidValue", { paid: organisations.paid, withFee: organisations.withFee })}
          />
          <Figure label={t("admin.overview.feeTotal")} value={organisations.feeTotal} />
          <Figure label={t("admin.overview.feeOutstanding")} value={organisations.feeOutstanding} />
        </Card>
        <Card id="overview-people" title={t("admin.overview.people")} to="/admin/leden">
          {ROLES.map((role) => (
            <Figure key={role} label={t(`account.role.${role}`)} value={people[role]} />
          ))}
        </Card>
        <Card id="overview-invitations" title={t("admin.overview.invitations")} to="/admin/uitnodigingen">
          <Figure label={t("admin.overview.openInvitations")} value={openInvitations} />
        </Card>
        {outbox ? (
          <Card id="overview-outbox" title={t("admin.overview.outbox")} to="/admin/outbox">
            <Figure label={t("admin.overview.outboxPending")} value={outbox.pending} />
            <Figure label={t("admin.overview.outboxFailed")} value={outbox.failed} />
          </Card>
        ) : null}
      </div>
    </div>
  );
}

function Card({ id, title, to, children }: { id: string; title: string; to: string; children: ReactNode }) {
  const t = useT();
  return (
    <section aria-labelledby={id} className="rounded-lg border border-stone-200 bg-white p-5 shadow-sm">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      <dl className="mt-3 grid grid-cols-[1fr_auto] gap-x-4 gap-y-1.5">{children}</dl>
      <p className="mt-4 text-sm">
        <Link to={to} className="font-medium">
          {t("admin.overview.goTo", { section: title.toLowerCase() })} <span aria-hidden="true">→</span>
        </Link>
      </p>
    </section>
  );
}

function Figure({ label, value }: { label: string; value: ReactNode }) {
  return (
    <>
      <dt className="text-stone-600">{label}</dt>
      <dd className="text-right font-medium tabular-nums">{value}</dd>
    </>
  );
}
