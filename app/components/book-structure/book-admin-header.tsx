import { Link, NavLink } from "@remix-run/react";
import type { ReactNode } from "react";
import { useT } from "#app/utils/root-data.ts";

/**
 * The top of the editors' book pages (settings, arrangement): the way back to the book, the
 * page title, and links between the two pages.
 */
export function BookAdminHeader({ bookSlug, bookTitle, title }: { bookSlug: string; bookTitle: string; title: ReactNode }) {
  const t = useT();
  const tabClass = ({ isActive }: { isActive: boolean }) =>
    `inline-block rounded-md px-3 py-1.5 no-underline ${
      isActive ? "bg-stone-800 text-white hover:text-white" : "text-stone-700 hover:bg-stone-100 hover:text-stone-900"
    }`;
  return (
    <header className="space-y-4">
      <p className="text-sm">
        <Link to={`/boek/${bookSlug}`}>
          <span aria-hidden="true">←</span> {t("bookSettings.backToBook", { title: bookTitle })}
        </Link>
      </p>
      <h1 className="text-3xl font-semibold tracking-tight">{title}</h1>
      <nav aria-label={t("bookSettings.nav.label")} className="border-b border-stone-200 pb-3">
        <ul className="flex flex-wrap gap-1 text-sm">
          <li>
            <NavLink to={`/boek/${bookSlug}/instellingen`} className={tabClass}>
              {t("bookSettings.nav.settings")}
            </NavLink>
          </li>
          <li>
            <NavLink to={`/boek/${bookSlug}/indeling`} className={tabClass}>
              {t("bookSettings.nav.structure")}
            </NavLink>
          </li>
        </ul>
      </nav>
    </header>
  );
}
