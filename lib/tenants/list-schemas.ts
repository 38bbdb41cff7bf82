import { createLoader, createParser, createSerializer, parseAsStringLiteral, type inferParserType } from "nuqs/server";
import { parseAsSearchText, parseAsUtcDate, parseAsUuid, sortableTableParams } from "@/lib/table/params";
import { membershipLabels, onboardingLabels, roleTypeLabels } from "./labels";

export const tenantSortable = ["lastActivity", "pumpId", "name", "accounts", "created"] as const;
export type TenantSort = (typeof tenantSortable)[number];

// The label maps are typed by the schema's enums (every value, no other), so their keys are the allowlists; taking
// them from there keeps the schema module out of the browser bundle.
const keysOf = <K extends string>(labels: Record<K, string>) => Object.keys(labels) as K[];

/**
 * The tenants list's URL: every filter, the sort, the page and the visible columns, read by the page, the table
 * shell and the CSV export alike. Unknown or malformed values fall back to "no filter"; an unknown sort column
 * can never reach SQL.
 */
export const tenantListParams = {
  ...sortableTableParams(tenantSortable, "lastActivity"),
  state: parseAsStringLiteral(keysOf(onboardingLabels)),
  roleType: parseAsStringLiteral(keysOf(roleTypeLabels)),
  membership: parseAsStringLiteral(keysOf(membershipLabels)),
  manager: createParser({
    parse: (v) => (v === "none" ? ("none" as const) : parseAsUuid.parse(v)),
    serialize: (v) => v,
  }),
  exception: parseAsStringLiteral(["yes"]),
  failing: parseAsStringLiteral(["yes"]),
  createdFrom: parseAsUtcDate,
  createdTo: parseAsUtcDate,
  q: parseAsSearchText,
};
export const loadTenantList = createLoader(tenantListParams);
export const serializeTenantList = createSerializer(tenantListParams);

export type TenantListQuery = inferParserType<typeof tenantListParams>;
export type TenantFilters = Omit<TenantListQuery, "page" | "size" | "sort" | "dir" | "cols">;
