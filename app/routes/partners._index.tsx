import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { MessageKey } from "#app/common/i18n/catalogue.ts";
import { listPartners } from "#app/models/partners.server.ts";
import { getTranslator } from "#app/utils/i18n.server.ts";
import { useT } from "#app/utils/root-data.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.pageTitle} — Kapittel` : "Kapittel" },
  { name: "description", content: data?.description ?? "" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const t = await getTranslator(request);
  return { pageTitle: t("partners.title"), description: t("partners.intro"), partners: await listPartners() };
}

/** Every partner organisation, premium partners first (/partners). */
export default function PartnersPage() {
  const t = useT();
  const { partners } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <header className="max-w-3xl">
        <h1 className="font-serif text-4xl font-semibold tracking-tight">{t("partners.title")}</h1>
        <p className="mt-3 text-stone-700">{t("partners.intro")}</p>
        <p className="mt-3">
          <Link to="/partner-worden" className="font-medium">
            {t("partnership.title")} →
          </Link>
        </p>
      </header>
      <ul className="grid gap-4 sm:grid-cols-2">
        {partners.map((partner) => (
          <li key={partner.slug} className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
            {/* Fixed size whatever the image's proportions: no layout shift while logos load. */}
            {partner.logoUrl && (
              <img src={partner.logoUrl} alt={partner.name} width={160} height={64} className="mb-3 h-16 w-40 object-contain object-left" />
            )}
            <h2 className="font-serif text-xl font-semibold">
              <Link to={`/partners/${partner.slug}`}>{partner.name}</Link>
            </h2>
            <p className="mt-1 text-sm text-stone-600">
              {t(`organisation.kind.${partner.kind}` as MessageKey)} · {t(`organisation.tier.${partner.tier}` as MessageKey)}
            </p>
            {partner.description && <p className="mt-2 text-stone-800">{partner.description}</p>}
          </li>
        ))}
      </ul>
    </div>
  );
}
