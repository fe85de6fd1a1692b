import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listBooks } from "#app/models/books.server.ts";
import { useT } from "#app/utils/root-data.ts";

export const meta: MetaFunction = () => [
  { title: "Kapittel" },
  { name: "description", content: "Samen schrijven aan boeken en kennis." },
];

export async function loader() {
  return { books: await listBooks() };
}

export default function Home() {
  const t = useT();
  const { books } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-10">
      <section aria-labelledby="home-title" className="max-w-2xl">
        <h1 id="home-title" className="text-4xl font-semibold tracking-tight">
          {t("home.title")}
        </h1>
        <p className="mt-4 text-lg text-stone-700">{t("home.intro")}</p>
      </section>
      <section aria-labelledby="books-title">
        <h2 id="books-title" className="text-2xl font-semibold">
          {t("home.books")}
        </h2>
        {books.length === 0 ? (
          <p className="mt-4">{t("home.noBooks")}</p>
        ) : (
          <ul className="mt-4 grid gap-4 sm:grid-cols-2">
            {books.map((book) => (
              <li key={book.id} className="rounded-lg border border-stone-200 bg-white p-5 shadow-sm">
                <h3 className="font-serif text-2xl font-semibold">
                  <Link to={`/boek/${book.slug}`} className="text-stone-900 no-underline hover:underline">
                    {book.title}
                  </Link>
                </h3>
                {book.subtitle && <p className="mt-1 text-stone-600">{book.subtitle}</p>}
                <p className="mt-3 line-clamp-4 text-stone-700">{book.blurb}</p>
                <p className="mt-4">
                  <Link to={`/boek/${book.slug}`} className="font-medium">
                    {t("home.readBook")} <span aria-hidden="true">→</span>
                  </Link>
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
