import "server-only";
import { and, asc, count, eq, gt } from "drizzle-orm";
import { randomBytes } from "node:crypto";
import type { Db } from "@/db/client";
import { sandboxHandshakes, sandboxOrganizations, sandboxOrgMembers } from "@/db/schema";
import { mapAwsError } from "./errors";
import type { AwsSession, OrganizationSummary, OrganizationsOperations } from "./gateway";
import {
  effectiveState,
  INVITE_LIFETIME_MS,
  isListedAt,
  isPendingAt,
  orgErrors,
  organizationsNow,
  RATE_WINDOW_MS,
  toHandshake,
} from "./sandbox-org-rules";

/**
 * AWS Organizations as documented (https://docs.aws.amazon.com/organizations/latest/APIReference/Welcome.html), state
 * in sandbox_organizations / _org_members / _handshakes. Errors are the SDK's own exception classes through
 * mapAwsError, as from the SDK gateway.
 */

const lowerAlphanumeric = "abcdefghijklmnopqrstuvwxyz0123456789";
const newHandshakeId = () => "h-" + Array.from(randomBytes(12), (b) => lowerAlphanumeric[b % 36]).join("");

export async function membershipOf(db: Db, accountId: string) {
  const [row] = await db
    .select({ member: sandboxOrgMembers, org: sandboxOrganizations })
    .from(sandboxOrgMembers)
    .innerJoin(sandboxOrganizations, eq(sandboxOrganizations.id, sandboxOrgMembers.organizationId))
    .where(eq(sandboxOrgMembers.accountId, accountId));
  return row;
}

/** The organization `accountId` manages; AWS refuses org-level calls from a member or a standalone account. */
async function managedOrganization(db: Db, accountId: string, lock = false) {
  const membership = await membershipOf(db, accountId);
  if (!membership) throw orgErrors.notInUse();
  if (!membership.member.isManagement) throw orgErrors.accessDenied();
  if (!lock) return membership.org;
  // Serializes invitations per organization, so two concurrent invites cannot both pass the quota check.
  await db.select().from(sandboxOrganizations).where(eq(sandboxOrganizations.id, membership.org.id)).for("update");
  return membership.org;
}

