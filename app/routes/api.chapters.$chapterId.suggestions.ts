import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import type { MessageKey } from "#app/common/i18n/catalogue.ts";
import { chapterDocumentAccess } from "#app/common/permissions.ts";
import { recordActivity } from "#app/models/activity.server.ts";
import { findChapterAccessFacts } from "#app/models/chapters.server.ts";
import { getUser } from "#app/utils/auth.server.ts";
import { readForm } from "#app/utils/csrf.server.ts";
import { db } from "#app/utils/db.server.ts";
import { getTranslator } from "#app/utils/i18n.server.ts";

/** What the editor reports after someone accepted or rejected suggestions. */
const decisionSchema = z.object({
  decision: z.enum(["accepted", "rejected"]),
  count: z.coerce.number().int().min(1).max(10_000),
  /** The text of a single suggestion (its excerpt), quoted in the log. */
  text: z.string().trim().max(200).optional(),
});

/**
 * POST (form: `csrf`, `decision` accepted|rejected, `count`, optional `text`) → 201 `{ ok: true }`. Records the
 * decision in the chapter's activity log (`suggestion_accepted` / `suggestion_rejected`, with the
 * count). The decision itself is an edit of the live document, made in the editor; this route only
 * logs it, for people who may write the chapter (editors and admins; authors outside review).
 * Refusals are JSON `{ message }`.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const fail = async (status: number, key: MessageKey) => Response.json({ message: (await getTranslator(request))(key) }, { status });
  if (request.method !== "POST") return fail(405, "suggestions.error.invalid");
  const user = await getUser(request);
  if (!user) return fail(401, "error.loginRequired");
  let form: FormData;
  try {
    form = await readForm(request);
  } catch (thrown) {
    // readForm throws Remix's `data({ message }, { status })`, which a resource route would answer
    // as an unexpected error: pass its message and status on as JSON.
    const refused = thrown as { type?: string; data?: unknown; init?: { status?: number } | null };
    if (refused?.type === "DataWithResponseInit") return Response.json(refused.data, { status: refused.init?.status ?? 403 });
    throw thrown;
  }
  const chapter = await findChapterAccessFacts(params.chapterId ?? "");
  if (!chapter) return fail(404, "error.notFound.text");
  if (chapterDocumentAccess(user, chapter) !== "write") return fail(403, "suggestions.error.forbidden");
  const parsed = decisionSchema.safeParse({
    decision: form.get("decision"),
    count: form.get("count"),
    text: form.get("text") ?? undefined,
  });
  if (!parsed.success) return fail(400, "suggestions.error.invalid");

  const { bookId } = await db.chapter.findUniqueOrThrow({ where: { id: chapter.id }, select: { bookId: true } });
  await recordActivity({
    bookId,
    chapterId: chapter.id,
    actorId: user.id,
    kind: parsed.data.decision === "accepted" ? "suggestion_accepted" : "suggestion_rejected",
    data: { count: parsed.data.count, ...(parsed.data.text ? { text: parsed.data.text } : {}) },
  });
  return Response.json({ ok: true }, { status: 201 });
}
