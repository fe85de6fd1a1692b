import type { InputHTMLAttributes, LabelHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { useId } from "react";
import { translateMessage } from "#app/common/i18n/catalogue.ts";
import { useLocale } from "#app/utils/root-data.ts";

/** Field errors as conform reports them: catalogue keys (from zod schemas) or ready text. */
export type FieldErrors = string[] | undefined | null;

/** The errors under a field, translated, announced to screen readers. */
export function ErrorList({ id, errors }: { id?: string; errors: FieldErrors }) {
  const locale = useLocale();
  const shown = errors?.filter(Boolean) ?? [];
  if (shown.length === 0) return null;
  return (
    <ul id={id} className="mt-1 space-y-0.5 text-sm text-red-700">
      {shown.map((error) => (
        <li key={error}>{translateMessage(locale, error)}</li>
      ))}
    </ul>
  );
}

const inputClass =
  "block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base shadow-sm focus:border-[var(--color-accent)] focus:outline-none focus:ring-2 focus:ring-[var(--color-accent)]/30 aria-[invalid=true]:border-red-600";

type FieldShellProps = { label: ReactNode; help?: ReactNode; errors: FieldErrors; className?: string };

function useFieldIds(explicitId: string | undefined) {
  const fallback = useId();
  const id = explicitId ?? fallback;
  return { id, errorId: `${id}-error`, helpId: `${id}-help` };
}

function describedBy(ids: { errorId: string; helpId: string }, hasErrors: boolean, hasHelp: boolean) {
  return [hasHelp ? ids.helpId : null, hasErrors ? ids.errorId : null].filter(Boolean).join(" ") || undefined;
}

/** The accessibility attributes a control needs to point at its help text and errors. */
type ControlWiring = { id: string; "aria-invalid"?: true; "aria-describedby"?: string };

/**
 * Label, help text and errors around one control, wired up for assistive technology: the
 * control gets its id, `aria-invalid` and `aria-describedby` from `renderControl`'s argument.
 */
function FieldShell({
  label,
  help,
  errors,
  className,
  controlId,
  labelProps,
  renderControl,
}: FieldShellProps & {
  controlId: string | undefined;
  labelProps?: LabelHTMLAttributes<HTMLLabelElement>;
  renderControl: (wiring: ControlWiring) => ReactNode;
}) {
  const ids = useFieldIds(controlId);
  const hasErrors = Boolean(errors?.length);
  return (
    <div className={className}>
      <label htmlFor={ids.id} className="mb-1 block text-sm font-medium text-stone-800" {...labelProps}>
        {label}
      </label>
      {renderControl({
        id: ids.id,
        "aria-invalid": hasErrors || undefined,
        "aria-describedby": describedBy(ids, hasErrors, Boolean(help)),
      })}
      {help && (
        <p id={ids.helpId} className="mt-1 text-sm text-stone-600">
          {help}
        </p>
      )}
      <ErrorList id={ids.errorId} errors={errors} />
    </div>
  );
}

/** A labelled text input with its help text and errors. */
export function Field({
  inputProps,
  labelProps,
  ...shell
}: FieldShellProps & { inputProps: InputHTMLAttributes<HTMLInputElement>; labelProps?: LabelHTMLAttributes<HTMLLabelElement> }) {
  return (
    <FieldShell
      {...shell}
      controlId={inputProps.id}
      labelProps={labelProps}
      renderControl={(wiring) => <input {...inputProps} {...wiring} className={inputClass} />}
    />
  );
}

/** A labelled multi-line text field. */
export function TextareaField({
  textareaProps,
  ...shell
}: FieldShellProps & { textareaProps: TextareaHTMLAttributes<HTMLTextAreaElement> }) {
  return (
    <FieldShell
      {...shell}
      controlId={textareaProps.id}
      renderControl={(wiring) => <textarea rows={4} {...textareaProps} {...wiring} className={inputClass} />}
    />
  );
}

/** A labelled select with its options. */
export function SelectField({
  selectProps,
  options,
  ...shell
}: FieldShellProps & {
  selectProps: SelectHTMLAttributes<HTMLSelectElement>;
  options: { value: string; label: string }[];
}) {
  return (
    <FieldShell
      {...shell}
      controlId={selectProps.id}
      renderControl={(wiring) => (
        <select {...selectProps} {...wiring} className={inputClass}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    />
  );
}

/** A labelled checkbox. */
export function CheckboxField({
  label,
  errors,
  className,
  inputProps,
}: Omit<FieldShellProps, "help"> & { inputProps: InputHTMLAttributes<HTMLInputElement> }) {
  const ids = useFieldIds(inputProps.id);
  const hasErrors = Boolean(errors?.length);
  return (
    <div className={className}>
      <div className="flex items-center gap-2">
        <input
          {...inputProps}
          type="checkbox"
          id={ids.id}
          aria-invalid={hasErrors || undefined}
          aria-describedby={hasErrors ? ids.errorId : undefined}
          className="h-4 w-4 rounded border-stone-400"
        />
        <label htmlFor={ids.id} className="text-sm text-stone-800">
          {label}
        </label>
      </div>
      <ErrorList id={ids.errorId} errors={errors} />
    </div>
  );
}

/** The primary button of a form; shows it is busy while submitting. */
export function SubmitButton({ children, busy, className = "" }: { children: ReactNode; busy?: boolean; className?: string }) {
  return (
    <button
      type="submit"
      disabled={busy}
      aria-disabled={busy || undefined}
      className={`inline-flex items-center rounded-md bg-[var(--color-accent)] px-4 py-2 font-medium text-white shadow-sm hover:bg-[var(--color-accent-dark)] disabled:opacity-60 ${className}`}
    >
      {children}
    </button>
  );
}

/** A message at the top of a form (errors that belong to no single field, or a success note). */
export function FormMessage({ tone, children, id }: { tone: "error" | "success"; children: ReactNode; id?: string }) {
  const classes = tone === "error" ? "border-red-300 bg-red-50 text-red-800" : "border-green-300 bg-green-50 text-green-900";
  return (
    <div id={id} role={tone === "error" ? "alert" : "status"} className={`rounded-md border px-4 py-3 text-sm ${classes}`}>
      {children}
    </div>
  );
}

/** The errors of a whole form (not of one field), translated, as an alert above the fields. */
export function FormErrors({ id, errors }: { id?: string; errors: FieldErrors }) {
  const locale = useLocale();
  const shown = errors?.filter(Boolean) ?? [];
  if (shown.length === 0) return null;
  return (
    <FormMessage tone="error" id={id}>
      {shown.map((error) => translateMessage(locale, error)).join(" ")}
    </FormMessage>
  );
}
