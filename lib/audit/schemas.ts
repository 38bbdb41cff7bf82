import { z } from "zod";
import { auditEvents } from "@/db/schema";
import { tableParamsSchema } from "@/lib/table/params";

export const auditSortable = ["occurredAt", "actorEmail", "action", "outcome", "target"] as const;

const optionalText = z
  .string()
  .trim()
  .max(200)
  .optional()
  .transform((v) => v || undefined)
  .catch(undefined);

// `datetime-local` inputs carry no zone; the page labels them UTC, so read them as UTC.
const optionalDate = z
  .string()
  .optional()
  .transform((v) => (v ? new Date(/(z|[+-]\d\d:\d\d)$/i.test(v) ? v : `${v}Z`) : undefined))
  .pipe(z.date().optional())
  .catch(undefined);

/** The audit page's URL. Bad values fall back to defaults instead of failing the page. */
export const auditQuerySchema = tableParamsSchema(auditSortable, "occurredAt").extend({
  actor: optionalText,
  action: optionalText,
  targetType: optionalText,
  targetId: optionalText,
  outcome: z.enum(auditEvents.outcome.enumValues).optional().catch(undefined),
  from: optionalDate,
  to: optionalDate,
});
export type AuditQuery = z.output<typeof auditQuerySchema>;
