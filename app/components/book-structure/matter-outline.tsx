import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { formatIsbn13 } from "#app/common/isbn.ts";
import { useT } from "#app/utils/root-data.ts";

/** What the outline shows; the shape of getBookOutline (app/models/book-structure.server.ts). */
export type MatterOutlineData = {
  titlePage: { title: string; subtitle: string; editors: string };
  colophon: { isbn: string | null; publisher: string; year: number | null; licence: string; hasText: boolean };
  hasCover: boolean;
  hasForeword: boolean;
  partners: { id: string; name: string; slug: string; hasDescription: boolean; hasLogo: boolean; inPublished: boolean }[];
  citedTools: { slug: string; name: string }[];
};

/**
 * The pages the exports generate before (`front`) or after (`back`) the chapters, read-only, each
 * with a link to where its content is edited: so an editor sees the whole book, not only the chapters.
 */
export function MatterOutline({
  which,
  bookSlug,
  outline,
  canManageOrganisations,
}: {
  which: "front" | "back";
  bookSlug: string;
  outline: MatterOutlineData;
  canManageOrganisations: boolean;
}) {
  const t = useT();
  const settings = (anchor: string) => `/boek/${bookSlug}/instellingen#${anchor}`;
  const partnerLink = (partner: { id: string; slug: string }) =>
    canManageOrganisations ? `/admin/organisaties/${partner.id}` : `/partners/${partner.slug}`;
  const { titlePage, colophon } = outline;
  const notSet = t("bookSettings.outline.notSet");
  if (which === "front") {
    return (
      <section aria-labelledby="front-matter-title" className="rounded-lg border border-stone-200 bg-white p-5 shadow-sm">
        <h2 id="front-matter-title" className="text-lg font-semibold">
          {t("bookSettings.outline.front")}
        </h2>
        <ol className="mt-3 grid gap-x-8 gap-y-3 text-sm md:grid-cols-2">
          <Entry title={t("bookSettings.outline.cover")} edit={settings("omslag")}>
            {outline.hasCover ? t("bookSettings.outline.coverSet") : t("bookSettings.outline.coverMissing")}
          </Entry>
          <Entry title={t("bookSettings.outline.titlePage")} edit={settings("titelpagina")}>
            {titlePage.title}
            {titlePage.subtitle ? ` — ${titlePage.subtitle}` : ""}
            <br />
            {t("bookSettings.field.editors")}: {titlePage.editors || notSet}
          </Entry>
          <Entry title={t("bookSettings.outline.colophon")} edit={settings("colofon")}>
            {t("bookSettings.field.isbn")}: {colophon.isbn ? formatIsbn13(colophon.isbn) : notSet} · {t("bookSettings.field.publisher")}:{" "}
            {colophon.publisher || notSet} · {t("bookSettings.field.year")}: {colophon.year ?? notSet} · {t("bookSettings.field.licence")}:{" "}
            {colophon.licence || notSet}
            <br />
            {colophon.hasText ? t("bookSettings.outline.colophonText") : t("bookSettings.outline.colophonNoText")}
          </Entry>
          <Entry title={t("bookSettings.outline.foreword")} edit={settings("voorwoord")}>
            {outline.hasForeword ? t("bookSettings.outline.forewordSet") : t("bookSettings.outline.forewordMissing")}
          </Entry>
          <Entry title={t("bookSettings.outline.contents")} edit="#indeling">
            {t("bookSettings.outline.contentsText")}
          </Entry>
          <Entry title={t("bookSettings.outline.partners")} edit={canManageOrganisations ? "/admin/organisaties" : "/partners"}>
            {outline.partners.length === 0 ? t("bookSettings.outline.noPartners") : outline.partners.map((partner) => partner.name).join(", ")}
          </Entry>
        </ol>
        <p className="mt-4 text-xs text-stone-600">{t("bookSettings.outline.scopeNote")}</p>
      </section>
    );
  }
  return (
    <section aria-labelledby="back-matter-title" className="rounded-lg border border-stone-200 bg-white p-5 shadow-sm">
      <h2 id="back-matter-title" className="text-lg font-semibold">
        {t("bookSettings.outline.back")}
      </h2>
      <ol className="mt-3 grid gap-x-8 gap-y-3 text-sm md:grid-cols-2">
        <li>
          <h3 className="font-medium">{t("bookSettings.outline.aboutPartners")}</h3>
          {outline.partners.length === 0 ? (
            <p className="text-stone-700">{t("bookSettings.outline.noPartners")}</p>
          ) : (
            <ul className="mt-1 space-y-1">
              {outline.partners.map((partner) => (
                <li key={partner.id}>
                  <Link to={partnerLink(partner)}>{partner.name}</Link>
                  {!partner.hasDescription && <span className="text-amber-800"> — {t("bookSettings.outline.noDescription")}</span>}
                  {!partner.inPublished && <span className="text-stone-600"> ({t("bookSettings.outline.draftsOnly")})</span>}
                </li>
              ))}
            </ul>
          )}
        </li>
        <li>
          <h3 className="font-medium">{t("bookSettings.outline.tools")}</h3>
          {outline.citedTools.length === 0 ? (
            <p className="text-stone-700">{t("bookSettings.outline.noTools")}</p>
          ) : (
            <ul className="mt-1 space-y-1">
              {outline.citedTools.map((tool) => (
                <li key={tool.slug}>
                  <Link to={`/gereedschapskist/${tool.slug}`}>{tool.name}</Link>
                </li>
              ))}
            </ul>
          )}
        </li>
      </ol>
    </section>
  );
}

function Entry({ title, edit, children }: { title: string; edit: string; children: ReactNode }) {
  const t = useT();
  return (
    <li>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="font-medium">{title}</h3>
        <Link to={edit} className="text-sm">
          {t("bookSettings.outline.edit")}
          <span className="sr-only"> {title}</span>
        </Link>
      </div>
      <p className="text-stone-700">{children}</p>
    </li>
  );
}
