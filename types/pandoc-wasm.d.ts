// pandoc-wasm 1.1.0 ships no type declarations; this covers the part Kapittel uses.
declare module "pandoc-wasm" {
  /** Pandoc options as in a defaults file, e.g. `{ from: "json", to: "html5" }`. */
  export type PandocOptions = Record<string, unknown>;
  export type PandocResult = {
    stdout: string;
    stderr: string;
    warnings: unknown[];
    files: Record<string, Blob | string>;
    mediaFiles: Record<string, Blob>;
  };
  /** Runs one conversion. Not re-entrant: one call at a time per instance (per thread). */
  export function convert(options: PandocOptions, stdin: string | null, files: Record<string, Blob | string>): Promise<PandocResult>;
  export function query(options: { query: string; format?: string }): Promise<unknown>;
}
