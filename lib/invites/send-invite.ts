import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { orgInvites } from "@/db/schema";
import type { AwsGateway, AwsSession } from "@/lib/aws";
import { isAwsDomainError } from "@/lib/aws/errors";
import type { Handshake } from "@/lib/aws/gateway";
import { assumeOperatorRole, type StaffRef } from "@/lib/aws/role-chain";
import type { AuditEntry } from "@/lib/audit/record";
import { DomainError } from "@/lib/errors";
import { activeInvite, type InviteAccount, type InviteRow, type PumpOrganization } from "./context";
import { openException } from "./exceptions";
import { lockAccountInvites, lockOrganizationInvites } from "./locks";
import { classifyInviteFailure, DEFAULT_BACKOFF_MS, withThrottleBackoff, type InviteFailure } from "./outcomes";
import { runPreflight, TRANSFER_LOSSES, type Preflight } from "./preflight";
import { applyAccountEffects, findPendingHandshake, markSent } from "./handshakes";
import { organizationUsage } from "./usage";

/**
 * Sends one invitation, exactly once (README › Invites: exactly once): preflight → intent recorded under the
 * one-active-invite key with the account and organization locked → InviteAccountToOrganization (no transaction held) →
 * outcome recorded with its audit row. Timeouts and DuplicateHandshake are settled by reading AWS, never by sending
 * again.
 */

export type InviteDeps = {
  db: Db;
  gateway: AwsGateway;
  /** Names the role sessions, so the customer's CloudTrail shows who at Pump acted. */
  staff: StaffRef;
  /** `staff@…` or `system:<name>`: stored on the invite. */
  requestedBy: string;
  /** Writes the single audit row of this send, in the transaction that records the outcome. */
  audit: (tx: Db, entry: Omit<AuditEntry, "action"> & { action?: string }) => Promise<void>;
  now?: () => Date;
  backoffMs?: readonly number[];
};

export type SendRequest = {
  awsAccountId: string;
  pumpOrganizationId?: string | null;
  source: "single" | "bulk" | "auto" | "resend";
  /** Staff read what a direct transfer out of the customer's current organization costs, and accept it. */
  acknowledgeTransfer?: boolean;
  resendOfId?: string;
  /** Sending an invite that waited in the queue: its row becomes the intent. */
  queuedInviteId?: string;
};

/** Bulk and automatic invites wait for headroom (queued); a single invite asks the person to come back later. */
const queues = (req: SendRequest) => req.source === "bulk" || req.source === "auto" || req.queuedInviteId !== undefined;

export type SendOutcome =
  | { kind: "sent"; invite: InviteRow }
  | { kind: "already_pending"; invite: InviteRow }
  | { kind: "queued"; invite: InviteRow; detail: string }
  | { kind: "exception"; exceptionId: string; detail: string }
  | { kind: "failed"; invite: InviteRow; detail: string }
  | { kind: "in_doubt"; invite: InviteRow; detail: string };

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
        const details = `Member of ${verdict.otherOrgId}; a direct transfer would cost the customer: ${TRANSFER_LOSSES.join("; ")}. A person decides.`;
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
          `The account is a member of ${verdict.otherOrgId}. Accepting moves it directly and it loses: ${TRANSFER_LOSSES.join("; ")}. Confirm the transfer to send anyway.`,
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
  return callAws(deps, account, org, intent.invite, req, audit);
}

type Audit = (tx: Db, outcome: string, after: Record<string, unknown>, extra?: Partial<AuditEntry>) => Promise<void>;

async function routeToException(
  deps: InviteDeps,
  pf: Preflight,
  req: SendRequest,
  kind: "other_management" | "other_member",
  reason: string,
  details: string,
  otherOrgId: string,
  audit: Audit,
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

/** The intent, under the account lock then the organization lock: one active invite per account, headroom rechecked. */
async function recordIntent(
  deps: InviteDeps,
  account: InviteAccount,
  org: PumpOrganization,
  req: SendRequest,
  audit: Audit,
) {
  const now = deps.now ? deps.now() : await deps.gateway.now();
  return deps.db.transaction(async (tx): Promise<SendOutcome | { kind: "intent"; invite: InviteRow }> => {
    await lockAccountInvites(tx, account.id);
    const existing = await activeInvite(tx, account.id);
    const sendingQueued = existing?.phase === "queued" && existing.id === req.queuedInviteId;
    if (existing && !sendingQueued) {
      await audit(tx, "already_pending", { inviteId: existing.id });
      return { kind: "already_pending", invite: existing };
    }
    await lockOrganizationInvites(tx, org.id);
    const usage = await organizationUsage(tx, org, now);
    if (usage.headroom <= 0) {
      const why = usage.attempts24h >= usage.dailyLimit ? "the daily invitation limit" : "the account quota";
      if (!queues(req)) throw new DomainError(`Not sent: ${org.name} has no headroom under ${why}.`);
      const detail = `Waiting for ${why}${usage.nextSlotAt ? `; next slot ${usage.nextSlotAt.toISOString()}` : ""}.`;
      if (existing) {
        // Sending a queued invite that is still held back changes nothing, but it was an attempt: audit it (the
        // action wrapper refuses to finish without its row, and staff see who kept trying).
        await audit(tx, "queued", { inviteId: existing.id, detail });
        return { kind: "queued", invite: existing, detail };
      }
      const [queued] = await tx
        .insert(orgInvites)
        .values({
          awsAccountId: account.id,
          pumpOrganizationId: org.id,
          phase: "queued",
          source: req.source,
          requestedBy: deps.requestedBy,
          requestedAt: now,
          transferAcknowledged: req.acknowledgeTransfer ?? false,
        })
        .returning();
      await audit(tx, "queued", { inviteId: queued!.id, detail });
      return { kind: "queued", invite: queued!, detail };
    }
    const [invite] = existing
      ? await tx
          .update(orgInvites)
          .set({ phase: "in_flight", requestedAt: now })
          .where(eq(orgInvites.id, existing.id))
          .returning()
      : await tx
          .insert(orgInvites)
          .values({
            awsAccountId: account.id,
            pumpOrganizationId: org.id,
            phase: "in_flight",
            source: req.source,
            requestedBy: deps.requestedBy,
            requestedAt: now,
            resendOfId: req.resendOfId ?? null,
          })
          .returning();
    return { kind: "intent", invite: invite! };
  });
}

async function callAws(
  deps: InviteDeps,
  account: InviteAccount,
  org: PumpOrganization,
  invite: InviteRow,
  req: SendRequest,
  audit: Audit,
): Promise<SendOutcome> {
  let session: AwsSession;
  try {
    session = await assumeOperatorRole(deps.gateway, { operatorRoleArn: org.operatorRoleArn, staff: deps.staff });
  } catch (error) {
    // Organizations was never called: the invitation definitely does not exist.
    const message = isAwsDomainError(error) ? error.message : "Pump could not reach the organization's operator role.";
    return conclude(
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
    return conclude(deps, invite, failure, req, audit);
  }
}

async function recordSent(
  deps: InviteDeps,
  invite: InviteRow,
  handshake: Handshake,
  audit: Audit,
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

async function conclude(
  deps: InviteDeps,
  invite: InviteRow,
  failure: InviteFailure,
  req: SendRequest,
  audit: Audit,
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
