import { createLoader, createSerializer, parseAsStringLiteral, type inferParserType } from "nuqs/server";
import type { auditEvents } from "@/db/schema";
import { parseAsSearchText, parseAsUtcDateTime, sortableTableParams } from "@/lib/table/params";

export const auditSortable = ["occurredAt", "actorEmail", "action", "outcome", "target"] as const;

// Typed by the schema's enum (every value, no other); a type-only import keeps the schema out of the browser.
export const auditOutcomeLabels: Record<(typeof auditEvents.outcome.enumValues)[number], string> = {
  ok: "OK",
  denied: "Denied",
  failed: "Failed",
};
const outcomes = Object.keys(auditOutcomeLabels) as (keyof typeof auditOutcomeLabels)[];

/** The audit page's URL. Bad values fall back to defaults instead of failing the page. */
export const auditListParams = {
  ...sortableTableParams(auditSortable, "occurredAt"),
  actor: parseAsSearchText,
  action: parseAsSearchText,
  targetType: parseAsSearchText,
  targetId: parseAsSearchText,
  outcome: parseAsStringLiteral(outcomes),
  from: parseAsUtcDateTime,
  to: parseAsUtcDateTime,
};
export const loadAuditList = createLoader(auditListParams);
export const serializeAuditList = createSerializer(auditListParams);
export type AuditQuery = inferParserType<typeof auditListParams>;
