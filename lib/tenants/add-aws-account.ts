import "server-only";
import { awsAccounts } from "@/db/schema";
import type { ActionContext } from "@/lib/auth/action";
import { isDomainError } from "@/lib/errors";
import { accountTakenError, duplicateFromRace, findAccountOwner, withoutParameters } from "./duplicates";
import { generateExternalId } from "./external-id";
import type { AddAwsAccountInput } from "./schemas";
import { accountAuditView, lockTenant, touchTenant } from "./write-queries";

/**
 * Adds an AWS account to a tenant. Its External ID is generated here, once, and never taken from input; with a
 * role ARN the role counts as deployed but not verified until the verify capability proves it.
 */
export async function addAwsAccount(input: AddAwsAccountInput, ctx: ActionContext) {
  try {
    return await ctx.db.transaction(async (tx) => {
      const tenant = await lockTenant(tx, input.tenantId);
      const owner = await findAccountOwner(tx, input.accountId);
      if (owner) throw accountTakenError(input.accountId, owner);
      const values = {
        tenantId: tenant.id,
        accountId: input.accountId,
        name: input.name,
        email: input.email,
        roleType: input.roleType,
        roleArn: input.roleArn,
        deploymentMethod: input.deploymentMethod,
        verificationState: "unverified" as const,
        onboardingState: input.roleArn ? ("role_deployed" as const) : ("link_issued" as const),
      };
      const [row] = await tx
        .insert(awsAccounts)
        .values({ ...values, externalId: generateExternalId() })
        .returning({ id: awsAccounts.id });
      if (!row) throw new Error("aws account insert returned no row");
      await touchTenant(tx, tenant.id);
      await ctx.audit(tx, {
        targetType: "aws_account",
        targetId: row.id,
        after: { tenant: tenant.pumpId, ...accountAuditView(values) },
      });
      return { id: row.id, accountId: input.accountId, pumpId: tenant.pumpId };
    });
  } catch (error) {
    if (isDomainError(error)) throw error;
    throw (await duplicateFromRace(ctx.db, error, { accountId: input.accountId })) ?? withoutParameters(error);
  }
}
