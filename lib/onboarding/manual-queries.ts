import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { awsAccounts, tenants } from "@/db/schema";
import { recordAudit, type AuditActor } from "@/lib/audit/record";
import { actingOperatorRoleArn } from "@/lib/tenants/acting-organization";

/**
 * The principal the instructions tell the customer's role to trust: the operator role of the organization acting
 * for the tenant, as a link would name it. Null when none is configured.
 */
export async function getPumpPrincipalArn(db: Db, pumpId: string): Promise<string | null> {
  return actingOperatorRoleArn(db, { pumpId });
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
