import "server-only";
import { and, eq, inArray, isNull, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { awsAccounts, orgInvites } from "@/db/schema";
import type { AwsGateway, AwsSession } from "@/lib/aws";
import type { Handshake, HandshakeState } from "@/lib/aws/gateway";
import type { InviteRow } from "./context";

/** Reading AWS's handshakes into Pump's invite rows: adopting, and following a handshake's state. */

export const isPendingState = (s: HandshakeState | null) => s === "OPEN" || s === "REQUESTED";

/** Clock skew allowed between Pump's intent time and AWS's RequestedTimestamp. */
const SKEW_MS = 5 * 60 * 1000;

/**
 * The pending invitation AWS holds for `accountId`, requested no earlier than `since` (the intent, less skew) when
 * given. Used after a timeout or DuplicateHandshake: the handshake found is the one Pump's call created, or one that
 * blocks it anyway.
 */
export async function findPendingHandshake(gateway: AwsGateway, session: AwsSession, accountId: string, since?: Date) {
  const all = await gateway.listInviteHandshakes(session);
  return pendingFor(all, accountId, since);
}

export function pendingFor(all: Handshake[], accountId: string, since?: Date): Handshake | null {
  const candidates = all.filter(
    (h) =>
      h.accountId === accountId &&
      isPendingState(h.state) &&
      (since === undefined || h.requestedAt.getTime() >= since.getTime() - SKEW_MS),
  );
  return candidates.sort((a, b) => b.requestedAt.getTime() - a.requestedAt.getTime())[0] ?? null;
}

/** An in-flight (or queued) row becomes `sent` with AWS's handshake; a row already sent is left as it is. */
export async function markSent(tx: Db, inviteId: string, h: Handshake): Promise<InviteRow> {
  const [row] = await tx
    .update(orgInvites)
    .set({
      phase: "sent",
      handshakeId: h.id,
      state: h.state,
      requestedAt: h.requestedAt,
      expiresAt: h.expiresAt,
      lastSyncedAt: new Date(),
      failureCode: null,
      failureReason: null,
      failureMessage: null,
      endedAt: isPendingState(h.state) ? null : new Date(),
    })
    .where(
      and(
        eq(orgInvites.id, inviteId),
        or(inArray(orgInvites.phase, ["in_flight", "queued", "failed"]), isNull(orgInvites.handshakeId)),
      ),
    )
    .returning();
  if (row) return row;
  const [current] = await tx.select().from(orgInvites).where(eq(orgInvites.id, inviteId));
  return current!;
}

/**
 * Follows a sent invitation's state as AWS reports it, and what it means for the account: ACCEPTED makes it a member
 * of the inviting organization (onboarding `joined`); DECLINED, EXPIRED or CANCELED puts it back to `role_verified`
 * so someone can invite again. Returns the change, or null when nothing changed.
 */
export async function applyHandshakeState(tx: Db, invite: InviteRow, state: HandshakeState, at: Date) {
  if (invite.state === state) {
    await tx.update(orgInvites).set({ lastSyncedAt: at }).where(eq(orgInvites.id, invite.id));
    return null;
  }
  await tx
    .update(orgInvites)
    .set({ state, lastSyncedAt: at, endedAt: isPendingState(state) ? null : at })
    .where(eq(orgInvites.id, invite.id));
  await applyAccountEffects(tx, invite, state);
  return {
    inviteId: invite.id,
    awsAccountId: invite.awsAccountId,
    handshakeId: invite.handshakeId,
    before: invite.state,
    after: state,
  };
}

/** What a handshake state means for the invited account. */
export async function applyAccountEffects(
  tx: Db,
  invite: Pick<InviteRow, "awsAccountId" | "pumpOrganizationId">,
  state: HandshakeState,
) {
  if (state === "ACCEPTED") {
    await tx
      .update(awsAccounts)
      .set({
        membership: "pump_member",
        pumpOrganizationId: invite.pumpOrganizationId,
        otherOrgId: null,
        onboardingState: "joined",
      })
      .where(eq(awsAccounts.id, invite.awsAccountId));
  } else if (isPendingState(state)) {
    await tx
      .update(awsAccounts)
      .set({ onboardingState: "invited" })
      .where(
        and(
          eq(awsAccounts.id, invite.awsAccountId),
          inArray(awsAccounts.onboardingState, ["role_verified", "role_deployed", "exception"]),
        ),
      );
  } else {
    await tx
      .update(awsAccounts)
      .set({ onboardingState: "role_verified" })
      .where(and(eq(awsAccounts.id, invite.awsAccountId), eq(awsAccounts.onboardingState, "invited")));
  }
}
