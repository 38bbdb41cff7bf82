import { z } from "zod";
import { ACCOUNT_ID_PATTERN, normaliseAccountId } from "@/lib/tenants/aws-ids";

const id = (what: string) => z.uuid({ error: `Unknown ${what}.` });
const optionalOrg = z.preprocess((v) => (v === "" ? undefined : v), id("Pump organization").optional());
const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal("false"), z.boolean()])
  .optional()
  .transform((v) => v === "on" || v === "true" || v === true);

/** The step-up confirmation: the account ID typed again (dashes and spaces welcome, as copied from the page). */
const confirmAccountId = z
  .string({ error: "Type the account's 12-digit ID to confirm." })
  .transform(normaliseAccountId)
  .pipe(z.string().regex(ACCOUNT_ID_PATTERN, { error: "Type the account's 12-digit ID to confirm." }));

export const preflightSchema = z.object({ awsAccountId: id("AWS account"), pumpOrganizationId: optionalOrg });

export const sendInviteSchema = z.object({
  awsAccountId: id("AWS account"),
  pumpOrganizationId: optionalOrg,
  acknowledgeTransfer: checkbox,
  confirmAccountId,
});

export const inviteRefSchema = z.object({ inviteId: id("invite"), confirmAccountId });
export const resendInviteSchema = inviteRefSchema.extend({ acknowledgeTransfer: checkbox });

/** A pasted list: account IDs separated by anything that is not a digit or a dash. At most 500 at once. */
export const MAX_BULK = 500;
export const bulkAccountList = z
  .string()
  .max(20_000, { error: "That list is too long: paste at most 500 account IDs at once." })
  .transform((text, ctx) => {
    const tokens = text
      .split(/[^\d-]+/)
      .map(normaliseAccountId)
      .filter(Boolean);
    const bad = tokens.filter((t) => !ACCOUNT_ID_PATTERN.test(t));
    if (bad.length)
      ctx.addIssue({
        code: "custom",
        message: `Not 12-digit account IDs: ${bad.slice(0, 5).join(", ")}${bad.length > 5 ? "…" : ""}`,
      });
    const unique = [...new Set(tokens)];
    if (unique.length > MAX_BULK)
      ctx.addIssue({ code: "custom", message: `At most ${MAX_BULK} accounts at once (got ${unique.length}).` });
    return unique;
  });

export const bulkPreviewSchema = z
  .object({
    accountIds: bulkAccountList.optional(),
    pumpIds: z
      .array(z.string().regex(/^PUMP-\d{4,}$/))
      .max(MAX_BULK)
      .optional(),
    pumpOrganizationId: id("Pump organization"),
  })
  .refine((v) => (v.accountIds?.length ?? 0) + (v.pumpIds?.length ?? 0) > 0, {
    error: "Paste account IDs or pick tenants.",
    path: ["accountIds"],
  });

export const bulkQueueSchema = z
  .object({
    awsAccountIds: z.array(id("AWS account")).min(1).max(MAX_BULK),
    pumpOrganizationId: id("Pump organization"),
    acknowledgeTransfer: checkbox,
    /** Step-up for a batch: the number of accounts typed again. */
    confirmCount: z.coerce.number().int(),
  })
  .refine((v) => v.confirmCount === v.awsAccountIds.length, {
    error: "Type the number of accounts to confirm.",
    path: ["confirmCount"],
  });

export const queuedRefSchema = z.object({ inviteId: id("invite") });
export const syncSchema = z.object({ pumpOrganizationId: optionalOrg });
export const sandboxRespondSchema = z.object({ inviteId: id("invite"), answer: z.enum(["accept", "decline"]) });
export const sandboxClockSchema = z.object({ days: z.coerce.number().int().min(1).max(60) });
