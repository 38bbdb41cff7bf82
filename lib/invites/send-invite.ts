import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { orgInvites } from "@/db/schema";
import type { AuditEntry } from "@/lib/audit/record";
import { DomainError } from "@/lib/errors";
import { deliverInvite } from "./deliver-invite";
import { openException } from "./exceptions";
import { runPreflight, TRANSFER_LOSSES, type Preflight } from "./preflight";
import { recordIntent } from "./record-intent";
import { queues, type InviteDeps, type SendAudit, type SendOutcome, type SendRequest } from "./send-request";

export type { InviteDeps, SendOutcome, SendRequest } from "./send-request";

/**
 * Sends one invitation, exactly once (README › Invites: exactly once): preflight → intent recorded under the
 * one-active-invite key with the account and organization locked → InviteAccountToOrganization (no transaction held) →
 * outcome recorded with its audit row. Timeouts and DuplicateHandshake are settled by reading AWS, never by sending
 * again.
 */
export async function sendInvite(deps: InviteDeps, req: SendRequest, preflight?: Preflight): Promise<SendOutcome> {
  const pf = preflight ?? (await runPreflight(deps, { ...req, ignoreInviteId: req.queuedInviteId }));
  const { account, organization: org, verdict } = pf;
  const audit = (tx: Db, outcome: string, after: Record<string, unknown>, extra: Partial<AuditEntry> = {}) =>
    deps.audit(tx, {
      action: "invites.send",
      targetType: "aws_account",
      targetId: account.id,
      after: { result: outcome, accountId: account.accountId, organization: org.orgId, source: req.source, ...after },
      ...extra,
    });

  switch (verdict.kind) {
    case "blocked":
    case "already_member":
      throw new DomainError(verdict.detail);
    case "already_pending":
      await audit(deps.db, "already_pending", { inviteId: verdict.invite.id });
      return { kind: "already_pending", invite: verdict.invite };
    case "exception":
      return routeToException(
        deps,
        pf,
        req,
        verdict.exceptionKind,
        verdict.reason,
        verdict.details,
        verdict.otherOrgId,
        audit,
      );
    case "confirm_transfer":
      if (req.source === "auto") {
        const details =
          `Member of ${verdict.otherOrgId}; a direct transfer would cost the customer: ` +
          `${TRANSFER_LOSSES.join("; ")}. A person decides.`;
        return routeToException(
          deps,
          pf,
          req,
          "other_member",
          "Member of another organization",
          details,
          verdict.otherOrgId,
          audit,
        );
      }
      if (!req.acknowledgeTransfer) {
        throw new DomainError(
          `The account is a member of ${verdict.otherOrgId}. Accepting moves it directly and it loses: ` +
            `${TRANSFER_LOSSES.join("; ")}. Confirm the transfer to send anyway.`,
        );
      }
      break;
    case "hold":
      if (!queues(req))
        throw new DomainError(
          `Not sent: ${verdict.detail}${verdict.nextSlotAt ? ` Next slot ${verdict.nextSlotAt.toISOString()}.` : ""}`,
        );
      break;
    case "ready":
      break;
  }

  const intent = await recordIntent(deps, account, org, req, audit);
  if (intent.kind !== "intent") return intent;
  return deliverInvite(deps, account, org, intent.invite, req, audit);
}

async function routeToException(
  deps: InviteDeps,
  pf: Preflight,
  req: SendRequest,
  kind: "other_management" | "other_member",
  reason: string,
  details: string,
  otherOrgId: string,
  audit: SendAudit,
): Promise<SendOutcome> {
  return deps.db.transaction(async (tx) => {
    const { id } = await openException(tx, {
      awsAccountId: pf.account.id,
      pumpOrganizationId: pf.organization.id,
      kind,
      reason,
      details,
      createdBy: deps.requestedBy,
      otherOrgId,
      inviteId: req.queuedInviteId ?? null,
    });
    // A queued invite routed to an exception leaves the queue, so it is not retried forever.
    if (req.queuedInviteId) {
      await tx
        .update(orgInvites)
        .set({
          phase: "failed",
          failureCode: "exception",
          failureMessage: `${reason}: routed to an exception record, not sent.`,
        })
        .where(and(eq(orgInvites.id, req.queuedInviteId), eq(orgInvites.phase, "queued")));
    }
    await audit(tx, "exception", { exceptionId: id, kind, reason });
    return { kind: "exception", exceptionId: id, detail: `${reason}: no invite sent; exception recorded.` };
  });
}
