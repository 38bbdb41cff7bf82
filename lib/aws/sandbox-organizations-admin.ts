import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { sandboxClock, sandboxHandshakes, sandboxOrganizations, sandboxOrgMembers } from "@/db/schema";
import { mapAwsError } from "./errors";
import type { Handshake } from "./gateway";
import { membershipOf } from "./sandbox-organizations";
import { effectiveState, isListedAt, isPendingAt, orgErrors, organizationsNow, toHandshake } from "./sandbox-org-rules";

/**
 * Sandbox-only controls, not on the gateway: what the invited account's owner (or time) would do in real AWS.
 * Errors are the ones AWS gives the recipient (AcceptHandshake / DeclineHandshake), mapped like the gateway's.
 */

type Options = { now?: () => Date };

/** Moves the sandbox's Organizations clock forward (to show expiry and the 30-day listing without waiting). */
export async function advanceSandboxClock(db: Db, ms: number): Promise<void> {
  if (!Number.isFinite(ms) || ms < 0) throw new Error("The sandbox clock only moves forward.");
  await db
    .insert(sandboxClock)
    .values({ id: 1, offsetMs: ms })
    .onConflictDoUpdate({ target: sandboxClock.id, set: { offsetMs: sql`${sandboxClock.offsetMs} + ${ms}` } });
}

async function respond(db: Db, handshakeId: string, answer: "ACCEPTED" | "DECLINED", opts: Options) {
  const operation = answer === "ACCEPTED" ? "AcceptHandshake" : "DeclineHandshake";
  try {
    return await db.transaction(async (tx): Promise<Handshake> => {
      const at = await organizationsNow(tx, (opts.now ?? (() => new Date()))());
      const [row] = await tx
        .select({ h: sandboxHandshakes, managementAccountId: sandboxOrganizations.managementAccountId })
        .from(sandboxHandshakes)
        .innerJoin(sandboxOrganizations, eq(sandboxOrganizations.id, sandboxHandshakes.organizationId))
        .where(eq(sandboxHandshakes.id, handshakeId))
        .for("update");
      if (!row || !isListedAt(row.h, at)) throw orgErrors.handshakeNotFound(handshakeId);
      const { h, managementAccountId } = row;
      const state = effectiveState(h, at);
      if (state === answer) throw orgErrors.alreadyInState(state);
      if (!isPendingAt(h, at)) throw orgErrors.invalidTransition(state, answer === "ACCEPTED" ? "accept" : "decline");
      if (answer === "ACCEPTED") await join(tx, h.accountId, h.organizationId, at);
      const [updated] = await tx
        .update(sandboxHandshakes)
        .set({ state: answer, updatedAt: at })
        .where(eq(sandboxHandshakes.id, h.id))
        .returning();
      return toHandshake(updated!, managementAccountId, at);
    });
  } catch (error) {
    throw mapAwsError(error, { operation });
  }
}

/**
 * Joins the inviting organization. A member of another organization transfers directly
 * (https://docs.aws.amazon.com/organizations/latest/APIReference/API_AcceptHandshake.html); the management account of
 * another organization cannot until it deletes that organization
 * (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_accounts_accept-decline-invite.html).
 */
async function join(tx: Db, accountId: string, organizationId: string, at: Date) {
  const current = await membershipOf(tx, accountId);
  if (current?.org.id === organizationId) {
    throw orgErrors.handshakeConstraint(
      "ALREADY_IN_AN_ORGANIZATION",
      "The handshake request is invalid because the invited account is already a member of an organization.",
    );
  }
  if (current?.member.isManagement) throw orgErrors.managementCannotLeave();
  await tx
    .insert(sandboxOrgMembers)
    .values({ accountId, organizationId, isManagement: false, joinedAt: at })
    .onConflictDoUpdate({ target: sandboxOrgMembers.accountId, set: { organizationId, joinedAt: at } });
}

/** The invited account accepts: it joins (or transfers to) the inviting organization. */
export const sandboxAcceptHandshake = (db: Db, handshakeId: string, opts: Options = {}) =>
  respond(db, handshakeId, "ACCEPTED", opts);

/** The invited account declines; the invitation's quota slot is returned. */
export const sandboxDeclineHandshake = (db: Db, handshakeId: string, opts: Options = {}) =>
  respond(db, handshakeId, "DECLINED", opts);
