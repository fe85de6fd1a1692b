/** Button looks shared by the comment forms (Tailwind; the accent colour as the site's forms use it). */
export const primaryButton =
  "inline-flex items-center rounded-md bg-[var(--color-accent)] px-3 py-1.5 text-xs font-medium text-white shadow-sm hover:bg-[var(--color-accent-dark)] disabled:opacity-50";
export const secondaryButton =
  "inline-flex items-center rounded-md border border-stone-300 bg-white px-3 py-1.5 text-xs font-medium text-stone-800 hover:bg-stone-100 disabled:opacity-50";
