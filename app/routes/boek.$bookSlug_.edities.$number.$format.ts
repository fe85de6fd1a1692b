import type { LoaderFunctionArgs } from "@remix-run/node";
import { findEditionFile } from "#app/models/editions.server.ts";
import { downloadHeaders } from "#app/models/export-jobs.server.ts";
import { notFound } from "#app/utils/http.server.ts";

/**
 * A frozen edition's EPUB or PDF (/boek/<book>/edities/<number>/<epub|pdf>), for anyone: editions
 * are what readers and orders get (issue #7). An edition's file never changes once made, so the
 * address may be cached; before the file exists it answers 404.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const bookSlug = params.bookSlug ?? "";
  const number = Number(params.number);
  const file = await findEditionFile(bookSlug, number, params.format ?? "");
  if (!file) throw await notFound(request);
  return new Response(new Uint8Array(file.bytes), {
    headers: downloadHeaders(file.format, `${bookSlug}-editie-${number}.${file.format}`, file.bytes.length, "public, max-age=86400"),
  });
}
