import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "#app/utils/http.server.ts";

/** Every path no other route claims: a 404 shown (and titled) by the root error boundary. */
export async function loader({ request }: LoaderFunctionArgs) {
  throw await notFound(request);
}

export default function NotFound() {
  return null;
}
