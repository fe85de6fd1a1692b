import {
  MaxPartSizeExceededError,
  unstable_composeUploadHandlers,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type UploadHandler,
} from "@remix-run/node";
import type { MessageKey } from "#app/common/i18n/catalogue.ts";
import { assertValidCsrf, readForm } from "#app/utils/csrf.server.ts";
import { db, type DbTransaction } from "#app/utils/db.server.ts";
import { lockRow } from "#app/utils/row-lock.server.ts";
import { httpError } from "#app/utils/http.server.ts";
import { checkDocument, documentUrl, MAX_DOCUMENT_BYTES, storeDocument } from "./stored-files.server.ts";

/**
 * PDF attachments of a tool (a model by-law, a form, a report): checked by their bytes, stored by
 * content hash (stored-files.server.ts), listed on the tool page in the editors' order.
 */

/** Room for the other fields of a form around one document (a submission's text is at most ~40 KB). */
const FORM_ENVELOPE_BYTES = 512 * 1024;
const MAX_TEXT_PART_BYTES = 64 * 1024;

/** An uploaded document as the form handed it over: its bytes, or why it was not kept. */
export type DocumentUpload = { ok: true; bytes: Uint8Array } | { ok: false; error: MessageKey } | null;

const DOCUMENT_ERRORS: Record<"empty" | "tooLarge" | "notPdf", MessageKey> = {
  empty: "toolSubmissions.attachment.empty",
  tooLarge: "toolSubmissions.attachment.tooLarge",
  notPdf: "toolSubmissions.attachment.notPdf",
};

/**
 * Reads a form that may carry one PDF in `fileField` (multipart) and checks its CSRF token, like
 * readForm does for plain forms. An oversized file is read to its end and dropped, so the rest of
 * the form survives and the person sees a message next to the field instead of losing their text.
 */
export async function readFormWithDocument(request: Request, fileField: string): Promise<{ form: FormData; document: DocumentUpload }> {
  const type = request.headers.get("Content-Type") ?? "";
  if (!type.startsWith("multipart/form-data")) return { form: await readForm(request), document: null };
  if (Number(request.headers.get("Content-Length") ?? 0) > MAX_DOCUMENT_BYTES + FORM_ENVELOPE_BYTES) {
    throw await httpError(request, 413, "toolSubmissions.attachment.tooLarge");
  }
  let document: DocumentUpload = null;
  const documentHandler: UploadHandler = async ({ name, filename, data }) => {
    if (name !== fileField || filename === undefined) return undefined;
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of data) {
      size += chunk.length;
      if (size <= MAX_DOCUMENT_BYTES) chunks.push(chunk);
    }
    // A file input left empty still sends a part: no name, no bytes.
    if (!filename && size === 0) return "";
    if (size > MAX_DOCUMENT_BYTES) document = { ok: false, error: DOCUMENT_ERRORS.tooLarge };
    else {
      const bytes = Buffer.concat(chunks);
      const check = checkDocument(bytes);
      document = check.ok ? { ok: true, bytes: new Uint8Array(bytes) } : { ok: false, error: DOCUMENT_ERRORS[check.reason] };
    }
    return "";
  };
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(
      request,
      unstable_composeUploadHandlers(documentHandler, unstable_createMemoryUploadHandler({ maxPartSize: MAX_TEXT_PART_BYTES })),
    );
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) throw await httpError(request, 413, "toolSubmissions.error.formTooLarge");
    throw await httpError(request, 400, "error.csrf");
  }
  await assertValidCsrf(request, form);
  return { form, document };
}

/** Stores a checked PDF and adds it to the tool, after its other attachments. */
export async function addToolAttachment(toolId: string, title: string, bytes: Uint8Array) {
  const file = await storeDocument(bytes);
  return db.$transaction((tx) => appendAttachment(tx, toolId, { title, file, sizeBytes: bytes.length }));
}

/**
 * Adds an already stored PDF as the tool's last attachment (inside the caller's transaction). The
 * tool's row is locked first, so two uploads at the same moment get different positions.
 */
export async function appendAttachment(tx: DbTransaction, toolId: string, attachment: { title: string; file: string; sizeBytes: number }) {
  await lockRow(tx, "Tool", toolId);
  const last = await tx.toolAttachment.findFirst({ where: { toolId }, orderBy: { position: "desc" }, select: { position: true } });
  return tx.toolAttachment.create({ data: { toolId, ...attachment, contentType: "application/pdf", position: (last?.position ?? 0) + 1 } });
}

/** A tool's attachments in their order, each with its download address. */
export async function listToolAttachments(toolId: string) {
  const attachments = await db.toolAttachment.findMany({
    where: { toolId },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: { id: true, title: true, file: true, sizeBytes: true, contentType: true },
  });
  return attachments.map((attachment) => ({ ...attachment, url: attachmentUrl(attachment.file, attachment.title) }));
}

/** Where an attachment is downloaded, saved under its title. */
export function attachmentUrl(file: string, title: string): string {
  return `${documentUrl(file)}?naam=${encodeURIComponent(title)}`;
}

/** Moves an attachment one place up or down within its tool; false when it is not the tool's. */
export async function moveToolAttachment(toolId: string, attachmentId: string, direction: "up" | "down"): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const attachments = await tx.toolAttachment.findMany({ where: { toolId }, orderBy: [{ position: "asc" }, { createdAt: "asc" }], select: { id: true } });
    const index = attachments.findIndex((attachment) => attachment.id === attachmentId);
    if (index < 0) return false;
    const target = direction === "up" ? index - 1 : index + 1;
    if (target < 0 || target >= attachments.length) return true;
    const order = attachments.map((attachment) => attachment.id);
    [order[index], order[target]] = [order[target]!, order[index]!];
    // Renumbering them all also repairs equal positions left by concurrent additions.
    for (const [position, id] of order.entries()) await tx.toolAttachment.update({ where: { id }, data: { position: position + 1 } });
    return true;
  });
}

/** Removes an attachment from a tool (the stored file stays: another tool may share its bytes). */
export async function removeToolAttachment(toolId: string, attachmentId: string): Promise<boolean> {
  const { count } = await db.toolAttachment.deleteMany({ where: { id: attachmentId, toolId } });
  return count > 0;
}

/** A size as people read it: "84 kB", "2,4 MB". */
export function formatFileSize(bytes: number, locale: "nl" | "en"): string {
  const format = (value: number, digits: number) => new Intl.NumberFormat(locale === "nl" ? "nl-NL" : "en-GB", { maximumFractionDigits: digits }).format(value);
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${format(bytes / 1000, 0)} kB`;
  return `${format(bytes / 1_000_000, 1)} MB`;
}
