import type { LoaderFunctionArgs } from "@remix-run/node";
import { readImage } from "#app/models/images.server.ts";

/**
 * An uploaded image by its content-hash name. The name changes whenever the bytes do, so the
 * response may be cached forever. `X-Content-Type-Options: nosniff` (which keeps a browser from
 * reading the bytes as anything but the declared image type) comes from the security headers
 * that server/http/security-headers.ts puts on every response; setting it here too would send it twice.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const image = await readImage(params.name ?? "");
  if (!image) return new Response("Niet gevonden", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(new Uint8Array(image.bytes), {
    headers: {
      "Content-Type": image.contentType,
      "Content-Length": String(image.bytes.length),
      "Cache-Control": "public, max-age=31536000, immutable",
    },
  });
}
