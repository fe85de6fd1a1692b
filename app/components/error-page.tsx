import { Link } from "@remix-run/react";
import { useT } from "#app/utils/root-data.ts";

/** The page for a failed request: a Dutch (or English) explanation, never a stack trace. */
export function ErrorPage({ status, message }: { status: number; message: string | null }) {
  const t = useT();
  const title =
    status === 404 ? t("error.notFound.title") : status === 403 ? t("error.forbidden.title") : t("error.title");
  const text = message ?? (status === 404 ? t("error.notFound.text") : t("error.generic"));
  return (
    <section aria-labelledby="error-title" className="mx-auto max-w-xl py-12">
      <p className="text-sm font-semibold uppercase tracking-wide text-stone-500">{status}</p>
      <h1 id="error-title" className="mt-2 text-3xl font-semibold">
        {title}
      </h1>
      <p className="mt-4 text-lg" role={status >= 500 ? "alert" : undefined}>
        {text}
      </p>
      <p className="mt-8">
        <Link to="/" className="font-medium">
          {t("error.backHome")}
        </Link>
      </p>
    </section>
  );
}
