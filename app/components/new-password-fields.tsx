import { getInputProps, type FieldMetadata } from "@conform-to/react";
import type { MessageKey } from "#app/common/i18n/catalogue.ts";
import { Field } from "#app/components/forms.tsx";
import { useT } from "#app/utils/root-data.ts";

/**
 * Choosing a password: the password with its rule, and the repeat. Marked `new-password` so
 * password managers offer to generate and save one.
 */
export function NewPasswordFields({
  password,
  confirm,
  label = "auth.password",
}: {
  password: FieldMetadata<string>;
  confirm: FieldMetadata<string>;
  label?: MessageKey;
}) {
  const t = useT();
  const { key: passwordKey, ...passwordProps } = getInputProps(password, { type: "password" });
  const { key: confirmKey, ...confirmProps } = getInputProps(confirm, { type: "password" });
  return (
    <>
      <Field
        key={passwordKey}
        label={t(label)}
        help={t("auth.passwordHelp")}
        errors={password.errors}
        inputProps={{ ...passwordProps, autoComplete: "new-password" }}
      />
      <Field
        key={confirmKey}
        label={t("auth.confirmPassword")}
        errors={confirm.errors}
        inputProps={{ ...confirmProps, autoComplete: "new-password" }}
      />
    </>
  );
}
