import { useCallback, useEffect, useRef, useState } from "react";
import { subscribeToChapterEvents } from "./chapter-events.ts";
import type { CommentThreadData } from "./types.ts";

export function commentsUrl(chapterId: string): string {
  return `/api/chapters/${encodeURIComponent(chapterId)}/comments`;
}

/** The outcome of a comment action: ok, or the server's message to show. */
export type CommentActionResult = { ok: true; threadId?: string } | { ok: false; message: string };

/**
 * A chapter's comment threads, kept current: fetched once, then again whenever the server says
 * the comments changed (someone else's comment arrives without a reload) or the event stream
 * reconnects. `send` posts an action with the CSRF token and refetches.
 */
export function useCommentThreads(chapterId: string, enabled: boolean, csrfToken: string) {
  const [threads, setThreads] = useState<CommentThreadData[]>([]);
  const [loadFailed, setLoadFailed] = useState(false);
  // Answers can overtake each other; only the newest request may set the list.
  const generation = useRef(0);

  const load = useCallback(async () => {
    const mine = ++generation.current;
    try {
      const response = await fetch(commentsUrl(chapterId), { headers: { Accept: "application/json" } });
      if (!response.ok) throw new Error(String(response.status));
      const body = (await response.json()) as { threads: CommentThreadData[] };
      if (mine === generation.current) {
        setThreads(body.threads);
        setLoadFailed(false);
      }
    } catch {
      if (mine === generation.current) setLoadFailed(true);
    }
  }, [chapterId]);

  useEffect(() => {
    if (!enabled) return;
    void load();
    return subscribeToChapterEvents(chapterId, (event) => {
      if (event.type === "comments" || event.type === "open") void load();
    });
  }, [chapterId, enabled, load]);

  const send = useCallback(
    async (fields: Record<string, string | string[]>): Promise<CommentActionResult> => {
      const body = new URLSearchParams({ csrf: csrfToken });
      for (const [name, value] of Object.entries(fields)) {
        for (const item of Array.isArray(value) ? value : [value]) body.append(name, item);
      }
      try {
        const response = await fetch(commentsUrl(chapterId), { method: "POST", body, headers: { Accept: "application/json" } });
        const answer = (await response.json().catch(() => ({}))) as { message?: string; threadId?: string };
        if (!response.ok) return { ok: false, message: answer.message ?? String(response.status) };
        void load();
        return { ok: true, threadId: answer.threadId };
      } catch (error) {
        return { ok: false, message: error instanceof Error ? error.message : String(error) };
      }
    },
    [chapterId, csrfToken, load],
  );

  return { threads, loadFailed, send };
}
