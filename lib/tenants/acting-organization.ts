import "server-only";
import { and, eq, isNull, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { pumpOrganizations, tenants } from "@/db/schema";

export type PumpOrganization = typeof pumpOrganizations.$inferSelect;

/**
 * The Pump organization that acts for a tenant's accounts: the tenant's default organization, else Pump's default.
 * It invites them unless staff pick another, and its operator role is the principal that every quick-create link,
 * template parameter and manual instruction names. So the customer's role trusts that operator (AWS evaluates the
 * trust policy against the caller's account, as the sandbox does), and verification and the preflight's look
 * through the customer's role assume it from that operator, whichever organization the account joined later.
 * Null when the tenant does not exist or no organization is the default.
 */
export async function actingOrganization(
  db: Db,
  tenant: { tenantId: string } | { pumpId: string },
): Promise<PumpOrganization | null> {
  const [row] = await db
    .select({ organization: pumpOrganizations })
    .from(tenants)
    .innerJoin(
      pumpOrganizations,
      or(
        eq(pumpOrganizations.id, tenants.defaultPumpOrganizationId),
        and(isNull(tenants.defaultPumpOrganizationId), eq(pumpOrganizations.isDefault, true)),
      ),
    )
    .where("tenantId" in tenant ? eq(tenants.id, tenant.tenantId) : eq(tenants.pumpId, tenant.pumpId));
  return row?.organization ?? null;
}

/** The operator role the customer's role trusts (see actingOrganization); null when none is configured. */
export async function actingOperatorRoleArn(db: Db, tenant: { tenantId: string } | { pumpId: string }) {
  return (await actingOrganization(db, tenant))?.operatorRoleArn ?? null;
}
