import { Form } from "@remix-run/react";
import { useId } from "react";
import { useT } from "#app/utils/root-data.ts";

/**
 * Pick two revisions (or a revision and "now") to compare: a GET form, so it works without
 * JavaScript and the comparison has a URL an editor can share.
 */
export function RevisionCompareForm({
  action,
  numbers,
  from,
  to,
}: {
  action: string;
  /** Revision numbers, newest first. */
  numbers: number[];
  from?: number;
  to?: number | "nu";
}) {
  const t = useT();
  const id = useId();
  const selectClass = "mt-1 block rounded-md border border-stone-300 bg-white px-3 py-2 text-sm";
  return (
    <Form method="get" action={action} className="flex flex-wrap items-end gap-4" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="sr-only">
        {t("revisions.compare.heading")}
      </h2>
      <div>
        <label htmlFor={`${id}-van`} className="block text-sm font-medium text-stone-800">
          {t("revisions.compare.from")}
        </label>
        <select id={`${id}-van`} name="van" defaultValue={String(from ?? numbers[1] ?? numbers[0] ?? "")} className={selectClass}>
          {numbers.map((n) => (
            <option key={n} value={n}>
              {t("revisions.number", { number: n })}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-naar`} className="block text-sm font-medium text-stone-800">
          {t("revisions.compare.to")}
        </label>
        <select id={`${id}-naar`} name="naar" defaultValue={String(to ?? "nu")} className={selectClass}>
          <option value="nu">{t("revisions.now")}</option>
          {numbers.map((n) => (
            <option key={n} value={n}>
              {t("revisions.number", { number: n })}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="rounded-md bg-stone-900 px-4 py-2 text-sm font-medium text-white hover:bg-stone-700">
        {t("revisions.compare.submit")}
      </button>
    </Form>
  );
}
