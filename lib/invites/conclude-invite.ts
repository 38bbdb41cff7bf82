import "server-only";
import { and, eq } from "drizzle-orm";
import { orgInvites } from "@/db/schema";
import type { InviteRow } from "./context";
import { openException } from "./exceptions";
import { lockAccountInvites } from "./locks";
import type { InviteFailure } from "./outcomes";
import { queues, type InviteDeps, type SendAudit, type SendOutcome, type SendRequest } from "./send-request";

/** Records an invitation AWS did not confirm: in doubt (left for the reconciler), queued again, failed or an exception. */
export async function concludeInvite(
  deps: InviteDeps,
  invite: InviteRow,
  failure: InviteFailure,
  req: SendRequest,
  audit: SendAudit,
): Promise<SendOutcome> {
  return deps.db.transaction(async (tx) => {
    await lockAccountInvites(tx, invite.awsAccountId);
    const failureFields = {
      failureCode: failure.code,
      failureReason: failure.reason ?? null,
      failureMessage: failure.message,
    };
    if (failure.kind === "reconcile") {
      // Left in flight: the reconciler reads AWS and either adopts the handshake or concludes it never existed.
      const [row] = await tx
        .update(orgInvites)
        .set(failureFields)
        .where(and(eq(orgInvites.id, invite.id), eq(orgInvites.phase, "in_flight")))
        .returning();
      await audit(tx, "in_doubt", { inviteId: invite.id, code: failure.code }, { reason: failure.message });
      return {
        kind: "in_doubt",
        invite: row ?? invite,
        detail: `AWS did not confirm the invitation (${failure.code}); the reconciler will read AWS and settle it. Nothing will be sent twice.`,
      };
    }
    // Limits that lift by themselves (the daily window, throttling, a slot freed by a decline or an expiry): a bulk or
    // automatic invite goes back to the queue instead of failing; a person asking for one invite is told instead.
    const waitReason =
      failure.kind === "rate_limited"
        ? "AWS says the daily invitation limit is reached"
        : failure.code === "throttled"
          ? "AWS kept throttling the call"
          : failure.reason === "ACCOUNT_NUMBER_LIMIT_EXCEEDED"
            ? "AWS says the organization's account quota is full"
            : null;
    if (waitReason && queues(req)) {
      const [row] = await tx
        .update(orgInvites)
        .set({ ...failureFields, phase: "queued" })
        .where(eq(orgInvites.id, invite.id))
        .returning();
      await audit(tx, "queued", { inviteId: invite.id, code: failure.code, awsReason: failure.reason });
      return { kind: "queued", invite: row!, detail: `${waitReason}; waiting for headroom.` };
    }
    const [row] = await tx
      .update(orgInvites)
      .set({ ...failureFields, phase: "failed" })
      .where(eq(orgInvites.id, invite.id))
      .returning();
    if (failure.kind === "account_side") {
      const { id } = await openException(tx, {
        awsAccountId: invite.awsAccountId,
        pumpOrganizationId: invite.pumpOrganizationId,
        kind: "aws_refused",
        reason: `AWS refused the invitation${failure.reason ? ` (${failure.reason})` : ""}`,
        details: failure.message,
        inviteId: invite.id,
        createdBy: deps.requestedBy,
      });
      await audit(
        tx,
        "exception",
        { inviteId: invite.id, exceptionId: id, code: failure.code, awsReason: failure.reason },
        { reason: failure.message },
      );
      return {
        kind: "exception",
        exceptionId: id,
        detail: `AWS refused: ${failure.message} An exception was recorded.`,
      };
    }
    await audit(
      tx,
      "failed",
      { inviteId: invite.id, code: failure.code, awsReason: failure.reason },
      { outcome: "failed", reason: failure.message },
    );
    return { kind: "failed", invite: row!, detail: failure.message };
  });
}
