import type { LoaderFunctionArgs } from "@remix-run/node";
import { readDocument } from "#app/models/stored-files.server.ts";

/**
 * A stored document (PDF) by its content-hash name. Sent as an attachment so it is saved rather
 * than shown inside our origin; the name changes whenever the bytes do, so it may be cached forever.
 * A `?naam=` parameter gives the file a readable name when saved.
 */
export async function loader({ params, request }: LoaderFunctionArgs) {
  const bytes = await readDocument(params.name ?? "");
  if (!bytes) return new Response("Niet gevonden", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const requested = new URL(request.url).searchParams.get("naam") ?? "";
  const fileName = `${requested.replace(/[^\p{L}\p{N} ._-]/gu, "").trim().slice(0, 100) || "document"}.pdf`.replace(/\.pdf\.pdf$/, ".pdf");
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(bytes.length),
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "Cache-Control": "public, max-age=31536000, immutable",
    },
  });
}
