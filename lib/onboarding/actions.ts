"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/auth/action";
import { issueOnboarding as issue } from "./issue-onboarding";
import {
  reissueOnboarding as reissue,
  revokeOnboarding as revoke,
  showOnboardingLink as show,
} from "./manage-onboarding";
import { getAwsGateway } from "@/lib/aws";
import { recordManualRole as recordManual } from "./record-manual-role";
import {
  issueOnboardingSchema,
  onboardingRefSchema,
  recordManualRoleSchema,
  simulateDeploymentSchema,
  verifyRoleSchema,
} from "./schemas";
import { simulateDeployment as simulate } from "./simulate-deployment";
import { verifyAccountRole } from "./verify-account-role";

const onboardingTarget = (i: { onboardingId: string }) => ({ type: "onboarding", id: i.onboardingId });
const refresh = <T>(result: T) => {
  revalidatePath("/tenants/[pumpId]", "page");
  return result;
};

export const issueOnboarding = authorizedAction(
  {
    name: "onboarding.issue",
    permission: "onboarding.issue",
    schema: issueOnboardingSchema,
    target: (i) => ({ type: "tenant", id: i.tenantId }),
  },
  async (input, ctx) => refresh(await issue(input, ctx)),
);

export const reissueOnboarding = authorizedAction(
  { name: "onboarding.reissue", permission: "onboarding.issue", schema: onboardingRefSchema, target: onboardingTarget },
  async (input, ctx) => refresh(await reissue(input, ctx)),
);

export const revokeOnboarding = authorizedAction(
  { name: "onboarding.revoke", permission: "onboarding.issue", schema: onboardingRefSchema, target: onboardingTarget },
  async (input, ctx) => refresh(await revoke(input, ctx)),
);

export const showOnboardingLink = authorizedAction(
  {
    name: "onboarding.show_link",
    permission: "onboarding.issue",
    schema: onboardingRefSchema,
    target: onboardingTarget,
  },
  (input, ctx) => show(input, ctx),
);

export const verifyRole = authorizedAction(
  {
    name: "roles.verify",
    permission: "roles.verify",
    schema: verifyRoleSchema,
    target: (i) => ({ type: "aws_account", id: i.awsAccountId }),
  },
  async (input, ctx) =>
    refresh(
      // The staff member's email becomes the RoleSessionName, so the customer's CloudTrail names who checked.
      await verifyAccountRole(
        { db: ctx.db, gateway: await getAwsGateway(), staff: ctx.actor, audit: ctx.audit },
        input.awsAccountId,
      ),
    ),
);

export const simulateDeployment = authorizedAction(
  {
    name: "sandbox.simulate_deployment",
    permission: "sandbox.simulate",
    schema: simulateDeploymentSchema,
    target: onboardingTarget,
  },
  async (input, ctx) => refresh(await simulate(input, ctx)),
);

export const recordManualRole = authorizedAction(
  {
    name: "onboarding.record_manual_role",
    permission: "onboarding.record_manual",
    schema: recordManualRoleSchema,
    target: (i) => ({ type: "aws_account", id: i.awsAccountId }),
  },
  async (input, ctx) => refresh(await recordManual(input, ctx, await getAwsGateway())),
);
