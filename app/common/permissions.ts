/**
 * Permissions as data: `action:entity:access`. A role is a list of permissions; one function
 * (`hasPermission`) answers every question, on the server and for hiding buttons in the UI.
 * Access levels: `published` (only what is published), `own-org` (chapters of an organisation
 * the user is a member of), `own` (the user's own record), `any` (everything).
 */
export const ROLES = ["reader", "author", "editor", "admin"] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

type Action = "read" | "create" | "update" | "delete" | "manage";
type Entity = "book" | "chapter" | "organisation" | "member" | "invitation" | "outbox" | "user" | "admin" | "order";
type Access = "published" | "own-org" | "own" | "any";
export type Permission = `${Action}:${Entity}:${Access}`;

const VISITOR: readonly Permission[] = ["read:book:any", "read:chapter:published"];
const READER: readonly Permission[] = [...VISITOR, "update:user:own"];
const AUTHOR: readonly Permission[] = [...READER, "read:chapter:own-org", "update:chapter:own-org"];
const EDITOR: readonly Permission[] = [
  ...AUTHOR,
  "read:chapter:any",
  "update:chapter:any",
  "read:admin:any",
  "create:invitation:any",
  "read:invitation:any",
  "read:member:any",
  "read:organisation:any",
];
const ADMIN: readonly Permission[] = [
  ...EDITOR,
  "manage:organisation:any",
  "manage:member:any",
  "manage:invitation:any",
  "read:outbox:any",
  // Orders carry buyers' addresses and money: seeing them, changing their status, exporting them
  // and setting prices and the seller's details on the invoice are for admins alone.
  "manage:order:any",
];

export const ROLE_PERMISSIONS: Readonly<Record<Role | "visitor", readonly Permission[]>> = {
  visitor: VISITOR,
  reader: READER,
  author: AUTHOR,
  editor: EDITOR,
  admin: ADMIN,
};

/** Roles an invitation may grant; readers register themselves, admins are made by admins. */
export const INVITABLE_ROLES = ["author", "editor"] as const satisfies readonly Role[];
export type InvitableRole = (typeof INVITABLE_ROLES)[number];

/** Whether someone with this role (or a visitor, when null) holds the permission. */
export function hasPermission(role: Role | null | undefined, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role ?? "visitor"].includes(permission);
}

/** The facts about a chapter that decide who may see or change it. */
export type ChapterAccessFacts = { status: string; organisationIds: readonly string[] };
/** The facts about a person that decide the same. */
export type UserAccessFacts = { role: Role; organisationIds: readonly string[] } | null;

/** Whether the user (null: a visitor) may read or update the chapter. */
export function canAccessChapter(
  user: UserAccessFacts,
  chapter: ChapterAccessFacts,
  action: "read" | "update",
): boolean {
  const role = user?.role ?? null;
  if (hasPermission(role, `${action}:chapter:any`)) return true;
  if (
    user &&
    hasPermission(role, `${action}:chapter:own-org`) &&
    chapter.organisationIds.some((id) => user.organisationIds.includes(id))
  ) {
    return true;
  }
  return action === "read" && chapter.status === "published" && hasPermission(role, "read:chapter:published");
}

/** States in which nobody edits the text directly (it is being approved or is out). */
const FROZEN_STATES = new Set(["approved", "published"]);
/** States in which only editors and admins edit directly (authors comment and suggest: review issue). */
const REVIEW_STATES = new Set(["in_review"]);

/** What a person may do with a chapter's live document (see `chapterDocumentAccess`). */
export type DocumentAccess = "write" | "suggest" | "read" | "none";

/**
 * What a person may do with a chapter's live document: `write` (edits are stored and relayed),
 * `suggest` (only suggestions: the editor is forced into suggestion mode and the server refuses any
 * update that changes more than suggestions, docs/decisions/010), `read` (sees the document and
 * others' presence; their edits are dropped), or `none`. A chapter's authors suggest while it is in
 * review; editors and admins keep writing.
 */
export function chapterDocumentAccess(user: UserAccessFacts, chapter: ChapterAccessFacts): DocumentAccess {
  if (!canAccessChapter(user, chapter, "read")) return "none";
  if (!canAccessChapter(user, chapter, "update") || FROZEN_STATES.has(chapter.status)) return "read";
  if (REVIEW_STATES.has(chapter.status) && !hasPermission(user?.role, "update:chapter:any")) return "suggest";
  return "write";
}
