import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DataTable } from "#app/components/data-table.tsx";
import { formatEuros } from "#app/common/format.ts";
import {
  isOrganisationKind,
  isPartnershipTier,
  ORGANISATION_KIND_LABEL,
  PARTNERSHIP_TIER_LABEL,
} from "#app/common/organisations.ts";
import { listOrganisations, summariseOrganisations } from "#app/models/organisations.server.ts";
import { requireUserWithPermission } from "#app/utils/auth.server.ts";
import { pageTitle } from "#app/utils/meta.ts";
import { useHasPermission, useT } from "#app/utils/root-data.ts";

export const meta: MetaFunction = ({ matches }) =>
  pageTitle(matches, "admin.organisations.title", "admin.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "read:organisation:any");
  const [organisations, summary] = await Promise.all([listOrganisations(), summariseOrganisations()]);
  return {
    organisations: organisations.map((organisation) => ({
      ...organisation,
      fee: organisation.feeEuros === null ? null : formatEuros(organisation.feeEuros),
    })),
    totals: { total: formatEuros(summary.feeTotal), paid: formatEuros(summary.feePaidTotal) },
  };
}

export default function OrganisationList() {
  const t = useT();
  const { organisations, totals } = useLoaderData<typeof loader>();
  const canManage = useHasPermission("manage:organisation:any");
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div className="max-w-2xl">
          <h1 className="text-3xl font-semibold tracking-tight">{t("admin.organisations.title")}</h1>
          <p className="mt-3 text-stone-700">{t("admin.organisations.intro")}</p>
        </div>
        {canManage ? (
          <Link
            to="/admin/organisaties/nieuw"
            className="inline-flex items-center rounded-md bg-[var(--color-accent)] px-4 py-2 font-medium text-white no-underline shadow-sm hover:bg-[var(--color-accent-dark)] hover:text-white"
          >
            {t("admin.organisations.new")}
          </Link>
        ) : null}
      </header>
      {!canManage ? <p className="text-sm text-stone-600">{t("admin.readOnly")}</p> : null}

      {organisations.length === 0 ? (
        <p>{t("admin.organisations.empty")}</p>
      ) : (
        <DataTable
          caption={t("admin.organisations.caption")}
          columns={[
            { label: t("organisation.name") },
            { label: t("organisation.kind") },
            { label: t("organisation.tier") },
            { label: t("organisation.feeShort"), numeric: true },
            { label: t("organisation.feeStatus") },
            { label: t("organisation.members"), numeric: true },
          ]}
        >
          {organisations.map((organisation) => (
            <tr key={organisation.id}>
              <th scope="row" className="px-4 py-2 font-medium">
                <Link to={`/admin/organisaties/${organisation.id}`}>{organisation.name}</Link>
              </th>
              <td className="px-4 py-2">
                {isOrganisationKind(organisation.kind) ? t(ORGANISATION_KIND_LABEL[organisation.kind]) : organisation.kind}
              </td>
              <td className="px-4 py-2">
                {isPartnershipTier(organisation.tier) ? t(PARTNERSHIP_TIER_LABEL[organisation.tier]) : organisation.tier}
              </td>
              <td className="whitespace-nowrap px-4 py-2 text-right tabular-nums">{organisation.fee ?? t("organisation.none")}</td>
              <td className="px-4 py-2">
                <FeeStatus hasFee={organisation.fee !== null} paid={organisation.feePaid} />
              </td>
              <td className="px-4 py-2 text-right tabular-nums">{organisation.memberCount}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <p className="text-sm text-stone-700">{t("admin.organisations.totals", totals)}</p>
    </div>
  );
}

/** Paid or not in words, not colour alone. */
function FeeStatus({ hasFee, paid }: { hasFee: boolean; paid: boolean }) {
  const t = useT();
  if (!hasFee) return <span className="text-stone-500">{t("organisation.feeStatus.none")}</span>;
  return paid ? (
    <span className="inline-flex rounded-full bg-green-50 px-2 py-0.5 text-xs font-medium text-green-900 ring-1 ring-inset ring-green-300">
      {t("organisation.feeStatus.paid")}
    </span>
  ) : (
    <span className="inline-flex rounded-full bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-900 ring-1 ring-inset ring-amber-300">
      {t("organisation.feeStatus.unpaid")}
    </span>
  );
}
