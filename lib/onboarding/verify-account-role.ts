import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { awsAccounts } from "@/db/schema";
import type { AwsGateway } from "@/lib/aws";
import type { StaffRef } from "@/lib/aws/role-chain";
import type { AuditEntry } from "@/lib/audit/record";
import { DomainError } from "@/lib/errors";
import { actingOperatorRoleArn } from "@/lib/tenants/acting-organization";
import { checkRole, type RoleCheck } from "./check-role";

type Deps = {
  db: Db;
  gateway: AwsGateway;
  staff: StaffRef;
  /** Writes the audit row inside the transaction that records the outcome. */
  audit: (tx: Db, entry: Omit<AuditEntry, "action"> & { action?: string }) => Promise<void>;
  retryDelaysMs?: number[];
};

/**
 * Verifies an account's role and records the result. No transaction is held during the AWS calls; the outcome is
 * written afterwards, with its audit row, in one transaction.
 */
export async function verifyAccountRole(deps: Deps, awsAccountId: string): Promise<RoleCheck> {
  const [account] = await deps.db
    .select({
      accountId: awsAccounts.accountId,
      roleArn: awsAccounts.roleArn,
      externalId: awsAccounts.externalId,
      tenantId: awsAccounts.tenantId,
    })
    .from(awsAccounts)
    .where(eq(awsAccounts.id, awsAccountId));
  if (!account) throw new DomainError("That AWS account no longer exists.");
  if (!account.roleArn) throw new DomainError("This account has no role ARN yet: nothing to verify.");

  // The operator the role was told to trust (links and instructions name it), not the organization it joined.
  const operatorRoleArn = await actingOperatorRoleArn(deps.db, { tenantId: account.tenantId });
  if (!operatorRoleArn)
    throw new DomainError("No Pump organization can reach this account: configure a default organization.");
  const result = await checkRole(deps.gateway, {
    operatorRoleArn,
    roleArn: account.roleArn,
    accountId: account.accountId,
    externalId: account.externalId,
    staff: deps.staff,
    retryDelaysMs: deps.retryDelaysMs,
  });

  await deps.db.transaction(async (tx) => {
    const [before] = await tx
      .select({
        verificationState: awsAccounts.verificationState,
        onboardingState: awsAccounts.onboardingState,
        roleArn: awsAccounts.roleArn,
      })
      .from(awsAccounts)
      .where(eq(awsAccounts.id, awsAccountId))
      .for("update");
    // The ARN changed while AWS was being asked: this result is about a role the account no longer names.
    if (!before || before.roleArn !== account.roleArn)
      throw new DomainError("The account's role ARN changed during the check. Verify again.");
    const verified = result.state === "verified";
    const onboardingState =
      verified && ["link_issued", "role_deployed"].includes(before.onboardingState)
        ? "role_verified"
        : !verified && before.onboardingState === "role_verified"
          ? "role_deployed"
          : before.onboardingState;
    const after = {
      verificationState: result.state,
      onboardingState,
      lastVerificationError: result.state === "verified" ? null : result.error,
    };
    await tx
      .update(awsAccounts)
      .set({ ...after, lastVerifiedAt: new Date() })
      .where(eq(awsAccounts.id, awsAccountId));
    await deps.audit(tx, {
      action: "roles.verify",
      targetType: "aws_account",
      targetId: awsAccountId,
      before: { verificationState: before.verificationState, onboardingState: before.onboardingState },
      after,
    });
  });
  return result;
}
