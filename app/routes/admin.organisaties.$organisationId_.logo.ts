import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
} from "@remix-run/node";
import type { MessageKey } from "#app/common/i18n/catalogue.ts";
import { MAX_IMAGE_BYTES } from "#app/models/images.server.ts";
import { removeOrganisationLogo, setOrganisationLogo } from "#app/models/organisations.server.ts";
import { hasPermission } from "#app/common/permissions.ts";
import { getUser } from "#app/utils/auth.server.ts";
import { assertValidCsrf } from "#app/utils/csrf.server.ts";
import { getTranslator } from "#app/utils/i18n.server.ts";

/** Room for the multipart envelope and the CSRF field around the image itself. */
const ENVELOPE_BYTES = 64 * 1024;

/** What the logo form (app/components/organisation-logo-form.tsx) gets back. */
export type LogoReply = { ok: boolean; message: string };

/**
 * POST an organisation's logo (multipart: `intent=upload`, `logo`, `csrf`) or take it off
 * (`intent=remove`). Admins only; PNG, JPEG, WebP or GIF by their bytes; at most 5 MiB.
 * Answers JSON `{ ok, message }` with a status that says what went wrong.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const t = await getTranslator(request);
  const reply = (status: number, ok: boolean, key: MessageKey) => Response.json({ ok, message: t(key) } satisfies LogoReply, { status });
  const user = await getUser(request);
  if (!user) return reply(401, false, "error.loginRequired");
  if (!hasPermission(user.role, "manage:organisation:any")) return reply(403, false, "error.forbidden");

  let form: FormData;
  if ((request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) {
    if (Number(request.headers.get("Content-Length") ?? 0) > MAX_IMAGE_BYTES + ENVELOPE_BYTES) return reply(413, false, "admin.organisation.logo.tooLarge");
    try {
      form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_IMAGE_BYTES }));
    } catch (error) {
      if (error instanceof MaxPartSizeExceededError) return reply(413, false, "admin.organisation.logo.tooLarge");
      return reply(400, false, "admin.organisation.logo.missing");
    }
  } else {
    try {
      form = await request.formData();
    } catch {
      return reply(400, false, "error.csrf");
    }
  }
  // A resource route answers with its own JSON: the guard's thrown page response would not be rendered.
  try {
    await assertValidCsrf(request, form);
  } catch {
    return reply(403, false, "error.csrf");
  }

  const organisationId = params.organisationId ?? "";
  const intent = form.get("intent");
  if (intent === "remove") {
    if ((await removeOrganisationLogo(organisationId)) === "not-found") return reply(404, false, "error.notFound.text");
    console.info(JSON.stringify({ event: "organisation.logo-removed", organisationId, userId: user.id }));
    return reply(200, true, "admin.organisation.logo.removed");
  }
  if (intent !== "upload") return reply(400, false, "admin.unknownIntent");
  const file = form.get("logo");
  if (!(file instanceof Blob) || file.size === 0) return reply(400, false, "admin.organisation.logo.missing");
  const bytes = new Uint8Array(await file.arrayBuffer());
  const saved = await setOrganisationLogo(organisationId, bytes);
  if (saved === "not-found") return reply(404, false, "error.notFound.text");
  if (saved === "wrong-type") return reply(415, false, "admin.organisation.logo.wrongType");
  console.info(JSON.stringify({ event: "organisation.logo-set", organisationId, userId: user.id, bytes: bytes.length }));
  return reply(201, true, "admin.organisation.logo.saved");
}
