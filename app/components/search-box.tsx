import { Form, useLocation, useSearchParams } from "@remix-run/react";
import { useT } from "#app/utils/root-data.ts";

/**
 * The search box in the header of every page: a GET form to /zoeken, so it works without
 * JavaScript. On the results page it shows the current query.
 */
export function SearchBox() {
  const t = useT();
  const location = useLocation();
  const [params] = useSearchParams();
  const current = location.pathname === "/zoeken" ? (params.get("q") ?? "") : "";
  return (
    <Form method="get" action="/zoeken" role="search" aria-label={t("search.box.landmark")} className="flex items-center gap-1 text-sm">
      <label htmlFor="site-search-q" className="sr-only">
        {t("search.box.label")}
      </label>
      <input
        // A new query (or leaving the results page) resets the box to what the URL says.
        key={current}
        id="site-search-q"
        type="search"
        name="q"
        defaultValue={current}
        placeholder={t("search.box.placeholder")}
        maxLength={200}
        autoComplete="off"
        className="w-32 rounded-md border border-stone-400 bg-white px-2 py-1 text-stone-900 placeholder:text-stone-600"
      />
      <button type="submit" className="rounded-md bg-stone-800 p-1.5 text-white hover:bg-stone-700">
        <svg aria-hidden="true" focusable="false" viewBox="0 0 20 20" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="2">
          <circle cx="8.5" cy="8.5" r="5.5" />
          <path d="m13 13 4.5 4.5" strokeLinecap="round" />
        </svg>
        <span className="sr-only">{t("search.box.submit")}</span>
      </button>
    </Form>
  );
}
