import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { MessageKey } from "#app/common/i18n/catalogue.ts";
import { StatusBadge } from "#app/components/status-badge.tsx";
import { findPartner } from "#app/models/partners.server.ts";
import { getUser } from "#app/utils/auth.server.ts";
import { notFound } from "#app/utils/http.server.ts";
import { useT } from "#app/utils/root-data.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data ? [{ title: `${data.partner.name} — Kapittel` }, { name: "description", content: data.partner.description }] : [{ title: "Kapittel" }];

/** A partner's page (/partners/<slug>): who they are, the chapters they co-wrote, the tools they own. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const partner = await findPartner(params.slug ?? "", await getUser(request));
  if (!partner) throw await notFound(request);
  return { partner };
}

export default function PartnerPage() {
  const t = useT();
  const { partner } = useLoaderData<typeof loader>();
  return (
    <article aria-labelledby="partner-title" className="mx-auto max-w-3xl space-y-8">
      <p className="text-sm">
        <Link to="/partners">← {t("partners.back")}</Link>
      </p>
      <header>
        {/* Fixed size whatever the image's proportions: no layout shift while the logo loads. */}
        {partner.logoUrl && (
          <img src={partner.logoUrl} alt={partner.name} width={240} height={96} className="mb-4 h-24 w-60 object-contain object-left" />
        )}
        <h1 id="partner-title" className="font-serif text-4xl font-semibold tracking-tight">
          {partner.name}
        </h1>
        <p className="mt-2 text-sm text-stone-600">
          {t(`organisation.kind.${partner.kind}` as MessageKey)} · {t(`organisation.tier.${partner.tier}` as MessageKey)}
        </p>
        {partner.description && <p className="mt-4 text-lg text-stone-800">{partner.description}</p>}
        {partner.website && (
          <p className="mt-2">
            <a href={partner.website} rel="noopener noreferrer">
              {t("partners.website")}
            </a>
          </p>
        )}
      </header>

      <section aria-labelledby="partner-chapters">
        <h2 id="partner-chapters" className="text-xl font-semibold">
          {t("partners.chapters")}
        </h2>
        {partner.chapters.length === 0 ? (
          <p className="mt-2 text-stone-700">{t("partners.noChapters")}</p>
        ) : (
          <ul className="mt-3 space-y-3">
            {partner.chapters.map((chapter) => (
              <li key={chapter.id}>
                <Link to={`/boek/${chapter.book.slug}/${chapter.slug}`} className="font-serif text-lg font-semibold">
                  {chapter.title}
                </Link>
                {chapter.status !== "published" && <StatusBadge status={chapter.status} />}
                <p className="text-sm text-stone-600">{chapter.book.title}</p>
                {chapter.summary && <p className="text-stone-800">{chapter.summary}</p>}
              </li>
            ))}
          </ul>
        )}
      </section>

      {partner.tools.length > 0 && (
        <section aria-labelledby="partner-tools">
          <h2 id="partner-tools" className="text-xl font-semibold">
            {t("partners.tools")}
          </h2>
          <ul className="mt-3 space-y-3">
            {partner.tools.map((tool) => (
              <li key={tool.slug}>
                <Link to={`/gereedschapskist/${tool.slug}`} className="font-semibold">
                  {tool.name}
                </Link>
                <p className="text-stone-800">{tool.summary}</p>
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
