import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import type { MessageKey } from "#app/common/i18n/catalogue.ts";
import { decodeAnchor } from "#app/models/comment-anchors.server.ts";
import {
  commentAccess,
  CommentError,
  createThread,
  findChapterForComments,
  listThreads,
  replyToThread,
  setThreadResolved,
} from "#app/models/comments.server.ts";
import { getUser, type CurrentUser } from "#app/utils/auth.server.ts";
import { readForm } from "#app/utils/csrf.server.ts";
import { getTranslator } from "#app/utils/i18n.server.ts";

/**
 * Far more than a 5,000-character comment needs, even with every character percent-encoded,
 * plus anchors and mentions: anything bigger is refused before it is read.
 */
const MAX_REQUEST_BYTES = 64 * 1024;

/** GET → `{ threads, access }`: a chapter's comment threads, for its authors, editors and admins. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { chapter, access } = await requireCommentAccess(request, params.chapterId);
  return Response.json({ threads: await listThreads(chapter.id), access }, { headers: { "Cache-Control": "no-store" } });
}

/**
 * POST a form (with the CSRF field) with `intent`:
 * - `create`: `anchorStart`, `anchorEnd` (base64 Y.encodeRelativePosition), `body`, `mention` (ids, repeatable) → 201 `{ threadId }`;
 * - `reply`: `threadId`, `body`, `mention` → 201;
 * - `resolve` / `reopen`: `threadId` → 200.
 * Every refusal is JSON `{ message }` with a 4xx status the editor shows as it is.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  try {
    if (Number(request.headers.get("Content-Length") ?? 0) > MAX_REQUEST_BYTES) throw new CommentError(413, "comments.error.tooLong");
    const form = await readForm(request);
    const { user, chapter } = await requireCommentAccess(request, params.chapterId);
    const intent = form.get("intent");
    const body = form.get("body");
    const mentionIds = form.getAll("mention").filter((value): value is string => typeof value === "string");
    const threadId = String(form.get("threadId") ?? "");
    switch (intent) {
      case "create": {
        const anchorStart = anchorFrom(form.get("anchorStart"));
        const anchorEnd = anchorFrom(form.get("anchorEnd"));
        const { threadId: created } = await createThread({ user, chapter, anchorStart, anchorEnd, body, mentionIds });
        return Response.json({ threadId: created }, { status: 201 });
      }
      case "reply":
        await replyToThread({ user, chapter, threadId, body, mentionIds });
        return Response.json({ threadId }, { status: 201 });
      case "resolve":
      case "reopen":
        await setThreadResolved({ user, chapter, threadId, resolved: intent === "resolve" });
        return Response.json({ threadId });
      default:
        throw new CommentError(400, "comments.error.badRequest");
    }
  } catch (thrown) {
    return jsonRefusal(request, thrown);
  }
}

/** The user and chapter when the user may see its comments; throws a CommentError otherwise. */
async function requireCommentAccess(request: Request, chapterId: string | undefined) {
  const user = await getUser(request);
  if (!user) throw await jsonError(request, 401, "error.loginRequired");
  const chapter = await findChapterForComments(chapterId ?? "");
  if (!chapter) throw await jsonError(request, 404, "error.notFound.text");
  const access = commentAccess(user, chapter);
  if (access === "none") throw await jsonError(request, 403, "comments.error.forbidden");
  return { user: user satisfies CurrentUser, chapter, access };
}

/** The anchor bytes from base64, refused (422) when they are not a relative position at all. */
function anchorFrom(value: FormDataEntryValue | null): Uint8Array {
  if (typeof value !== "string" || value.length === 0 || value.length > 1024) throw new CommentError(422, "comments.error.badAnchor");
  const bytes = new Uint8Array(Buffer.from(value, "base64"));
  if (bytes.length === 0 || !decodeAnchor(bytes)) throw new CommentError(422, "comments.error.badAnchor");
  return bytes;
}

async function jsonError(request: Request, status: number, key: MessageKey) {
  const t = await getTranslator(request);
  return Response.json({ message: t(key) }, { status, headers: { "Cache-Control": "no-store" } });
}

/**
 * Turns what a guard threw into a JSON answer: our CommentErrors, Responses (the JSON ones above),
 * and readForm's `data({ message }, { status })` (bad CSRF token), which Remix would otherwise
 * answer from a resource route as an unexpected error.
 */
async function jsonRefusal(request: Request, thrown: unknown): Promise<Response> {
  if (thrown instanceof CommentError) return jsonError(request, thrown.status, thrown.key);
  if (thrown instanceof Response) return thrown;
  if (isDataWithInit(thrown)) return Response.json(thrown.data, { status: thrown.init?.status ?? 400 });
  throw thrown;
}

function isDataWithInit(value: unknown): value is { data: unknown; init?: { status?: number } } {
  return typeof value === "object" && value !== null && (value as { type?: unknown }).type === "DataWithResponseInit";
}
