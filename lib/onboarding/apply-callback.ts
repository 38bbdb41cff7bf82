import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { awsAccounts, callbackMessages, onboardings, tenants } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import type { AwsGateway } from "@/lib/aws";
import { mismatch, type CfnRequest } from "./cfn-request";
import type { CfnOutcome } from "./callback-response";
import { requestFinalStepInvite } from "@/lib/invites/auto-invite";
import { verifyAccountRole } from "./verify-account-role";

export type CallbackDeps = { db: Db; gateway: AwsGateway; verifyRetryDelaysMs?: number[] };
type Msg = { id: string; snsMessageId: string };

const actor = { system: "cloudformation" } as const;
const requestIdOf = (msg: Msg) => `sns:${msg.snsMessageId}`;
// The RoleSessionName of automatic checks, so the customer's CloudTrail shows they came from the callback.
const callbackStaff = { email: "cloudformation-callback" };

async function onboardingFor(db: Db, token: string) {
  const [row] = await db
    .select({ onboarding: onboardings, pumpId: tenants.pumpId })
    .from(onboardings)
    .innerJoin(tenants, eq(tenants.id, onboardings.tenantId))
    .where(eq(onboardings.token, token));
  return row;
}

/** Create/Update: tie to the onboarding, record the role, verify it, and say what CloudFormation should hear. */
export async function applyCreateOrUpdate(deps: CallbackDeps, msg: Msg, request: CfnRequest): Promise<CfnOutcome> {
  const p = request.ResourceProperties;
  const found = await onboardingFor(deps.db, p.OnboardingToken);
  const problem = mismatch(request, found && { ...found.onboarding, pumpId: found.pumpId }, new Date());
  if (problem || !found) {
    await deps.db.transaction(async (tx) => {
      if (found)
        await tx.update(onboardings).set({ failureReason: problem }).where(eq(onboardings.id, found.onboarding.id));
      await recordAudit(tx, actor, requestIdOf(msg), {
        action: "onboarding.callback_rejected",
        targetType: "onboarding",
        targetId: found?.onboarding.id,
        outcome: "failed",
        reason: problem ?? "unknown token",
        after: { stackId: request.StackId, accountId: p.AccountId },
      });
    });
    return { status: "FAILED", reason: problem ?? "Unknown onboarding." };
  }
  const ob = found.onboarding;

  const conflict = await deps.db.transaction(async (tx) => {
    await tx.select({ id: onboardings.id }).from(onboardings).where(eq(onboardings.id, ob.id)).for("update");
    const [account] = await tx.select().from(awsAccounts).where(eq(awsAccounts.accountId, p.AccountId)).for("update");
    if (account && account.tenantId !== ob.tenantId)
      return "This AWS account is registered to another Pump customer. Contact Pump support.";
    if (account && account.externalId !== ob.externalId)
      return "This AWS account already has a role with another External ID. Use the link Pump issued for this account.";
    let accountRowId = account?.id;
    if (!account) {
      const [created] = await tx
        .insert(awsAccounts)
        .values({
          tenantId: ob.tenantId,
          accountId: p.AccountId,
          name: `account ${p.AccountId}`,
          roleType: ob.roleType,
          externalId: ob.externalId,
        })
        .returning({ id: awsAccounts.id });
      accountRowId = created!.id;
      await tx
        .update(tenants)
        .set({ accountsCount: sql`${tenants.accountsCount} + 1` })
        .where(eq(tenants.id, ob.tenantId));
    }
    const keepsLaterState = account && ["invited", "joined", "exception"].includes(account.onboardingState);
    await tx
      .update(awsAccounts)
      .set({
        roleArn: p.RoleArn,
        roleType: ob.roleType,
        deploymentMethod: "cloudformation",
        verificationState: "unverified",
        lastVerificationError: null,
        ...(keepsLaterState ? {} : { onboardingState: "role_deployed" as const }),
      })
      .where(eq(awsAccounts.id, accountRowId!));
    await tx
      .update(onboardings)
      .set({
        status: "deployed",
        awsAccountId: accountRowId!,
        stackId: request.StackId,
        roleArn: p.RoleArn,
        consumedAt: new Date(),
        failureReason: null,
      })
      .where(eq(onboardings.id, ob.id));
    await tx.update(tenants).set({ lastActivityAt: new Date() }).where(eq(tenants.id, ob.tenantId));
    await tx.update(callbackMessages).set({ onboardingId: ob.id }).where(eq(callbackMessages.id, msg.id));
    await recordAudit(tx, actor, requestIdOf(msg), {
      action: "onboarding.role_deployed",
      targetType: "aws_account",
      targetId: accountRowId!,
      after: { roleArn: p.RoleArn, stackId: request.StackId, requestType: request.RequestType },
    });
    return null;
  });
  if (conflict) return { status: "FAILED", reason: conflict };

  const [account] = await deps.db
    .select({ id: awsAccounts.id })
    .from(awsAccounts)
    .where(eq(awsAccounts.accountId, p.AccountId));
  const check = await verifyAccountRole(
    {
      db: deps.db,
      gateway: deps.gateway,
      staff: callbackStaff,
      retryDelaysMs: deps.verifyRetryDelaysMs,
      audit: (tx, entry) => recordAudit(tx, actor, requestIdOf(msg), { action: "roles.verify", ...entry }),
    },
    account!.id,
  );
  if (check.state !== "verified") {
    await deps.db
      .update(onboardings)
      .set({ status: "failed", failureReason: check.error })
      .where(eq(onboardings.id, ob.id));
    return { status: "FAILED", reason: `Pump could not verify the role: ${check.error}` };
  }
  await deps.db.update(onboardings).set({ status: "verified", failureReason: null }).where(eq(onboardings.id, ob.id));
  if (ob.isFinalStep)
    await requestFinalStepInvite(deps.db, deps.gateway, {
      onboardingId: ob.id,
      awsAccountId: account!.id,
      requestId: requestIdOf(msg),
    });
  return { status: "SUCCESS", reason: "Pump verified the role.", data: { RoleArn: p.RoleArn } };
}

/** Delete: the customer is removing the stack (and the role). Always SUCCESS, or their stack would hang for an hour. */
export async function applyDelete(deps: CallbackDeps, msg: Msg, request: CfnRequest): Promise<CfnOutcome> {
  const p = request.ResourceProperties;
  await deps.db.transaction(async (tx) => {
    const [account] = await tx.select().from(awsAccounts).where(eq(awsAccounts.accountId, p.AccountId)).for("update");
    const found = await onboardingFor(tx, p.OnboardingToken);
    // Only the role this stack registered, for the account its onboarding names, is marked removed.
    if (!account || !found || found.onboarding.awsAccountId !== account.id || account.roleArn !== p.RoleArn) return;
    await tx
      .update(awsAccounts)
      .set({
        roleArn: null,
        verificationState: "unverified",
        lastVerificationError: "The customer deleted the CloudFormation stack, and with it the role.",
        ...(["role_deployed", "role_verified"].includes(account.onboardingState)
          ? { onboardingState: "link_issued" as const }
          : {}),
      })
      .where(eq(awsAccounts.id, account.id));
    await recordAudit(tx, actor, requestIdOf(msg), {
      action: "onboarding.role_removed",
      targetType: "aws_account",
      targetId: account.id,
      before: { roleArn: account.roleArn },
      after: { roleArn: null },
    });
  });
  return { status: "SUCCESS", reason: "Pump recorded that the role was removed." };
}
