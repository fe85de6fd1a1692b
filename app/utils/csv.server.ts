/**
 * CSV for spreadsheet programs (RFC 4180): every cell quoted, so commas, semicolons, quotes and
 * line breaks inside a value stay in their cell; CRLF between rows; UTF-8 with a byte-order mark,
 * without which Excel reads the file as Windows-1252 and garbles every accent.
 */

/** One cell. Text that starts like a formula (= + - @ tab CR) gets a leading apostrophe, so a
 * spreadsheet shows it instead of running it (CSV injection); numbers are ours and stay as they are. */
export function csvCell(value: string | number): string {
  if (typeof value === "number") return `"${String(value)}"`;
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** A whole file: the header row first, then the rows. */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/** The headers of a CSV download: an attachment, never kept by a shared cache (personal data). */
export function csvResponse(csv: string, filename: string): Response {
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
