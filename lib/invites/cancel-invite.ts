import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { awsAccounts, orgInvites, pumpOrganizations } from "@/db/schema";
import { isAwsDomainError } from "@/lib/aws/errors";
import { assumeOperatorRole } from "@/lib/aws/role-chain";
import { DomainError } from "@/lib/errors";
import { applyHandshakeState, isPendingState } from "./handshakes";
import { lockAccountInvites } from "./locks";
import { sendInvite, type InviteDeps, type SendOutcome } from "./send-invite";

/**
 * Cancel and resend. Both need the step-up confirmation (the account ID typed again), checked here against the invite's
 * own account, not against anything the browser says the account is.
 */

export async function loadInviteForChange(db: Db, inviteId: string, confirmAccountId: string) {
  const [row] = await db
    .select({ invite: orgInvites, accountId: awsAccounts.accountId, org: pumpOrganizations })
    .from(orgInvites)
    .innerJoin(awsAccounts, eq(awsAccounts.id, orgInvites.awsAccountId))
    .innerJoin(pumpOrganizations, eq(pumpOrganizations.id, orgInvites.pumpOrganizationId))
    .where(eq(orgInvites.id, inviteId));
  if (!row) throw new DomainError("That invite no longer exists.");
  if (confirmAccountId !== row.accountId) {
    throw new DomainError("Type the account's 12-digit ID to confirm.", {
      confirmAccountId: ["Does not match the invited account."],
    });
  }
  return row;
}

type Loaded = Awaited<ReturnType<typeof loadInviteForChange>>;

/** Cancels a queued intent (no AWS call) or a pending invitation (CancelHandshake), and records the result. */
export async function cancelInvite(
  deps: InviteDeps,
  inviteId: string,
  confirmAccountId: string,
  action = "invites.cancel",
) {
  const row = await loadInviteForChange(deps.db, inviteId, confirmAccountId);
  const { invite } = row;
  if (invite.phase === "queued") {
    return deps.db.transaction(async (tx) => {
      await lockAccountInvites(tx, invite.awsAccountId);
      const [done] = await tx
        .update(orgInvites)
        .set({
          phase: "failed",
          failureCode: "canceled",
          failureMessage: `Taken off the queue by ${deps.requestedBy} before it was sent.`,
        })
        .where(and(eq(orgInvites.id, invite.id), eq(orgInvites.phase, "queued")))
        .returning();
      if (!done) throw new DomainError("The invite left the queue meanwhile; reload to see its state.");
      await deps.audit(tx, {
        action,
        targetType: "aws_account",
        targetId: invite.awsAccountId,
        after: { inviteId, phase: "canceled before sending" },
      });
      return { ...done, notCanceledBecause: undefined };
    });
  }
  if (invite.phase === "in_flight")
    throw new DomainError("This invite is still being sent or reconciled; wait for its outcome, then cancel.");
  if (invite.phase !== "sent" || !isPendingState(invite.state))
    throw new DomainError(`Only a pending invite can be cancelled (this one is ${invite.state ?? invite.phase}).`);
  return cancelPending(deps, row, action);
}

async function cancelPending(deps: InviteDeps, { invite, org }: Loaded, action: string) {
  const session = await assumeOperatorRole(deps.gateway, { operatorRoleArn: org.operatorRoleArn, staff: deps.staff });
  let state: "CANCELED" | "ACCEPTED" | "DECLINED" | "EXPIRED" | "OPEN" | "REQUESTED";
  try {
    state = (await deps.gateway.cancelHandshake(session, invite.handshakeId!)).state;
  } catch (error) {
    // Already cancelled, or answered meanwhile: record what AWS says it is now, and say so.
    if (!isAwsDomainError(error) || error.code !== "invalid_state") throw error;
    state = (await deps.gateway.describeHandshake(session, invite.handshakeId!)).state;
  }
  return deps.db.transaction(async (tx) => {
    await lockAccountInvites(tx, invite.awsAccountId);
    await applyHandshakeState(tx, invite, state, new Date());
    await deps.audit(tx, {
      action,
      targetType: "aws_account",
      targetId: invite.awsAccountId,
      before: { state: invite.state },
      after: { inviteId: invite.id, handshakeId: invite.handshakeId, state },
      ...(state === "CANCELED"
        ? {}
        : { outcome: "failed" as const, reason: `AWS reports the invitation ${state}; it could not be cancelled.` }),
    });
    const [updated] = await tx.select().from(orgInvites).where(eq(orgInvites.id, invite.id));
    return { ...updated!, notCanceledBecause: state === "CANCELED" ? undefined : state };
  });
}

/**
 * Resend = cancel + a new invitation (costs another daily attempt). The new one goes through the full send path:
 * preflight, intent, exactly-once call.
 */
export async function resendInvite(
  deps: InviteDeps,
  inviteId: string,
  confirmAccountId: string,
  acknowledgeTransfer: boolean,
): Promise<SendOutcome> {
  const row = await loadInviteForChange(deps.db, inviteId, confirmAccountId);
  const { invite } = row;
  const pending = invite.phase === "sent" && isPendingState(invite.state);
  const canResend =
    pending ||
    invite.phase === "failed" ||
    (invite.phase === "sent" && !isPendingState(invite.state) && invite.state !== "ACCEPTED");
  if (!canResend) throw new DomainError(`This invite cannot be resent (it is ${invite.state ?? invite.phase}).`);
  // Two changes, two audit rows: the cancellation (invites.cancel) and the new invitation (invites.send).
  if (pending) {
    const canceled = await cancelPending(deps, row, "invites.cancel");
    if (canceled.notCanceledBecause)
      throw new DomainError(`Not resent: AWS reports the invitation ${canceled.notCanceledBecause}.`);
  }
  return sendInvite(deps, {
    awsAccountId: invite.awsAccountId,
    pumpOrganizationId: invite.pumpOrganizationId,
    source: "resend",
    resendOfId: invite.id,
    acknowledgeTransfer,
  });
}
