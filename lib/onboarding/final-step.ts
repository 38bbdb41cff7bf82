import "server-only";
import type { Db } from "@/db/client";
import { recordAudit } from "@/lib/audit/record";

/**
 * The hook for "final step" onboardings: once the role is verified, the Organization invite is requested. The
 * invites capability will run its preflight and send the invite from here; until it exists, the request is
 * recorded (audited) so that nothing is silently dropped and it can be picked up.
 */
export async function requestFinalStepInvite(db: Db, p: { onboardingId: string; awsAccountId: string; requestId: string }) {
  await recordAudit(db, { system: "onboarding" }, p.requestId, {
    action: "onboarding.invite_requested",
    targetType: "aws_account",
    targetId: p.awsAccountId,
    after: { onboardingId: p.onboardingId },
  });
}
