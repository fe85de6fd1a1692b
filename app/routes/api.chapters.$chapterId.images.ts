import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
} from "@remix-run/node";
import type { MessageKey } from "#app/common/i18n/catalogue.ts";
import { chapterDocumentAccess } from "#app/common/permissions.ts";
import { findChapterAccessFacts } from "#app/models/chapters.server.ts";
import { detectImageType, imageUrl, MAX_IMAGE_BYTES, storeImage } from "#app/models/images.server.ts";
import { getUser } from "#app/utils/auth.server.ts";
import { assertValidCsrf } from "#app/utils/csrf.server.ts";
import { getTranslator } from "#app/utils/i18n.server.ts";

/** Room for the multipart envelope and the CSRF field around the image itself. */
const ENVELOPE_BYTES = 64 * 1024;

/**
 * POST an image for a chapter (multipart: `file` and the `csrf` field) → `{ url }`. Only people
 * who may write the chapter; only PNG, JPEG, WebP or GIF by their bytes; at most 5 MiB.
 * Every refusal is JSON `{ message }` with a status the editor shows as it is.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const fail = async (status: number, key: MessageKey) =>
    Response.json({ message: (await getTranslator(request))(key) }, { status });

  const user = await getUser(request);
  if (!user) return fail(401, "error.loginRequired");
  if (Number(request.headers.get("Content-Length") ?? 0) > MAX_IMAGE_BYTES + ENVELOPE_BYTES) return fail(413, "upload.tooLarge");

  let form: FormData;
  try {
    // Any other body still gets its CSRF check (and then the "choose an image" answer).
    const multipart = (request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data");
    form = multipart
      ? await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_IMAGE_BYTES }))
      : await request.formData();
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return fail(413, "upload.tooLarge");
    return fail(400, "upload.missingFile");
  }
  try {
    await assertValidCsrf(request, form);
  } catch {
    return fail(403, "error.csrf");
  }
  // Like every action: the form (and its CSRF token) first, then what it asks for.
  const chapter = await findChapterAccessFacts(params.chapterId ?? "");
  if (!chapter) return fail(404, "error.notFound.text");
  if (chapterDocumentAccess(user, chapter) !== "write") return fail(403, "upload.forbidden");

  const file = form.get("file");
  if (!(file instanceof Blob) || file.size === 0) return fail(400, "upload.missingFile");
  const bytes = new Uint8Array(await file.arrayBuffer());
  const type = detectImageType(bytes);
  if (!type) return fail(415, "upload.wrongType");
  const name = await storeImage(bytes, type);
  console.info(JSON.stringify({ event: "image.uploaded", chapterId: chapter.id, userId: user.id, name, bytes: bytes.length }));
  return Response.json({ url: imageUrl(name) }, { status: 201 });
}
