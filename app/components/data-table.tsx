import type { ReactNode } from "react";

export type DataTableColumn = {
  label: ReactNode;
  /** Numbers line up on the right. */
  numeric?: boolean;
  /** A column whose header is for screen readers only (a column of buttons, say). */
  hiddenLabel?: boolean;
};

/**
 * The one table shell of lists in Kapittel (admin, dashboard, revisions): a caption (for screen
 * readers unless `captionVisible`, or none when the table is labelled by a heading), column headers
 * with scope, and a horizontally scrolling frame on narrow screens. Rows are the caller's.
 */
export function DataTable({
  caption,
  captionVisible = false,
  labelledBy,
  columns,
  compact = false,
  children,
}: {
  caption?: ReactNode;
  captionVisible?: boolean;
  labelledBy?: string;
  columns: DataTableColumn[];
  /** Narrower cell padding, for tables with many columns. */
  compact?: boolean;
  children: ReactNode;
}) {
  const padding = compact ? "px-2" : "px-4";
  return (
    <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white shadow-sm">
      <table className="w-full text-left text-sm" aria-labelledby={labelledBy}>
        {caption ? <caption className={captionVisible ? "px-4 py-2 text-left text-sm text-stone-600" : "sr-only"}>{caption}</caption> : null}
        <thead className="border-b border-stone-200 bg-stone-50 text-stone-600">
          <tr>
            {columns.map((column, index) => (
              <th key={index} scope="col" className={`${padding} py-2 font-medium${column.numeric ? " text-right" : ""}`}>
                {column.hiddenLabel ? <span className="sr-only">{column.label}</span> : column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-200">{children}</tbody>
      </table>
    </div>
  );
}
