import "server-only";
import { eq } from "drizzle-orm";
import { awsAccounts, tenants } from "@/db/schema";
import type { ActionContext } from "@/lib/auth/action";
import type { AwsGateway } from "@/lib/aws";
import { DomainError } from "@/lib/errors";
import { parseRoleArn } from "@/lib/tenants/aws-ids";
import type { RecordManualRoleInput } from "./schemas";
import { verifyAccountRole } from "./verify-account-role";

/**
 * The end of the manual path: the customer created the role by hand and sent its ARN. It is stored with method
 * "manual" only if it is a role in that same account, then verified at once (with and without the External ID).
 */
export async function recordManualRole(input: RecordManualRoleInput, ctx: ActionContext, gateway: AwsGateway) {
  await ctx.db.transaction(async (tx) => {
    const [account] = await tx
      .select({ accountId: awsAccounts.accountId, roleArn: awsAccounts.roleArn, tenantId: awsAccounts.tenantId })
      .from(awsAccounts)
      .where(eq(awsAccounts.id, input.awsAccountId))
      .for("update");
    if (!account) throw new DomainError("That AWS account no longer exists.");
    const arnAccount = parseRoleArn(input.roleArn)?.accountId;
    if (arnAccount !== account.accountId) {
      throw new DomainError("That role is in another AWS account.", {
        roleArn: [`The ARN names account ${arnAccount}; this role must be in ${account.accountId}.`],
      });
    }
    await tx
      .update(awsAccounts)
      .set({
        roleArn: input.roleArn,
        deploymentMethod: "manual",
        verificationState: "unverified",
        lastVerificationError: null,
        onboardingState: "role_deployed",
      })
      .where(eq(awsAccounts.id, input.awsAccountId));
    await tx.update(tenants).set({ lastActivityAt: new Date() }).where(eq(tenants.id, account.tenantId));
    await ctx.audit(tx, {
      action: "onboarding.record_manual_role",
      targetType: "aws_account",
      targetId: input.awsAccountId,
      before: { roleArn: account.roleArn },
      after: { roleArn: input.roleArn, deploymentMethod: "manual" },
    });
  });
  return verifyAccountRole({ db: ctx.db, gateway, staff: ctx.actor, audit: ctx.audit }, input.awsAccountId);
}
