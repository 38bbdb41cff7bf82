import "server-only";
import { asc, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { tenants } from "@/db/schema";
import { MAX_BULK } from "./schemas";

/**
 * What the bulk invite page needs about tenants picked in the tenants table (`?tenants=PUMP-0054,PUMP-0042`):
 * their names and account counts to show, and their default organization to preselect.
 */

const PUMP_ID = /^PUMP-\d{4,}$/;

/** The `tenants` URL parameter: well-formed Pump IDs (deduplicated, at most MAX_BULK) and what was not one. */
export function parseTenantsParam(value: string | undefined) {
  const tokens = [
    ...new Set(
      (value ?? "")
        .split(",")
        .map((t) => t.trim().toUpperCase())
        .filter(Boolean),
    ),
  ];
  return {
    pumpIds: tokens.filter((t) => PUMP_ID.test(t)).slice(0, MAX_BULK),
    malformed: tokens.filter((t) => !PUMP_ID.test(t)),
  };
}

export function listBulkTenants(db: Db, pumpIds: string[]) {
  if (pumpIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      pumpId: tenants.pumpId,
      name: tenants.name,
      accountsCount: tenants.accountsCount,
      defaultPumpOrganizationId: tenants.defaultPumpOrganizationId,
    })
    .from(tenants)
    .where(inArray(tenants.pumpId, pumpIds))
    .orderBy(asc(tenants.pumpId));
}
export type BulkTenant = Awaited<ReturnType<typeof listBulkTenants>>[number];

/**
 * The organization the picker starts on: the one every picked tenant is set to join when they agree (Initrode →
 * Pump Europe), else Pump's default. Starting on Pump's default regardless would quietly invite a tenant into an
 * organization its record says it does not belong to.
 */
export function initialOrganizationId(
  choices: { id: string; isDefault: boolean }[],
  picked: BulkTenant[],
): string | undefined {
  const tenantDefaults = new Set(picked.map((t) => t.defaultPumpOrganizationId));
  const [shared] = tenantDefaults.size === 1 ? [...tenantDefaults] : [];
  if (shared && choices.some((c) => c.id === shared)) return shared;
  return (choices.find((c) => c.isDefault) ?? choices[0])?.id;
}
