import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "#app/utils/db.server.ts";
import { notFound } from "#app/utils/http.server.ts";
import { generatedCoverSvg } from "#server/export/epub/cover-image.ts";

/**
 * The typeset cover of a book without a cover image (/boek/<book>/omslag.svg): the same one the
 * EPUB carries, so the book page and the e-book look alike. Its text is escaped for XML.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const book = await db.book.findUnique({
    where: { slug: params.bookSlug ?? "" },
    select: { title: true, subtitle: true, editors: true, publisher: true },
  });
  if (!book) throw await notFound(request);
  return new Response(generatedCoverSvg(book), {
    headers: { "Content-Type": "image/svg+xml; charset=utf-8", "Cache-Control": "public, max-age=3600" },
  });
}
