import "server-only";
import type { AwsSession } from "@/lib/aws";
import { isAwsDomainError } from "@/lib/aws/errors";
import type { Handshake } from "@/lib/aws/gateway";
import { assumeOperatorRole } from "@/lib/aws/role-chain";
import { concludeInvite } from "./conclude-invite";
import type { InviteAccount, InviteRow, PumpOrganization } from "./context";
import { applyAccountEffects, findPendingHandshake, markSent } from "./handshakes";
import { lockAccountInvites } from "./locks";
import { classifyInviteFailure, DEFAULT_BACKOFF_MS, withThrottleBackoff } from "./outcomes";
import type { InviteDeps, SendAudit, SendOutcome, SendRequest } from "./send-request";

/** The one InviteAccountToOrganization call of a recorded intent, made with no transaction held, and its outcome. */
export async function deliverInvite(
  deps: InviteDeps,
  account: InviteAccount,
  org: PumpOrganization,
  invite: InviteRow,
  req: SendRequest,
  audit: SendAudit,
): Promise<SendOutcome> {
  let session: AwsSession;
  try {
    session = await assumeOperatorRole(deps.gateway, { operatorRoleArn: org.operatorRoleArn, staff: deps.staff });
  } catch (error) {
    // Organizations was never called: the invitation definitely does not exist.
    const message = isAwsDomainError(error) ? error.message : "Pump could not reach the organization's operator role.";
    return concludeInvite(
      deps,
      invite,
      { kind: "refused", code: isAwsDomainError(error) ? error.code : "unexpected", message },
      req,
      audit,
    );
  }
  try {
    const handshake = await withThrottleBackoff(
      () =>
        deps.gateway.inviteAccount(session, {
          accountId: account.accountId,
          notes: `Pump ID ${account.pumpId}: ${account.tenantName} is joining ${org.name} through Pump.`.slice(0, 1024),
          tags: [
            { key: "pump:pump-id", value: account.pumpId },
            { key: "pump:tenant-id", value: account.tenantId },
          ],
        }),
      deps.backoffMs ?? DEFAULT_BACKOFF_MS,
    );
    return recordSent(deps, invite, handshake, audit);
  } catch (error) {
    const failure = classifyInviteFailure(error);
    if (failure.kind === "reconcile") {
      // DuplicateHandshake says AWS holds a pending invitation for the account, however old: adopt it
      // (https://docs.aws.amazon.com/organizations/latest/APIReference/API_InviteAccountToOrganization.html). After a
      // timeout only one requested since the intent can be this call's.
      const since = failure.code === "duplicate_handshake" ? undefined : invite.createdAt;
      const found = await findPendingHandshake(deps.gateway, session, account.accountId, since).catch(() => null);
      if (found) return recordSent(deps, invite, found, audit, failure.code);
    }
    return concludeInvite(deps, invite, failure, req, audit);
  }
}

async function recordSent(
  deps: InviteDeps,
  invite: InviteRow,
  handshake: Handshake,
  audit: SendAudit,
  adoptedAfter?: string,
): Promise<SendOutcome> {
  return deps.db.transaction(async (tx) => {
    await lockAccountInvites(tx, invite.awsAccountId);
    const row = await markSent(tx, invite.id, handshake);
    await applyAccountEffects(tx, invite, handshake.state);
    await audit(tx, "sent", {
      inviteId: invite.id,
      handshakeId: handshake.id,
      state: handshake.state,
      ...(adoptedAfter ? { adoptedAfter } : {}),
    });
    return { kind: "sent", invite: row };
  });
}
