import { z } from "zod";

/**
 * Field schemas shared by several forms. Messages are catalogue keys (translated where they
 * are shown, see components/forms.tsx), so one schema serves the browser and the server.
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

export const emailSchema = z
  .string({ error: "form.required" })
  .trim()
  .min(1, { error: "form.required" })
  .max(254, { error: "form.tooLong" })
  .pipe(z.email({ error: "form.invalidEmail" }))
  .transform((email) => email.toLowerCase());

export const passwordSchema = z
  .string({ error: "form.required" })
  .min(PASSWORD_MIN_LENGTH, { error: "form.passwordTooShort" })
  .max(PASSWORD_MAX_LENGTH, { error: "form.tooLong" });

export const nameSchema = z
  .string({ error: "form.required" })
  .trim()
  .min(1, { error: "form.required" })
  .max(120, { error: "form.tooLong" });
