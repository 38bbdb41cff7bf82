import { z } from "zod";
import { awsAccounts } from "@/db/schema";
import { tableParamsSchema } from "@/lib/table/params";

export const tenantSortable = ["lastActivity", "pumpId", "name", "accounts", "created"] as const;
export type TenantSort = (typeof tenantSortable)[number];

const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);
// `datetime-local`/date inputs carry no zone; the page labels them UTC.
const utcDate = z
  .string()
  .transform((v) => new Date(/(z|[+-]\d\d:\d\d)$/i.test(v) ? v : `${v}${v.length === 10 ? "T00:00:00" : ""}Z`))
  .pipe(z.date());

/**
 * The tenants list's URL: every filter, the sort, the page and the visible columns. Unknown or malformed values
 * fall back to "no filter" instead of failing the page; an unknown sort column can never reach SQL.
 */
export const tenantListQuerySchema = tableParamsSchema(tenantSortable, "lastActivity").extend({
  state: optional(z.enum(awsAccounts.onboardingState.enumValues)),
  roleType: optional(z.enum(awsAccounts.roleType.enumValues)),
  membership: optional(z.enum(awsAccounts.membership.enumValues)),
  manager: optional(z.union([z.uuid(), z.literal("none")])),
  exception: optional(z.literal("yes")),
  failing: optional(z.literal("yes")),
  createdFrom: optional(utcDate),
  createdTo: optional(utcDate),
  q: optional(
    z
      .string()
      .trim()
      .max(200)
      .transform((v) => v || undefined),
  ),
});
export type TenantListQuery = z.output<typeof tenantListQuerySchema>;
export type TenantFilters = Omit<TenantListQuery, "page" | "size" | "sort" | "dir" | "cols">;
