/** A person as comments show them. */
export type CommentPerson = { id: string; name: string };

/** A thread as GET /api/chapters/:id/comments returns it (see app/models/comments.server.ts ThreadView). */
export type CommentThreadData = {
  id: string;
  anchorStart: string;
  anchorEnd: string;
  quote: string;
  createdAt: string;
  createdBy: CommentPerson;
  resolvedAt: string | null;
  resolvedBy: CommentPerson | null;
  comments: { id: string; body: string; createdAt: string; author: CommentPerson }[];
};

/** What the edit page tells the editor about comments for this person. */
export type CommentsSetup = {
  /** write: comment, reply, resolve; read: see the threads only; none: no comments at all. */
  access: "write" | "read" | "none";
  /** People one can @mention on this chapter. */
  people: CommentPerson[];
};
