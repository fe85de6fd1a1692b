import { useFetcher } from "@remix-run/react";
import { useId, useState } from "react";
import { CsrfInput } from "#app/components/csrf-input.tsx";
import { FormMessage, SubmitButton } from "#app/components/forms.tsx";
import { useT } from "#app/utils/root-data.ts";
import type { LogoReply } from "#app/routes/admin.organisaties.$organisationId_.logo.ts";

/** The upload limit the server enforces (app/models/images.server.ts MAX_IMAGE_BYTES), checked here first. */
const MAX_LOGO_BYTES = 5 * 1024 * 1024;

/**
 * An organisation's logo on its admin page: the current one, a file field to replace it and a
 * button to remove it. Posts to /admin/organisaties/<id>/logo; the page reloads its data after.
 */
export function OrganisationLogoForm({ organisationId, name, logoUrl, canManage }: { organisationId: string; name: string; logoUrl: string | null; canManage: boolean }) {
  const t = useT();
  const upload = useFetcher<LogoReply>();
  const remove = useFetcher<LogoReply>();
  const [clientError, setClientError] = useState<string | null>(null);
  const [last, setLast] = useState<"upload" | "remove">("upload");
  const fileId = useId();
  const helpId = useId();
  const errorId = useId();
  const action = `/admin/organisaties/${organisationId}/logo`;
  const reply = clientError ? { ok: false, message: clientError } : last === "remove" ? remove.data : upload.data;
  return (
    <div className="flex flex-wrap items-start gap-6">
      {/* A fixed box, so nothing moves while the image loads, whatever its proportions. */}
      <div className="flex h-24 w-48 shrink-0 items-center justify-center rounded border border-stone-200 bg-white p-2">
        {logoUrl ? (
          <img src={logoUrl} alt={name} width={176} height={80} className="h-full w-full object-contain" />
        ) : (
          <p className="text-center text-sm text-stone-600">{t("admin.organisation.logo.none")}</p>
        )}
      </div>
      {canManage ? (
        <div className="min-w-64 flex-1 space-y-3">
          {reply ? (
            <FormMessage id={errorId} tone={reply.ok ? "success" : "error"}>
              {reply.message}
            </FormMessage>
          ) : null}
          <upload.Form
            method="post"
            action={action}
            encType="multipart/form-data"
            className="space-y-3"
            onSubmit={(event) => {
              const file = (event.currentTarget.elements.namedItem("logo") as HTMLInputElement | null)?.files?.[0];
              const problem = !file ? "admin.organisation.logo.missing" : file.size > MAX_LOGO_BYTES ? "admin.organisation.logo.tooLarge" : null;
              setClientError(problem && t(problem));
              setLast("upload");
              if (problem) event.preventDefault();
            }}
          >
            <CsrfInput />
            <input type="hidden" name="intent" value="upload" />
            <div>
              <label htmlFor={fileId} className="mb-1 block text-sm font-medium text-stone-800">
                {t("admin.organisation.logo.file")}
              </label>
              <input
                id={fileId}
                name="logo"
                type="file"
                accept="image/png,image/jpeg,image/webp,image/gif"
                aria-describedby={reply && !reply.ok ? `${helpId} ${errorId}` : helpId}
                className="block w-full text-sm"
              />
              <p id={helpId} className="mt-1 text-sm text-stone-600">
                {t("admin.organisation.logo.help")}
              </p>
            </div>
            <SubmitButton busy={upload.state !== "idle"}>{t("admin.organisation.logo.upload")}</SubmitButton>
          </upload.Form>
          {logoUrl ? (
            <remove.Form
              method="post"
              action={action}
              onSubmit={() => {
                setClientError(null);
                setLast("remove");
              }}
            >
              <CsrfInput />
              <input type="hidden" name="intent" value="remove" />
              <button type="submit" disabled={remove.state !== "idle"} className="rounded-md px-2 py-1 text-sm text-red-700 hover:bg-red-50">
                {t("admin.organisation.logo.remove")}
              </button>
            </remove.Form>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
