/**
 * Tells the server that suggestions were accepted or rejected, for the chapter's activity log
 * (app/routes/api.chapters.$chapterId.suggestions.ts). The decision itself already reached
 * everyone through the live document; a failed report loses only the log line, so it is not retried.
 */
export function reportSuggestionDecision({
  chapterId,
  csrfToken,
  decision,
  count,
  text,
}: {
  chapterId: string;
  csrfToken: string;
  decision: "accepted" | "rejected";
  count: number;
  /** The suggestion's text when one was decided (quoted in the log). */
  text?: string;
}): void {
  const body = new FormData();
  body.set("csrf", csrfToken);
  body.set("decision", decision);
  body.set("count", String(count));
  if (text) body.set("text", text.slice(0, 200));
  void fetch(`/api/chapters/${encodeURIComponent(chapterId)}/suggestions`, { method: "POST", body, credentials: "same-origin" }).catch(
    () => undefined,
  );
}
