import { useCsrfToken } from "#app/utils/root-data.ts";

/** The hidden CSRF field; put it in every form that changes something. */
export function CsrfInput() {
  return <input type="hidden" name="csrf" value={useCsrfToken()} />;
}
