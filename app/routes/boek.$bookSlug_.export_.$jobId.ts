import type { LoaderFunctionArgs } from "@remix-run/node";
import { canManageExports, downloadFileName, downloadHeaders, findExportJob, isExportFormat, readExportFile } from "#app/models/export-jobs.server.ts";
import { requireUser } from "#app/utils/auth.server.ts";
import { forbidden, notFound } from "#app/utils/http.server.ts";

/**
 * The file an export job made (/boek/<book>/export/<job>), as a download. Exports of the live book
 * (draft or published) are for editors and admins: a draft holds unpublished text. An export of a
 * frozen edition is as public as the edition itself (boek.$bookSlug_.edities.$number.$format.ts).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const job = await findExportJob(params.jobId ?? "");
  if (!job || job.book.slug !== params.bookSlug) throw await notFound(request);
  if (job.scope !== "edition") {
    const user = await requireUser(request);
    if (!canManageExports(user.role)) throw await forbidden(request, "exports.forbidden");
  }
  if (job.status !== "done" || !job.file || !isExportFormat(job.format)) throw await notFound(request);
  const bytes = await readExportFile(job.file);
  if (!bytes) throw await notFound(request);
  const cache = job.scope === "edition" ? "public, max-age=86400" : "private, no-cache";
  return new Response(new Uint8Array(bytes), {
    headers: downloadHeaders(job.format, downloadFileName(job.book.slug, job), bytes.length, cache),
  });
}
