import "server-only";
import { eq } from "drizzle-orm";
import { awsAccounts } from "@/db/schema";
import type { ActionContext } from "@/lib/auth/action";
import { DomainError } from "@/lib/errors";
import { parseRoleArn } from "./aws-ids";
import { roleArnAccountMismatch, type UpdateAwsAccountInput } from "./schemas";
import { accountAuditView, lockAccount, lockTenant, tenantIdOfAccount, touchTenant } from "./write-queries";

/**
 * Edits an account's details. The account ID and External ID never change here. A new role ARN has not been
 * proven yet, so verification starts again from "unverified".
 */
export async function updateAwsAccount(input: UpdateAwsAccountInput, ctx: ActionContext) {
  return ctx.db.transaction(async (tx) => {
    // Tenant first, then account: the same lock order as adding an account, so the two cannot deadlock.
    const tenant = await lockTenant(tx, await tenantIdOfAccount(tx, input.awsAccountId));
    const before = await lockAccount(tx, input.awsAccountId);
    if (before.tenantId !== tenant.id)
      throw new DomainError("That AWS account moved to another tenant. Reload the page.");
    const arnAccount = input.roleArn ? parseRoleArn(input.roleArn)?.accountId : undefined;
    if (arnAccount && arnAccount !== before.accountId) {
      const message = roleArnAccountMismatch(arnAccount, before.accountId);
      throw new DomainError(message, { roleArn: [message] });
    }
    const arnChanged = input.roleArn !== before.roleArn;
    const reset = arnChanged
      ? {
          verificationState: "unverified" as const,
          lastVerifiedAt: null,
          lastVerificationError: null,
          // A role that was verified under the old ARN is only deployed under the new one.
          onboardingState:
            before.onboardingState === "role_verified" ? ("role_deployed" as const) : before.onboardingState,
        }
      : {};
    const changes = {
      name: input.name,
      email: input.email,
      roleType: input.roleType,
      roleArn: input.roleArn,
      deploymentMethod: input.deploymentMethod,
      ...reset,
    };
    await tx.update(awsAccounts).set(changes).where(eq(awsAccounts.id, before.id));
    await touchTenant(tx, tenant.id);
    await ctx.audit(tx, {
      targetType: "aws_account",
      targetId: before.id,
      before: accountAuditView(before),
      after: accountAuditView({ ...before, ...changes }),
    });
    return { id: before.id, accountId: before.accountId, pumpId: tenant.pumpId, verificationReset: arnChanged };
  });
}
