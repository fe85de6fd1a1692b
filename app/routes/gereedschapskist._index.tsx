import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { MessageKey } from "#app/common/i18n/catalogue.ts";
import {
  categoryLabel,
  DESIGN_PRINCIPLES,
  formLabel,
  parseToolboxFilters,
  principleLabel,
  statusLabel,
  TOOL_CATEGORIES,
  TOOL_FORMS,
  TOOL_STATUSES,
  TOOLBOX_FILTER_PARAMS,
} from "#app/common/toolbox.ts";
import { FilterForm } from "#app/components/filter-form.tsx";
import { listPilotMunicipalities, listTools } from "#app/models/tools.server.ts";
import { getTranslator } from "#app/utils/i18n.server.ts";
import { useT } from "#app/utils/root-data.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.pageTitle} — Kapittel` : "Kapittel" },
  { name: "description", content: data?.description ?? "" },
];

/** The toolbox (/gereedschapskist): every published tool, with filters that combine and live in the URL. */
export async function loader({ request }: LoaderFunctionArgs) {
  const filters = parseToolboxFilters(new URL(request.url).searchParams);
  const [t, tools, municipalities] = await Promise.all([getTranslator(request), listTools(filters), listPilotMunicipalities()]);
  return {
    pageTitle: t("toolbox.title"),
    description: t("toolbox.intro"),
    filters,
    tools,
    municipalities,
  };
}

type FilterName = keyof typeof TOOLBOX_FILTER_PARAMS;

export default function ToolboxPage() {
  const t = useT();
  const { filters, tools, municipalities } = useLoaderData<typeof loader>();
  const choice = (name: FilterName, label: MessageKey, options: { value: string; label: string }[]) => ({
    name: TOOLBOX_FILTER_PARAMS[name],
    label: t(label),
    value: filters[name] ?? "",
    options,
  });
  const choices = [
    choice("category", "toolbox.filter.category", TOOL_CATEGORIES.map((c) => ({ value: c, label: t(categoryLabel(c)) }))),
    choice("form", "toolbox.filter.form", TOOL_FORMS.map((f) => ({ value: f, label: t(formLabel(f)) }))),
    choice("principle", "toolbox.filter.principle", DESIGN_PRINCIPLES.map((p) => ({ value: p, label: t(principleLabel(p)) }))),
    choice("municipality", "toolbox.filter.municipality", municipalities.map((m) => ({ value: m, label: m }))),
    choice("status", "toolbox.filter.status", TOOL_STATUSES.map((s) => ({ value: s, label: t(statusLabel(s)) }))),
  ];
  return (
    <div className="space-y-6">
      <header className="max-w-3xl">
        <h1 className="font-serif text-4xl font-semibold tracking-tight">{t("toolbox.title")}</h1>
        <p className="mt-3 text-stone-700">{t("toolbox.intro")}</p>
        <p className="mt-3">
          <Link to="/gereedschapskist/aandragen" className="font-medium">
            {t("toolSubmissions.link")} →
          </Link>
        </p>
      </header>

      <FilterForm
        label={t("toolbox.filters")}
        idPrefix="toolbox"
        allLabel={t("toolbox.filter.all")}
        submitLabel={t("toolbox.filter.apply")}
        clear={{ to: "/gereedschapskist", label: t("toolbox.filter.clear") }}
        choices={choices}
      />

      <p className="text-sm text-stone-700" role="status">
        {tools.length === 1 ? t("toolbox.countOne") : t("toolbox.count", { count: tools.length })}
      </p>
      {tools.length === 0 ? (
        <p>{t("toolbox.none")}</p>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2">
          {tools.map((tool) => (
            <li key={tool.slug} className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
              <h2 className="font-serif text-xl font-semibold">
                <Link to={`/gereedschapskist/${tool.slug}`}>{tool.name}</Link>
              </h2>
              <p className="mt-1 text-sm text-stone-600">
                {t(categoryLabel(tool.category))} · {t(formLabel(tool.form))} · {t(statusLabel(tool.status))}
              </p>
              <p className="mt-2 text-stone-800">{tool.summary}</p>
              <p className="mt-2 text-sm text-stone-700">
                {t("toolbox.pilotCount", { count: tool.pilotCount })}
                {tool.validated && (
                  <span className="ml-2 rounded-full border border-emerald-700 px-2 py-0.5 text-xs font-medium text-emerald-800">
                    {t("toolbox.validated")}
                  </span>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
