import { z } from "zod";
import { emailSchema, nameSchema } from "#app/common/validation.ts";

/** Longest reaction accepted, in characters: room for a thoughtful paragraph or three, not an essay. */
export const REACTION_MAX_LENGTH = 3000;

/** The honeypot field: people never see or fill it in; robots that fill every field do. */
export const REACTION_HONEYPOT = "website";

/** The query parameter the page gets after a reaction was posted: which thanks to show. */
export const REACTION_POSTED_PARAM = "reactie";
export const REACTION_POSTED = { pending: "wacht", approved: "geplaatst" } as const;

/**
 * A reaction as the form sends it (one schema for the browser's checks and the server's).
 * Messages are catalogue keys. The e-mail of a signed-in reader is taken from their account.
 */
export const ReactionSchema = z.object({
  targetType: z.string({ error: "form.required" }).max(20),
  targetId: z.string({ error: "form.required" }).max(64),
  parentId: z.string().max(64).optional(),
  // Not "name" and "email": a page may hold another form with those (an event's registration).
  authorName: nameSchema,
  authorEmail: emailSchema,
  body: z
    .string({ error: "form.required" })
    .trim()
    .min(1, { error: "form.required" })
    .max(REACTION_MAX_LENGTH, { error: "readerComments.error.tooLong" }),
  notifyOnReply: z.boolean().default(false),
});

export type ReactionInput = z.infer<typeof ReactionSchema>;
