import { z } from "zod";
import type { MessageKey } from "#app/common/i18n/catalogue.ts";
import { DESIGN_PRINCIPLES, TOOL_CATEGORIES, TOOL_FORMS, TOOL_STATUSES, type DesignPrinciple } from "#app/common/toolbox.ts";
import { emailSchema, nameSchema } from "#app/common/validation.ts";

/**
 * What "Tool aandragen" asks, as one zod schema for the browser (conform's live validation) and the
 * server. Messages are catalogue keys. The PDF attachment travels beside the schema: a file is
 * checked by its bytes on the server (app/models/tool-attachments.server.ts), not here.
 */

/** Where a submission stands; see SUBMISSION_TRANSITIONS in app/models/tool-submissions/moderation.server.ts. */
export const SUBMISSION_STATUSES = ["unconfirmed", "pending", "needs_info", "approved", "rejected"] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];
export const submissionStatusLabel = (status: string) => `toolSubmissions.status.${status}` as MessageKey;
/** What the moderation queue shows unless asked otherwise: submissions waiting for an editor. */
export const OPEN_STATUSES = ["pending", "needs_info"] as const satisfies readonly SubmissionStatus[];

export const MAX_LINKS = 3;
export const MAX_PILOTS = 40;
export const MAX_DESCRIPTION_LENGTH = 10_000;
export const MAX_EXPLANATION_LENGTH = 1_000;

const text = (max: number) =>
  z
    .string({ error: "form.required" })
    .trim()
    .min(1, { error: "form.required" })
    .max(max, { error: "form.tooLong" });
const optionalText = (max: number) => z.string().trim().max(max, { error: "form.tooLong" }).default("");

/** Only web addresses: a link a visitor follows must not run script (javascript:) or open a file. */
const webAddress = z
  .string()
  .trim()
  .max(2000, { error: "form.tooLong" })
  .default("")
  .refine((value) => value === "" || /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(value), { error: "toolSubmissions.error.url" });

const explanations = Object.fromEntries(DESIGN_PRINCIPLES.map((principle) => [principle, optionalText(MAX_EXPLANATION_LENGTH)])) as Record<
  DesignPrinciple,
  ReturnType<typeof optionalText>
>;

/** Pilot municipalities as typed: one per line or separated by commas, each named once. */
export function splitPilots(value: string): string[] {
  const names = value
    .split(/[\n,;]/)
    .map((name) => name.trim().replace(/\s+/g, " "))
    .filter(Boolean);
  return [...new Map(names.map((name) => [name.toLocaleLowerCase("nl"), name])).values()];
}

const toolFields = {
  name: text(120),
  summary: text(300),
  description: text(MAX_DESCRIPTION_LENGTH),
  category: z.enum(TOOL_CATEGORIES, { error: "toolSubmissions.error.choose" }),
  form: z.enum(TOOL_FORMS, { error: "toolSubmissions.error.choose" }),
  toolStatus: z.enum(TOOL_STATUSES, { error: "toolSubmissions.error.choose" }),
  principles: z.array(z.enum(DESIGN_PRINCIPLES)).default([]),
  explanation: z.object(explanations).default(Object.fromEntries(DESIGN_PRINCIPLES.map((p) => [p, ""])) as Record<DesignPrinciple, string>),
  pilots: optionalText(4000).refine((value) => splitPilots(value).length <= MAX_PILOTS, { error: "toolSubmissions.error.tooManyPilots" }).refine(
    (value) => splitPilots(value).every((name) => name.length <= 100),
    { error: "form.tooLong" },
  ),
  ownerId: z.string().trim().max(100).default(""),
  links: z
    .array(z.object({ title: optionalText(200), url: webAddress }))
    .max(MAX_LINKS)
    .default([])
    .superRefine((links, context) => {
      links.forEach((link, index) => {
        if (link.title && !link.url) context.addIssue({ code: "custom", path: [index, "url"], message: "toolSubmissions.error.urlMissing" });
      });
    }),
  attachmentTitle: optionalText(200),
};

/** The form for people with an account: their name and address come from the account. */
export const ToolSubmissionSchema = z.object(toolFields);
/** The form for visitors: who they are, so the editors can write back. */
export const VisitorToolSubmissionSchema = z.object({ ...toolFields, submitterName: nameSchema, submitterEmail: emailSchema });

export type ToolSubmissionInput = z.infer<typeof ToolSubmissionSchema>;
export type VisitorToolSubmissionInput = z.infer<typeof VisitorToolSubmissionSchema>;
