import "server-only";
import { and, eq, inArray, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { awsAccounts, orgInvites, pumpOrganizations } from "@/db/schema";
import type { AwsGateway, AwsSession } from "@/lib/aws";
import { isAwsDomainError } from "@/lib/aws/errors";
import type { Handshake } from "@/lib/aws/gateway";
import { assumeOperatorRole, type StaffRef } from "@/lib/aws/role-chain";
import { recordAudit, type AuditActor } from "@/lib/audit/record";
import type { InviteRow, PumpOrganization } from "./context";
import { applyAccountEffects, applyHandshakeState, isPendingState, markSent } from "./handshakes";
import { lockAccountInvites } from "./locks";

/**
 * Makes Pump's invites true to AWS, by reading AWS only (never by sending): adopts the handshake of an intent that
 * was in flight when its process died or timed out, concludes an intent AWS never received, follows every sent
 * invitation's state (acceptance makes the account a member), and records the organization's account count.
 * Idempotent; callable from the Invites page and as `npm run invites:reconcile`.
 */

export type ReconcileDeps = {
  db: Db;
  gateway: AwsGateway;
  staff: StaffRef;
  actor: AuditActor;
  requestId: string;
  now?: () => Date;
  /** An in-flight intent younger than this may still be waiting for AWS's answer in a live request. */
  stuckAfterMs?: number;
};

export type ReconcileReport = {
  organization: string;
  adopted: number;
  notSent: number;
  changed: number;
  imported: number;
  error?: string;
};

export const STUCK_AFTER_MS = 2 * 60 * 1000;

export async function reconcileAll(deps: ReconcileDeps, pumpOrganizationId?: string): Promise<ReconcileReport[]> {
  const orgs = await deps.db
    .select()
    .from(pumpOrganizations)
    .where(pumpOrganizationId ? eq(pumpOrganizations.id, pumpOrganizationId) : undefined)
    .orderBy(pumpOrganizations.name);
  const reports: ReconcileReport[] = [];
  for (const org of orgs) reports.push(await reconcileOrganization(deps, org));
  return reports;
}

export async function reconcileOrganization(deps: ReconcileDeps, org: PumpOrganization): Promise<ReconcileReport> {
  const report: ReconcileReport = { organization: org.name, adopted: 0, notSent: 0, changed: 0, imported: 0 };
  // Pump's clock decides when an intent is stuck (createdAt is Pump's); AWS's clock decides expiry.
  const now = (deps.now ?? (() => new Date()))();
  const awsNow = deps.now ? now : await deps.gateway.now();
  let handshakes: Handshake[];
  let accountIds: string[] | null = null;
  let session: AwsSession;
  try {
    session = await assumeOperatorRole(deps.gateway, { operatorRoleArn: org.operatorRoleArn, staff: deps.staff });
    handshakes = await deps.gateway.listInviteHandshakes(session);
    accountIds = await deps.gateway.listAccountIds(session).catch(() => null);
  } catch (error) {
    // Nothing is concluded without AWS's answer: in-flight intents stay in flight.
    return { ...report, error: isAwsDomainError(error) ? error.message : "AWS could not be read." };
  }

  const rows = await deps.db
    .select({ invite: orgInvites, accountId: awsAccounts.accountId })
    .from(orgInvites)
    .innerJoin(awsAccounts, eq(awsAccounts.id, orgInvites.awsAccountId))
    .where(
      and(
        eq(orgInvites.pumpOrganizationId, org.id),
        or(
          eq(orgInvites.phase, "in_flight"),
          and(eq(orgInvites.phase, "sent"), inArray(orgInvites.state, ["OPEN", "REQUESTED"])),
          handshakes.length
            ? inArray(
                orgInvites.handshakeId,
                handshakes.map((h) => h.id),
              )
            : undefined,
        ),
      ),
    );
  const known = new Set(rows.map((r) => r.invite.handshakeId).filter(Boolean));
  const listed = new Map(handshakes.map((h) => [h.id, h]));
  const audit = (tx: Db, action: string, invite: Pick<InviteRow, "awsAccountId">, after: Record<string, unknown>) =>
    recordAudit(tx, deps.actor, deps.requestId, {
      action,
      targetType: "aws_account",
      targetId: invite.awsAccountId,
      after: { organization: org.orgId, ...after },
    });

  for (const { invite, accountId } of rows) {
    if (invite.phase === "in_flight") {
      // The handshake this intent's call created (in any state: it may have been answered since), else a pending one
      // sent earlier, which made the call a DuplicateHandshake: either way it is the account's invitation, and AWS
      // does hold one, so "never sent" would be false.
      const unknown = handshakes
        .filter((h) => h.accountId === accountId && !known.has(h.id))
        .sort((a, b) => b.requestedAt.getTime() - a.requestedAt.getTime());
      const match =
        unknown.find((h) => h.requestedAt.getTime() >= invite.createdAt.getTime() - 5 * 60_000) ??
        unknown.find((h) => isPendingState(h.state));
      if (match) {
        known.add(match.id);
        await deps.db.transaction(async (tx) => {
          await lockAccountInvites(tx, invite.awsAccountId);
          await markSent(tx, invite.id, match);
          await applyAccountEffects(tx, invite, match.state);
          await audit(tx, "invites.adopted", invite, {
            inviteId: invite.id,
            handshakeId: match.id,
            state: match.state,
          });
        });
        report.adopted++;
      } else if (now.getTime() - invite.createdAt.getTime() >= (deps.stuckAfterMs ?? STUCK_AFTER_MS)) {
        await deps.db.transaction(async (tx) => {
          await lockAccountInvites(tx, invite.awsAccountId);
          const [done] = await tx
            .update(orgInvites)
            .set({
              phase: "failed",
              failureCode: "not_sent",
              failureMessage:
                "AWS has no invitation for this account: the call never reached AWS. Nothing is pending; invite again when ready.",
            })
            .where(and(eq(orgInvites.id, invite.id), eq(orgInvites.phase, "in_flight")))
            .returning({ id: orgInvites.id });
          if (done) await audit(tx, "invites.not_sent", invite, { inviteId: invite.id });
        });
        report.notSent++;
      }
      continue;
    }
    const h = invite.handshakeId ? listed.get(invite.handshakeId) : undefined;
    const state = h?.state ?? (await unlistedState(deps.gateway, session, invite, awsNow));
    if (!state) continue;
    const change = await deps.db.transaction(async (tx) => {
      await lockAccountInvites(tx, invite.awsAccountId);
      const c = await applyHandshakeState(tx, invite, state, awsNow);
      if (c)
        await audit(tx, "invites.state_changed", invite, {
          inviteId: invite.id,
          handshakeId: invite.handshakeId,
          before: c.before,
          state: c.after,
        });
      return c;
    });
    if (change) report.changed++;
  }

  report.imported = await importUnknown(
    deps,
    org,
    handshakes.filter((h) => !known.has(h.id) && isPendingState(h.state)),
    audit,
  );
  await deps.db
    .update(pumpOrganizations)
    .set({ invitesSyncedAt: now, ...(accountIds ? { memberCount: accountIds.length } : {}) })
    .where(eq(pumpOrganizations.id, org.id));
  return report;
}

/** A pending invite AWS no longer lists: past its expiry it is EXPIRED (AWS lists terminal ones 30 days, then drops them). */
async function unlistedState(gateway: AwsGateway, session: AwsSession, invite: InviteRow, now: Date) {
  if (!isPendingState(invite.state)) return null;
  if (invite.expiresAt && invite.expiresAt.getTime() <= now.getTime()) return "EXPIRED" as const;
  try {
    return (await gateway.describeHandshake(session, invite.handshakeId!)).state;
  } catch {
    return null;
  }
}

/** Pending invitations the organization sent outside the console (or before Pump recorded them), to known accounts. */
async function importUnknown(
  deps: ReconcileDeps,
  org: PumpOrganization,
  pending: Handshake[],
  audit: (
    tx: Db,
    action: string,
    invite: Pick<InviteRow, "awsAccountId">,
    after: Record<string, unknown>,
  ) => Promise<void>,
) {
  if (pending.length === 0) return 0;
  const accounts = await deps.db
    .select({ id: awsAccounts.id, accountId: awsAccounts.accountId })
    .from(awsAccounts)
    .where(
      inArray(
        awsAccounts.accountId,
        pending.map((h) => h.accountId),
      ),
    );
  let imported = 0;
  for (const h of pending) {
    const account = accounts.find((a) => a.accountId === h.accountId);
    if (!account) continue;
    const inserted = await deps.db.transaction(async (tx) => {
      await lockAccountInvites(tx, account.id);
      const [row] = await tx
        .insert(orgInvites)
        .values({
          awsAccountId: account.id,
          pumpOrganizationId: org.id,
          phase: "sent",
          source: "aws",
          handshakeId: h.id,
          state: h.state,
          requestedAt: h.requestedAt,
          expiresAt: h.expiresAt,
          lastSyncedAt: new Date(),
          requestedBy: "aws",
        })
        .onConflictDoNothing()
        .returning();
      if (!row) return false;
      await applyAccountEffects(tx, row, h.state);
      await audit(tx, "invites.imported", row, { inviteId: row.id, handshakeId: h.id, state: h.state });
      return true;
    });
    if (inserted) imported++;
  }
  return imported;
}

/** True when an organization's invites were never synced, or not within `maxAgeMs`. */
export async function staleOrganizations(db: Db, maxAgeMs: number, now = new Date()) {
  return db
    .select()
    .from(pumpOrganizations)
    .where(
      or(
        sql`${pumpOrganizations.invitesSyncedAt} is null`,
        sql`${pumpOrganizations.invitesSyncedAt} < ${new Date(now.getTime() - maxAgeMs)}`,
      ),
    );
}
