import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import { data } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useRouteError,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { SiteFooter, SiteHeader } from "#app/components/site-chrome.tsx";
import { ErrorPage } from "#app/components/error-page.tsx";
import { countUnreadNotifications } from "#app/models/notifications.server.ts";
import { getUser } from "#app/utils/auth.server.ts";
import { getCsrfToken } from "#app/utils/csrf.server.ts";
import { getLocale } from "#app/utils/i18n.server.ts";
import { pageTitle } from "#app/utils/meta.ts";
import { useNonce } from "#app/utils/nonce.tsx";
import { useLocale, useT } from "#app/utils/root-data.ts";
import stylesheet from "#app/styles/app.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

/** The title of pages without their own, and of error pages (a route's own meta replaces it). */
export const meta: MetaFunction = ({ error, matches }) => {
  if (!error) return [{ title: "Kapittel" }];
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return pageTitle(matches, status === 404 ? "error.notFound.title" : status === 403 ? "error.forbidden.title" : "error.title");
};

export async function loader({ request }: LoaderFunctionArgs) {
  const [user, locale, csrf] = await Promise.all([getUser(request), getLocale(request), getCsrfToken(request)]);
  // One indexed count, only for people who see the bell.
  const unreadNotifications = user ? await countUnreadNotifications(user.id) : 0;
  return data(
    {
      user: user && { id: user.id, name: user.name, email: user.email, role: user.role, organisations: user.organisations },
      unreadNotifications,
      locale,
      csrfToken: csrf.token,
    },
    csrf.setCookie ? { headers: { "Set-Cookie": csrf.setCookie } } : undefined,
  );
}

// The bell's unread count must follow the reader from page to page, so the root loader runs
// again on every navigation to another path, not only after a form was posted.
export const shouldRevalidate: ShouldRevalidateFunction = ({ currentUrl, nextUrl, defaultShouldRevalidate }) =>
  defaultShouldRevalidate || currentUrl.pathname !== nextUrl.pathname;

/** The document shell, shared by pages and error pages. */
export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const locale = useLocale();
  return (
    <html lang={locale} className="h-full">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="flex min-h-full flex-col font-sans antialiased">
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

function Chrome({ children }: { children: ReactNode }) {
  const t = useT();
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:px-3 focus:py-2"
      >
        {t("nav.skipToContent")}
      </a>
      <SiteHeader />
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 focus:outline-none">
        {children}
      </main>
      <SiteFooter />
    </>
  );
}

export default function App() {
  useLoaderData<typeof loader>();
  return (
    <Chrome>
      <Outlet />
    </Chrome>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  // Only expected responses (403, 404 …) carry their message to the page; anything else
  // is an internal error whose details stay in the server log, never in the browser.
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const message =
    isRouteErrorResponse(error) && typeof error.data?.message === "string" ? (error.data.message as string) : null;
  return (
    <Chrome>
      <ErrorPage status={status} message={message} />
    </Chrome>
  );
}
