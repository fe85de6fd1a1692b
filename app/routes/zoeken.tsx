import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import type { MessageKey } from "#app/common/i18n/catalogue.ts";
import { StatusBadge } from "#app/components/status-badge.tsx";
import { SEARCH_KINDS, SEARCH_PAGE_SIZE, type SearchKind } from "#app/models/search/kinds.ts";
import { MAX_QUERY_LENGTH } from "#app/models/search/fts-query.ts";
import { search } from "#app/models/search.server.ts";
import { getUser } from "#app/utils/auth.server.ts";
import { getTranslator } from "#app/utils/i18n.server.ts";
import { useT } from "#app/utils/root-data.ts";

/** The type filter in the URL, in Dutch: ?soort=hoofdstukken. */
const KIND_PARAM: Record<SearchKind, string> = { chapter: "hoofdstukken", tool: "tools", event: "evenementen", partner: "partners" };
const EXAMPLES = ["digitale tweeling", "sensoren", "privacy", "datadeling"];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.pageTitle} — Kapittel` : "Kapittel" },
  // Result pages are for people; search engines index the pages themselves.
  { name: "robots", content: "noindex" },
];

/** /zoeken?q=…&soort=…&pagina=…: ranked hits over what this person may read. */
export async function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const query = (params.get("q") ?? "").slice(0, MAX_QUERY_LENGTH).trim();
  const kind = SEARCH_KINDS.find((candidate) => KIND_PARAM[candidate] === params.get("soort")) ?? null;
  const requestedPage = Number.parseInt(params.get("pagina") ?? "1", 10);
  const page = Number.isFinite(requestedPage) && requestedPage >= 1 ? Math.min(requestedPage, 1000) : 1;
  const [t, user] = await Promise.all([getTranslator(request), getUser(request)]);
  const result = await search(query, user, { kinds: kind ? [kind] : undefined, limit: SEARCH_PAGE_SIZE, offset: (page - 1) * SEARCH_PAGE_SIZE });
  const pages = Math.max(1, Math.ceil(result.total / SEARCH_PAGE_SIZE));
  // A page past the end (an old link, a hand-edited URL) shows the last page instead.
  if (page > pages) throw redirect(resultsUrl(query, kind, pages));
  return {
    pageTitle: query ? t("search.titleFor", { query }) : t("search.title"),
    query,
    kind,
    page,
    pages,
    result,
  };
}

/** The URL of the results with these choices (the query stays, paging restarts unless given). */
function resultsUrl(query: string, kind: SearchKind | null, page = 1): string {
  const params = new URLSearchParams({ q: query });
  if (kind) params.set("soort", KIND_PARAM[kind]);
  if (page > 1) params.set("pagina", String(page));
  return `/zoeken?${params.toString()}`;
}

export default function SearchPage() {
  const t = useT();
  const { query, kind, page, pages, result } = useLoaderData<typeof loader>();
  const all = SEARCH_KINDS.reduce((total, k) => total + result.counts[k], 0);
  // After a spelling correction the hits are for the corrected words: the count says so.
  const shownQuery = result.correctedQuery ?? query;
  return (
    <div className="space-y-6">
      <header className="max-w-3xl">
        <h1 className="font-serif text-4xl font-semibold tracking-tight">{t("search.title")}</h1>
        <p className="mt-3 text-stone-700">{t("search.intro")}</p>
      </header>

      <Form method="get" action="/zoeken" role="search" aria-label={t("search.form.landmark")} className="flex max-w-2xl flex-wrap items-end gap-2">
        <div className="min-w-[16rem] flex-1">
          <label htmlFor="search-page-q" className="block text-sm font-medium text-stone-800">
            {t("search.form.label")}
          </label>
          <input
            key={query}
            id="search-page-q"
            type="search"
            name="q"
            defaultValue={query}
            maxLength={MAX_QUERY_LENGTH}
            className="mt-1 block w-full rounded-md border border-stone-400 bg-white px-3 py-2 text-stone-900"
          />
        </div>
        {kind && <input type="hidden" name="soort" value={KIND_PARAM[kind]} />}
        <button type="submit" className="rounded-md bg-stone-900 px-4 py-2 font-medium text-white hover:bg-stone-700">
          {t("search.box.submit")}
        </button>
      </Form>

      {query === "" || result.mode === "empty" ? (
        <EmptyQuery />
      ) : (
        <>
          {all > 0 && <TypeFilter query={query} kind={kind} counts={result.counts} all={all} />}
          <p role="status" className="text-sm text-stone-700">
            {result.total === 0
              ? null
              : kind
                ? t("search.countOfType", { count: result.total, all, query: shownQuery })
                : result.total === 1
                  ? t("search.countOne", { query: shownQuery })
                  : t("search.count", { count: result.total, query: shownQuery })}
          </p>
          {result.mode === "spelling" && result.correctedQuery && (
            <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950">
              {t("search.corrected", { query, corrected: result.correctedQuery })}
            </p>
          )}
          {result.mode === "any" && result.total > 0 && (
            <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950">{t("search.anyWords")}</p>
          )}
          {result.hits.length === 0 ? (
            <NoHits query={query} kind={kind} />
          ) : (
            <ol aria-label={t("search.results")} className="space-y-4" start={(page - 1) * SEARCH_PAGE_SIZE + 1}>
              {result.hits.map((hit) => (
                <li key={`${hit.kind}:${hit.id}`} className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
                  <p className="flex flex-wrap items-center gap-2 text-xs">
                    <span className="rounded-full border border-stone-500 px-2 py-0.5 font-medium uppercase tracking-wide text-stone-800">
                      {t(`search.badge.${hit.kind}` as MessageKey)}
                    </span>
                    {hit.status && hit.status !== "published" && <StatusBadge status={hit.status} />}
                  </p>
                  <h2 className="mt-2 font-serif text-xl font-semibold">
                    {/* titleHtml and snippetHtml are escaped text with our own <mark> elements only (models/search/highlight.ts). */}
                    <Link to={hit.url} dangerouslySetInnerHTML={{ __html: hit.titleHtml }} />
                  </h2>
                  {hit.snippetHtml.trim() && (
                    <p className="search-snippet mt-1 text-stone-800" dangerouslySetInnerHTML={{ __html: hit.snippetHtml }} />
                  )}
                </li>
              ))}
            </ol>
          )}
          {pages > 1 && <Paging query={query} kind={kind} page={page} pages={pages} />}
        </>
      )}
    </div>
  );
}

function TypeFilter({ query, kind, counts, all }: { query: string; kind: SearchKind | null; counts: Record<SearchKind, number>; all: number }) {
  const t = useT();
  const options: { kind: SearchKind | null; label: string; count: number }[] = [
    { kind: null, label: t("search.type.all"), count: all },
    ...SEARCH_KINDS.map((k) => ({ kind: k, label: t(`search.type.${k}` as MessageKey), count: counts[k] })),
  ];
  return (
    <nav aria-label={t("search.types")}>
      <ul className="flex flex-wrap gap-2 text-sm">
        {options.map((option) => {
          const current = option.kind === kind;
          return (
            <li key={option.kind ?? "all"}>
              <Link
                to={resultsUrl(query, option.kind)}
                aria-current={current ? "page" : undefined}
                className={`inline-block rounded-full border px-3 py-1 no-underline ${
                  current ? "border-stone-900 bg-stone-900 text-white" : "border-stone-300 bg-white text-stone-800 hover:bg-stone-100"
                }`}
              >
                {option.label} <span className={current ? "text-stone-200" : "text-stone-600"}>{`(${option.count})`}</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

function Paging({ query, kind, page, pages }: { query: string; kind: SearchKind | null; page: number; pages: number }) {
  const t = useT();
  return (
    <nav aria-label={t("search.pages")} className="flex items-center gap-4 text-sm">
      {page > 1 ? <Link to={resultsUrl(query, kind, page - 1)} rel="prev">← {t("search.previous")}</Link> : null}
      <span>{t("search.pageOf", { page, pages })}</span>
      {page < pages ? <Link to={resultsUrl(query, kind, page + 1)} rel="next">{t("search.next")} →</Link> : null}
    </nav>
  );
}

function EmptyQuery() {
  const t = useT();
  return (
    <div className="space-y-2">
      <p>{t("search.empty")}</p>
      <p className="text-sm text-stone-700">
        {t("search.examples")}:{" "}
        {EXAMPLES.map((example, index) => (
          <span key={example}>
            {index > 0 && ", "}
            <Link to={resultsUrl(example, null)} className="underline">
              {example}
            </Link>
          </span>
        ))}
      </p>
    </div>
  );
}

function NoHits({ query, kind }: { query: string; kind: SearchKind | null }) {
  const t = useT();
  return (
    <div className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
      <p className="font-medium">
        {kind ? t("search.noneOfType", { type: t(`search.type.${kind}` as MessageKey).toLowerCase(), query }) : t("search.none", { query })}
      </p>
      <h2 className="text-base font-semibold">{t("search.tips")}</h2>
      <ul className="list-disc space-y-1 pl-5 text-stone-800">
        <li>{t("search.tip.words")}</li>
        <li>{t("search.tip.spelling")}</li>
        <li>
          {t("search.tip.browse")}{" "}
          <Link to="/" className="underline">
            {t("search.browse.book")}
          </Link>{" "}
          ·{" "}
          <Link to="/gereedschapskist" className="underline">
            {t("toolbox.nav")}
          </Link>{" "}
          ·{" "}
          <Link to="/partners" className="underline">
            {t("partners.nav")}
          </Link>
        </li>
      </ul>
    </div>
  );
}
