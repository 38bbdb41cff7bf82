import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { onboardings, sandboxIamRoles, tenants } from "@/db/schema";
import type { ActionContext } from "@/lib/auth/action";
import { isSandboxMode } from "@/lib/aws";
import { getEnv } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import { pumpPrincipalArn } from "./link";
import { sandboxCallbackBody, simulatedRoleArn } from "./sandbox-callback";

/** What the customer's stack creates, in the sandbox's IAM: the role, trusting Pump's principal with the External ID. */
export async function createSandboxCustomerRole(
  db: Db,
  p: { accountId: string; roleType: "read_only" | "autopilot"; externalId: string; principalArn: string },
) {
  const values = {
    arn: simulatedRoleArn(p.accountId, p.roleType),
    accountId: p.accountId,
    trustedAccountId: p.principalArn.split(":")[4]!,
    requiredExternalId: p.externalId,
  };
  await db.insert(sandboxIamRoles).values(values).onConflictDoUpdate({ target: sandboxIamRoles.arn, set: values });
}

/**
 * Sandbox only: plays the customer and AWS. Deploys the stack's role in the sandbox's IAM, then posts the SNS
 * notification CloudFormation would send to the console's real, public callback endpoint, signed as SNS would.
 */
export async function simulateDeployment(input: { onboardingId: string; accountId?: string }, ctx: ActionContext) {
  if (!isSandboxMode()) throw new DomainError("Simulating a customer deployment is only possible on the sandbox.");
  const [row] = await ctx.db
    .select({ onboarding: onboardings, pumpId: tenants.pumpId })
    .from(onboardings)
    .innerJoin(tenants, eq(tenants.id, onboardings.tenantId))
    .where(eq(onboardings.id, input.onboardingId));
  if (!row) throw new DomainError("That onboarding no longer exists.");
  const ob = row.onboarding;
  if (ob.status !== "issued" || ob.expiresAt <= new Date())
    throw new DomainError("Only a live link can be deployed. Re-issue it first.");
  const accountId = ob.expectedAccountId ?? input.accountId;
  if (!accountId)
    throw new DomainError("Enter the customer's AWS account ID: this link does not name one.", {
      accountId: ["Enter a 12-digit account ID."],
    });

  await createSandboxCustomerRole(ctx.db, {
    accountId,
    roleType: ob.roleType,
    externalId: ob.externalId,
    principalArn: await pumpPrincipalArn(ctx.db, ob.tenantId),
  });
  const { body, messageId } = sandboxCallbackBody({
    pumpId: row.pumpId,
    accountId,
    region: ob.region,
    roleType: ob.roleType,
    externalId: ob.externalId,
    token: ob.token,
  });
  await ctx.db.transaction((tx) =>
    ctx.audit(tx, { targetType: "onboarding", targetId: ob.id, after: { accountId, messageId } }),
  );

  const response = await fetch(new URL("/api/callbacks/cloudformation", getEnv().appUrl), {
    method: "POST",
    body,
    headers: {
      "content-type": "text/plain; charset=UTF-8",
      "x-amz-sns-message-type": "Notification",
      "x-amz-sns-message-id": messageId,
      "user-agent": "Amazon Simple Notification Service Agent",
    },
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) throw new DomainError(`The callback endpoint answered HTTP ${response.status}.`);
  return { messageId, accountId };
}
