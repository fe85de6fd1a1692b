import { NavLink, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { useUnreadNotificationCount, useT } from "#app/utils/root-data.ts";

/** How often an open, visible tab asks for a fresh count. */
const REFRESH_INTERVAL_MS = 60_000;

/**
 * The bell in the header: a link to the notifications with the unread count. The count comes
 * from the root loader, which runs again on every navigation; in between, a visible tab
 * revalidates once a minute (and when it becomes visible again), a hidden one not at all.
 */
export function NotificationBell() {
  const t = useT();
  const count = useUnreadNotificationCount();
  useRefreshWhileVisible();
  const label = count > 0 ? t("notifications.bell.label", { count }) : t("notifications.bell.labelNone");
  return (
    <NavLink
      to="/meldingen"
      aria-label={label}
      title={label}
      className={({ isActive }) =>
        `relative inline-flex items-center rounded px-2 py-1 text-stone-700 no-underline hover:bg-stone-100 hover:text-stone-900 ${isActive ? "bg-stone-100 text-stone-900" : ""}`
      }
    >
      <BellIcon />
      {count > 0 ? (
        // The number is in the link's name already; this is the picture of it.
        <span
          aria-hidden="true"
          data-testid="notification-count"
          className="ml-0.5 min-w-5 rounded-full bg-red-700 px-1.5 text-center text-xs font-semibold leading-5 text-white"
        >
          {count > 99 ? "99+" : count}
        </span>
      ) : null}
    </NavLink>
  );
}

function useRefreshWhileVisible() {
  const revalidator = useRevalidator();
  // The revalidator object changes with its state; keep the effect on the stable function.
  const revalidate = revalidator.revalidate;
  const idle = revalidator.state === "idle";
  useEffect(() => {
    const refresh = () => {
      if (document.visibilityState === "visible" && idle) revalidate();
    };
    const timer = window.setInterval(refresh, REFRESH_INTERVAL_MS);
    const onVisible = () => {
      if (document.visibilityState === "visible") refresh();
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [revalidate, idle]);
}

function BellIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
      <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}
