import { Form, Link, NavLink, useLocation } from "@remix-run/react";
import { LOCALES } from "#app/common/i18n/locales.ts";
import { CsrfInput } from "#app/components/csrf-input.tsx";
import { NotificationBell } from "#app/components/notification-bell.tsx";
import { SearchBox } from "#app/components/search-box.tsx";
import { useHasPermission, useLocale, useOptionalUser, useT } from "#app/utils/root-data.ts";

const navLinkClass = ({ isActive }: { isActive: boolean }) =>
  `rounded px-2 py-1 text-stone-700 no-underline hover:bg-stone-100 hover:text-stone-900 ${isActive ? "font-semibold text-stone-900" : ""}`;

/** Site header: name, main navigation, account links and the language switch. */
export function SiteHeader() {
  const t = useT();
  const user = useOptionalUser();
  const canAdmin = useHasPermission("read:admin:any");
  const isEditorial = useHasPermission("update:chapter:any");
  return (
    <header className="border-b border-stone-200 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link to="/" className="mr-auto text-xl font-semibold tracking-tight text-stone-900 no-underline">
          {t("app.name")}
        </Link>
        <nav aria-label={t("nav.main")}>
          <ul className="flex flex-wrap items-center gap-1 text-sm">
            <li>
              <NavLink to="/" end className={navLinkClass}>
                {t("nav.home")}
              </NavLink>
            </li>
            <li>
              <NavLink to="/gereedschapskist" className={navLinkClass}>
                {t("toolbox.nav")}
              </NavLink>
            </li>
            <li>
              <NavLink to="/partners" className={navLinkClass}>
                {t("partners.nav")}
              </NavLink>
            </li>
            <li>
              <NavLink to="/evenementen" className={navLinkClass}>
                {t("events.nav")}
              </NavLink>
            </li>
            {isEditorial && (
              <li>
                <NavLink to="/redactie" className={navLinkClass}>
                  {t("dashboard.nav")}
                </NavLink>
              </li>
            )}
            {canAdmin && (
              <li>
                <NavLink to="/admin" className={navLinkClass}>
                  {t("nav.admin")}
                </NavLink>
              </li>
            )}
            {user ? (
              <>
                <li>
                  <NotificationBell />
                </li>
                <li>
                  <NavLink to="/account" className={navLinkClass}>
                    {t("nav.account")}
                  </NavLink>
                </li>
                <li>
                  <Form method="post" action="/uitloggen">
                    <CsrfInput />
                    <button type="submit" className="rounded px-2 py-1 text-stone-700 hover:bg-stone-100">
                      {t("nav.logout")}
                    </button>
                  </Form>
                </li>
              </>
            ) : (
              <>
                <li>
                  <NavLink to="/inloggen" className={navLinkClass}>
                    {t("nav.login")}
                  </NavLink>
                </li>
                <li>
                  <NavLink to="/registreren" className={navLinkClass}>
                    {t("nav.register")}
                  </NavLink>
                </li>
              </>
            )}
          </ul>
        </nav>
        <SearchBox />
        <LanguageSwitch />
      </div>
    </header>
  );
}

/** Two submit buttons, one per language: works without JavaScript and with the keyboard. */
function LanguageSwitch() {
  const t = useT();
  const locale = useLocale();
  const location = useLocation();
  return (
    <Form method="post" action="/taal" className="flex items-center gap-1 text-sm" aria-label={t("lang.switchLabel")}>
      <CsrfInput />
      <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
      {LOCALES.map((code) => (
        <button
          key={code}
          type="submit"
          name="lang"
          value={code}
          lang={code}
          aria-pressed={code === locale}
          className={`rounded px-2 py-1 ${code === locale ? "bg-stone-800 text-white" : "text-stone-700 hover:bg-stone-100"}`}
        >
          {code.toUpperCase()}
          <span className="sr-only"> — {t(`lang.${code}`)}</span>
        </button>
      ))}
    </Form>
  );
}

/** Site footer. */
export function SiteFooter() {
  const t = useT();
  return (
    <footer className="border-t border-stone-200 bg-white">
      <div className="mx-auto max-w-5xl px-4 py-6 text-sm text-stone-600">{t("footer.text")}</div>
    </footer>
  );
}
