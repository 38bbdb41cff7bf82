import "server-only";
import type { Db } from "@/db/client";
import type { AwsGateway } from "@/lib/aws";
import { recordAudit } from "@/lib/audit/record";
import { isDomainError } from "@/lib/errors";
import { openException } from "./exceptions";
import { sendInvite } from "./send-invite";

const actor = { system: "auto-invite" } as const;

/**
 * "Final step" onboardings: once the callback has verified the role, onboarding asks for the invitation here, and the
 * same service as the Invite button runs preflight and sends it. It lives with invites (onboarding calls it; invites
 * never imports onboarding). Nothing is silently dropped: every outcome leaves an audit row, and anything short of an
 * invitation sent, pending or queued leaves an exception record (or a failed invite) on the tenant.
 */
export async function requestFinalStepInvite(
  db: Db,
  gateway: AwsGateway,
  p: { onboardingId: string; awsAccountId: string; requestId: string },
) {
  try {
    await sendInvite(
      {
        db,
        gateway,
        staff: { email: "auto-invite" },
        requestedBy: "system:auto-invite",
        audit: (tx, entry) =>
          recordAudit(tx, actor, p.requestId, {
            action: "invites.send",
            ...entry,
            after: { ...(entry.after as object), onboardingId: p.onboardingId },
          }),
      },
      { awsAccountId: p.awsAccountId, source: "auto" },
    );
  } catch (error) {
    // A preflight that blocks (or an unexpected fault) still has to reach a person.
    const details = isDomainError(error)
      ? error.message
      : "The automatic invitation failed unexpectedly; the server log has the details.";
    if (!isDomainError(error)) console.error(`[${p.requestId}] auto-invite failed`, String(error));
    await db.transaction(async (tx) => {
      const { id } = await openException(tx, {
        awsAccountId: p.awsAccountId,
        pumpOrganizationId: null,
        kind: "preflight",
        reason: "Automatic invitation not sent",
        details,
        createdBy: "system:auto-invite",
      });
      await recordAudit(tx, actor, p.requestId, {
        action: "invites.send",
        targetType: "aws_account",
        targetId: p.awsAccountId,
        outcome: "failed",
        reason: details,
        after: { result: "exception", exceptionId: id, onboardingId: p.onboardingId },
      });
    });
  }
}