export function sandboxOrganizationsOperations(
  db: Db,
  now: () => Date,
  callerAccount: (as: AwsSession) => Promise<string>,
): OrganizationsOperations {
  async function run<T>(operation: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      throw mapAwsError(error, { operation });
    }
  }

  /** A handshake the caller may see: sent by the organization it manages, or addressed to its account. */
  async function visibleHandshake(tx: Db, caller: string, handshakeId: string, at: Date) {
    const [row] = await tx
      .select({ h: sandboxHandshakes, managementAccountId: sandboxOrganizations.managementAccountId })
      .from(sandboxHandshakes)
      .innerJoin(sandboxOrganizations, eq(sandboxOrganizations.id, sandboxHandshakes.organizationId))
      .where(eq(sandboxHandshakes.id, handshakeId))
      .for("update");
    const visible = row && (row.managementAccountId === caller || row.h.accountId === caller);
    if (!row || !visible || !isListedAt(row.h, at)) throw orgErrors.handshakeNotFound(handshakeId);
    return row;
  }

  return {
    inviteAccount(as, p) {
      return run("InviteAccountToOrganization", async () => {
        const caller = await callerAccount(as);
        if (!/^\d{12}$/.test(p.accountId)) {
          throw orgErrors.invalidInput("INVALID_PARTY_TYPE_TARGET", "An ACCOUNT target must be a 12-digit account ID.");
        }
        if ((p.notes ?? "").length > 1024) {
          throw orgErrors.invalidInput("MAX_LENGTH_EXCEEDED", "Notes must be at most 1024 characters.");
        }
        return db.transaction(async (tx) => {
          const org = await managedOrganization(tx, caller, true);
          const at = await organizationsNow(tx, now());
          const target = await membershipOf(tx, p.accountId);
          if (target?.org.id === org.id) {
            throw orgErrors.handshakeConstraint(
              "ALREADY_IN_AN_ORGANIZATION",
              "The handshake request is invalid because the invited account is already a member of an organization.",
            );
          }
          // Pending invitations are at most 15 days old; the daily window is inside that.
          const recent = await tx
            .select()
            .from(sandboxHandshakes)
            .where(
              and(
                eq(sandboxHandshakes.organizationId, org.id),
                gt(sandboxHandshakes.requestedAt, new Date(at.getTime() - INVITE_LIFETIME_MS)),
              ),
            );
          const pending = recent.filter((h) => isPendingAt(h, at));
          if (pending.some((h) => h.accountId === p.accountId)) throw orgErrors.duplicate();
          // Accepted invitations do not count against the daily limit
          // (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_reference_limits.html).
          const attempts = recent.filter(
            (h) => h.requestedAt.getTime() > at.getTime() - RATE_WINDOW_MS && h.state !== "ACCEPTED",
          ).length;
          if (attempts >= org.dailyInviteLimit) {
            throw orgErrors.constraint(
              "HANDSHAKE_RATE_LIMIT_EXCEEDED",
              "You have sent too many invitations in the last 24 hours. Try again later.",
            );
          }
          const [{ members } = { members: 0 }] = await tx
            .select({ members: count() })
            .from(sandboxOrgMembers)
            .where(eq(sandboxOrgMembers.organizationId, org.id));
          if (members + pending.length >= org.accountQuota) {
            throw orgErrors.constraint(
              "ACCOUNT_NUMBER_LIMIT_EXCEEDED",
              "The number of invitations that you tried to send would cause you to exceed the limit of accounts in your organization.",
            );
          }
          const [row] = await tx
            .insert(sandboxHandshakes)
            .values({
              id: newHandshakeId(),
              organizationId: org.id,
              accountId: p.accountId,
              state: "OPEN",
              notes: p.notes ?? null,
              requestedAt: at,
              expiresAt: new Date(at.getTime() + INVITE_LIFETIME_MS),
              updatedAt: at,
            })
            .returning();
          return toHandshake(row!, org.managementAccountId, at);
        });
      });
    },

    listInviteHandshakes(as) {
      return run("ListHandshakesForOrganization", async () => {
        const org = await managedOrganization(db, await callerAccount(as));
        const at = await organizationsNow(db, now());
        const rows = await db
          .select()
          .from(sandboxHandshakes)
          .where(eq(sandboxHandshakes.organizationId, org.id))
          .orderBy(asc(sandboxHandshakes.requestedAt), asc(sandboxHandshakes.id));
        return rows.filter((h) => isListedAt(h, at)).map((h) => toHandshake(h, org.managementAccountId, at));
      });
    },

    describeHandshake(as, handshakeId) {
      return run("DescribeHandshake", async () => {
        const caller = await callerAccount(as);
        const at = await organizationsNow(db, now());
        const { h, managementAccountId } = await visibleHandshake(db, caller, handshakeId, at);
        return toHandshake(h, managementAccountId, at);
      });
    },

    cancelHandshake(as, handshakeId) {
      return run("CancelHandshake", async () => {
        const caller = await callerAccount(as);
        return db.transaction(async (tx) => {
          const at = await organizationsNow(tx, now());
          const { h, managementAccountId } = await visibleHandshake(tx, caller, handshakeId, at);
          // Only the sender can cancel; the recipient declines instead.
          if (managementAccountId !== caller) throw orgErrors.accessDenied();
          const state = effectiveState(h, at);
          if (state === "CANCELED") throw orgErrors.alreadyInState(state);
          if (!isPendingAt(h, at)) throw orgErrors.invalidTransition(state, "cancel");
          const [row] = await tx
            .update(sandboxHandshakes)
            .set({ state: "CANCELED", updatedAt: at })
            .where(eq(sandboxHandshakes.id, h.id))
            .returning();
          return toHandshake(row!, managementAccountId, at);
        });
      });
    },

    listAccountIds(as) {
      return run("ListAccounts", async () => {
        const org = await managedOrganization(db, await callerAccount(as));
        const rows = await db
          .select({ accountId: sandboxOrgMembers.accountId })
          .from(sandboxOrgMembers)
          .where(eq(sandboxOrgMembers.organizationId, org.id))
          .orderBy(asc(sandboxOrgMembers.accountId));
        return rows.map((r) => r.accountId);
      });
    },

    async describeOrganization(as) {
      try {
        return await run("DescribeOrganization", async (): Promise<OrganizationSummary> => {
          const membership = await membershipOf(db, await callerAccount(as));
          if (!membership) throw orgErrors.notInUse();
          const { id, managementAccountId, featureSet } = membership.org;
          return { id, managementAccountId, featureSet: featureSet === "ALL" ? "ALL" : "CONSOLIDATED_BILLING" };
        });
      } catch (error) {
        if ((error as { awsErrorName?: string }).awsErrorName === "AWSOrganizationsNotInUseException") return null;
        throw error;
      }
    },
  };
}
