import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";

export type FilterChoice = {
  /** The query parameter. */
  name: string;
  label: string;
  /** The selected value ("" for all). */
  value: string;
  options: { value: string; label: string }[];
};

/** A free filter (a search text or a day) next to the choices. */
export type FilterInput = {
  /** The query parameter. */
  name: string;
  label: string;
  value: string;
  type: "search" | "date";
};

/**
 * Filters of a list page as a GET form: the choices live in the URL, work without JavaScript and
 * can be shared. Each is a labelled select whose first option means "all", or a labelled search
 * or date field (`inputs`); a link clears them.
 */
export function FilterForm({
  label,
  idPrefix,
  choices,
  inputs = [],
  allLabel,
  submitLabel,
  clear,
}: {
  label: string;
  idPrefix: string;
  choices: FilterChoice[];
  inputs?: FilterInput[];
  allLabel: string;
  submitLabel: string;
  /** Where "clear" leads and its text; shown only while a filter is set. */
  clear: { to: string; label: ReactNode };
}) {
  const filtered = [...choices, ...inputs].some((filter) => filter.value !== "");
  return (
    <Form method="get" aria-label={label} className="flex flex-wrap items-end gap-4 rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
      {choices.map((choice) => (
        <div key={choice.name}>
          <label htmlFor={`${idPrefix}-${choice.name}`} className="block text-sm font-medium text-stone-800">
            {choice.label}
          </label>
          <select
            id={`${idPrefix}-${choice.name}`}
            name={choice.name}
            defaultValue={choice.value}
            className="mt-1 block max-w-[16rem] rounded-md border border-stone-300 bg-white px-2 py-2 text-sm"
          >
            <option value="">{allLabel}</option>
            {choice.options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
      ))}
      {inputs.map((input) => (
        <div key={input.name}>
          <label htmlFor={`${idPrefix}-${input.name}`} className="block text-sm font-medium text-stone-800">
            {input.label}
          </label>
          <input
            id={`${idPrefix}-${input.name}`}
            name={input.name}
            type={input.type}
            defaultValue={input.value}
            className="mt-1 block max-w-[16rem] rounded-md border border-stone-300 bg-white px-2 py-1.5 text-sm"
          />
        </div>
      ))}
      <button type="submit" className="rounded-md bg-stone-900 px-4 py-2 text-sm font-medium text-white hover:bg-stone-700">
        {submitLabel}
      </button>
      {filtered && (
        <Link to={clear.to} className="py-2 text-sm">
          {clear.label}
        </Link>
      )}
    </Form>
  );
}
