import type { MessageKey } from "./i18n/catalogue.ts";

/**
 * The toolbox's vocabulary (seed page 004): two categories, five forms (each with its own working
 * and binding force), the four design principles a tool gives shape to, and where a tool stands.
 * Codes are stored and used in URLs; labels come from the catalogue.
 */
export const TOOL_CATEGORIES = ["substantive", "governance"] as const;
export const TOOL_FORMS = ["agreement", "standard", "norm", "bylaw", "legislation"] as const;
export const DESIGN_PRINCIPLES = ["sustainable_democratic_city", "democratic_smart_network", "flexibility", "meaningfulness"] as const;
export const TOOL_STATUSES = ["in_development", "piloting", "available"] as const;

export type ToolCategory = (typeof TOOL_CATEGORIES)[number];
export type ToolForm = (typeof TOOL_FORMS)[number];
export type DesignPrinciple = (typeof DESIGN_PRINCIPLES)[number];
export type ToolStatus = (typeof TOOL_STATUSES)[number];

/** A tool counts as validated once it is tested in this many municipalities. */
export const VALIDATED_AFTER_PILOTS = 3;

export const categoryLabel = (code: string) => `toolbox.category.${code}` as MessageKey;
export const formLabel = (code: string) => `toolbox.form.${code}` as MessageKey;
export const principleLabel = (code: string) => `toolbox.principle.${code}` as MessageKey;
export const statusLabel = (code: string) => `toolbox.status.${code}` as MessageKey;

/** The filters of the toolbox page, as they stand in its URL. */
export const TOOLBOX_FILTER_PARAMS = { category: "categorie", form: "vorm", principle: "principe", municipality: "gemeente", status: "status" } as const;
export type ToolboxFilters = Partial<Record<keyof typeof TOOLBOX_FILTER_PARAMS, string>>;

/** Reads the filters from a URL's query, keeping only known values (anything else means "all"). */
export function parseToolboxFilters(params: URLSearchParams): ToolboxFilters {
  const pick = <T extends readonly string[]>(name: string, allowed: T) => {
    const value = params.get(name) ?? "";
    return (allowed as readonly string[]).includes(value) ? value : undefined;
  };
  const municipality = (params.get(TOOLBOX_FILTER_PARAMS.municipality) ?? "").trim().slice(0, 100);
  return {
    category: pick(TOOLBOX_FILTER_PARAMS.category, TOOL_CATEGORIES),
    form: pick(TOOLBOX_FILTER_PARAMS.form, TOOL_FORMS),
    principle: pick(TOOLBOX_FILTER_PARAMS.principle, DESIGN_PRINCIPLES),
    municipality: municipality || undefined,
    status: pick(TOOLBOX_FILTER_PARAMS.status, TOOL_STATUSES),
  };
}
