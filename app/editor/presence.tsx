import { useEffect, useState } from "react";
import type { WebsocketProvider } from "y-websocket";
import type { Translate } from "#app/common/i18n/catalogue.ts";
import type { ConnectionState } from "./chapter-connection.ts";
import { CLOSE_CODES } from "#app/common/collab.ts";
import type { MessageKey } from "#app/common/i18n/catalogue.ts";

/** The person behind an editor, as shown to the others (awareness `user` field). */
export type PresenceUser = { id: string; name: string; color: string };

/** Everyone with this chapter open (from awareness), one entry per person however many tabs. */
export function usePresentUsers(provider: WebsocketProvider): { user: PresenceUser; self: boolean }[] {
  const read = () => {
    const seen = new Map<string, { user: PresenceUser; self: boolean }>();
    for (const [clientId, state] of provider.awareness.getStates()) {
      const user = (state as { user?: PresenceUser }).user;
      if (!user?.name) continue;
      const self = clientId === provider.awareness.clientID;
      const key = user.id ?? user.name;
      if (!seen.has(key) || self) seen.set(key, { user, self });
    }
    return [...seen.values()].sort((a, b) => Number(b.self) - Number(a.self) || a.user.name.localeCompare(b.user.name));
  };
  const [present, setPresent] = useState(read);
  useEffect(() => {
    const update = () => setPresent(read());
    provider.awareness.on("change", update);
    update();
    return () => provider.awareness.off("change", update);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [provider]);
  return present;
}

/** Names and colours of everyone in the chapter. */
export function PresentUsers({ provider, t }: { provider: WebsocketProvider; t: Translate }) {
  const present = usePresentUsers(provider);
  return (
    <div className="flex flex-wrap items-center gap-2" aria-live="polite">
      <span className="text-sm text-stone-600">{t("editor.present")}:</span>
      <ul className="flex flex-wrap gap-2" data-testid="present-users">
        {present.map(({ user, self }) => (
          <li key={user.id ?? user.name} className="flex items-center gap-1 rounded-full border border-stone-300 px-2 py-0.5 text-sm">
            <span aria-hidden="true" className="inline-block size-2.5 rounded-full" style={{ backgroundColor: user.color }} />
            {self ? t("editor.you", { name: user.name }) : user.name}
          </li>
        ))}
      </ul>
    </div>
  );
}

const CLOSE_MESSAGES: Record<number, MessageKey> = {
  [CLOSE_CODES.sessionExpired]: "editor.status.sessionExpired",
  [CLOSE_CODES.forbidden]: "editor.status.forbidden",
  [CLOSE_CODES.notFound]: "editor.status.notFound",
  [CLOSE_CODES.tooManyMessages]: "editor.status.tooManyMessages",
  [CLOSE_CODES.malformedMessage]: "editor.status.malformedMessage",
  [CLOSE_CODES.tooManyConnections]: "editor.status.tooManyConnections",
  [CLOSE_CODES.serverShutdown]: "editor.status.serverShutdown",
  [CLOSE_CODES.notASuggestion]: "editor.status.notASuggestion",
  [CLOSE_CODES.accessChanged]: "editor.status.accessChanged",
};

/** The connection state in words a person understands, with the reason for the last close. */
export function ConnectionStatus({ state, t }: { state: ConnectionState; t: Translate }) {
  const reason = "closeCode" in state && state.closeCode !== undefined ? CLOSE_MESSAGES[state.closeCode] : undefined;
  const headline: Record<ConnectionState["kind"], MessageKey> = {
    connecting: "editor.status.connecting",
    connected: "editor.status.connected",
    offline: "editor.status.offline",
    reconnecting: "editor.status.reconnecting",
    closed: reason ?? "editor.status.forbidden",
  };
  const tone =
    state.kind === "connected" ? "bg-green-600" : state.kind === "closed" ? "bg-red-600" : state.kind === "offline" ? "bg-stone-500" : "bg-amber-500";
  return (
    <p role="status" className="flex items-center gap-2 text-sm" data-connection={state.kind}>
      <span aria-hidden="true" className={`inline-block size-2.5 rounded-full ${tone}`} />
      <span>
        <span className="sr-only">{t("editor.status.label")}: </span>
        {t(headline[state.kind])}
        {state.kind === "reconnecting" && reason && <span className="text-stone-600"> {t(reason)}</span>}
      </span>
    </p>
  );
}
