import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { awsAccounts, pumpOrganizations, tenants } from "@/db/schema";
import { recordAudit, type AuditActor } from "@/lib/audit/record";

/**
 * The principal customers' roles trust: the operator role of the tenant's default Pump organization. Today one
 * organization is the default for every tenant (at most one row has is_default); null when none is configured.
 */
export async function getDefaultPumpPrincipalArn(db: Db): Promise<string | null> {
  const [org] = await db
    .select({ arn: pumpOrganizations.operatorRoleArn })
    .from(pumpOrganizations)
    .where(eq(pumpOrganizations.isDefault, true));
  return org?.arn ?? null;
}

/**
 * What the manual-deployment page needs, External ID included: an audited reveal, like the tenant page's. The
 * read and its audit row commit together, so the value never leaves the database unrecorded; the row names the
 * account and never holds the value. Null (and no row) when the account is not this tenant's.
 */
export async function revealManualDeploymentData(
  db: Db,
  actor: AuditActor,
  requestId: string,
  target: { pumpId: string; accountId: string },
) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        id: awsAccounts.id,
        accountId: awsAccounts.accountId,
        name: awsAccounts.name,
        roleType: awsAccounts.roleType,
        roleArn: awsAccounts.roleArn,
        externalId: awsAccounts.externalId,
        tenantName: tenants.name,
        pumpId: tenants.pumpId,
      })
      .from(awsAccounts)
      .innerJoin(tenants, eq(tenants.id, awsAccounts.tenantId))
      .where(and(eq(tenants.pumpId, target.pumpId), eq(awsAccounts.accountId, target.accountId)));
    if (!row) return null;
    await recordAudit(tx, actor, requestId, {
      action: "onboarding.view_manual_instructions",
      targetType: "aws_account",
      targetId: row.id,
      after: { accountId: row.accountId, tenant: row.pumpId },
    });
    return row;
  });
}
export type ManualDeploymentData = NonNullable<Awaited<ReturnType<typeof revealManualDeploymentData>>>;
