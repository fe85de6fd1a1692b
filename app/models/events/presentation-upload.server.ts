import { MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import type { MessageKey } from "#app/common/i18n/catalogue.ts";
import { checkDocument, MAX_DOCUMENT_BYTES, storeDocument } from "#app/models/stored-files.server.ts";
import { assertValidCsrf } from "#app/utils/csrf.server.ts";
import { addPresentation } from "./manage.server.ts";

/** Room for the multipart envelope and the other fields around the file itself. */
const ENVELOPE_BYTES = 64 * 1024;

export type PresentationUploadResult =
  | { ok: true; title: string }
  | { ok: false; status: number; error: MessageKey };

/** Whether the request is a file upload (multipart) rather than an ordinary form. */
export function isMultipart(request: Request): boolean {
  return (request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data");
}

/**
 * Reads an uploaded presentation (multipart: `title`, `file`, `csrf`), checks its CSRF token,
 * checks the file is a PDF by its bytes and within MAX_DOCUMENT_BYTES, stores it by content hash
 * and adds it to the event. The caller has checked that the user manages events and the event exists.
 * An oversized body is refused before it is read into memory.
 */
export async function receivePresentation(request: Request, eventId: string, uploadedById: string): Promise<PresentationUploadResult> {
  if (Number(request.headers.get("Content-Length") ?? 0) > MAX_DOCUMENT_BYTES + ENVELOPE_BYTES) return { ok: false, status: 413, error: "events.manage.upload.tooLarge" };
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_DOCUMENT_BYTES }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return { ok: false, status: 413, error: "events.manage.upload.tooLarge" };
    return { ok: false, status: 400, error: "events.manage.upload.missingFile" };
  }
  await assertValidCsrf(request, form);
  const title = String(form.get("title") ?? "").trim();
  if (!title || title.length > 200) return { ok: false, status: 400, error: "events.manage.upload.titleRequired" };
  const file = form.get("file");
  if (!(file instanceof Blob) || file.size === 0) return { ok: false, status: 400, error: "events.manage.upload.missingFile" };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const check = checkDocument(bytes);
  if (!check.ok) {
    const error = check.reason === "tooLarge" ? "events.manage.upload.tooLarge" : check.reason === "empty" ? "events.manage.upload.empty" : "events.manage.upload.notPdf";
    return { ok: false, status: check.reason === "tooLarge" ? 413 : 415, error };
  }
  const name = await storeDocument(bytes);
  await addPresentation({ eventId, title, file: name, sizeBytes: bytes.length, uploadedById });
  console.info(JSON.stringify({ event: "event.presentation.uploaded", eventId, userId: uploadedById, name, bytes: bytes.length }));
  return { ok: true, title };
}
