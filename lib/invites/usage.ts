import "server-only";
import { and, count, eq, gt, inArray, ne, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { awsAccounts, orgInvites, type pumpOrganizations } from "@/db/schema";

/**
 * How full a Pump organization is, as AWS counts it
 * (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_reference_limits.html): members + pending
 * invitations against the account quota, and invitation attempts in the last 24 h (accepted ones excepted, cancelled
 * ones included) against the daily limit.
 */

export const DAY_MS = 24 * 3600 * 1000;

export type OrganizationUsage = {
  organizationId: string;
  quota: number;
  /** Accounts in the organization: AWS's last listing when synced, else what Pump knows (+ the management account). */
  members: number;
  membersSource: "aws" | "pump";
  /** Invitations AWS may hold as pending: sent and pending, or in flight. */
  pending: number;
  /** Waiting in Pump's queue for headroom; not sent yet. */
  queued: number;
  attempts24h: number;
  dailyLimit: number;
  /** How many more invitations could go out now: the tighter of quota and daily limit. */
  headroom: number;
  /** When the oldest counted attempt leaves the 24-hour window (a slot frees up), if the daily limit binds. */
  nextSlotAt: Date | null;
};

type OrgRow = Pick<typeof pumpOrganizations.$inferSelect, "id" | "accountQuota" | "dailyInviteLimit" | "memberCount">;

export const pendingInviteSql = sql`(${orgInvites.phase} = 'in_flight'
  or (${orgInvites.phase} = 'sent' and ${orgInvites.state} in ('REQUESTED', 'OPEN')))`;

export async function organizationUsage(db: Db, org: OrgRow, now: Date): Promise<OrganizationUsage> {
  const since = new Date(now.getTime() - DAY_MS);
  // One query after another: `db` may be a transaction, whose single connection cannot run queries concurrently.
  const [known] = await db
    .select({ n: count() })
    .from(awsAccounts)
    .where(and(eq(awsAccounts.pumpOrganizationId, org.id), eq(awsAccounts.membership, "pump_member")));
  const [invites] = await db
    .select({
      pending: sql<number>`count(*) filter (where ${pendingInviteSql})::int`,
      queued: sql<number>`count(*) filter (where ${orgInvites.phase} = 'queued')::int`,
    })
    .from(orgInvites)
    .where(eq(orgInvites.pumpOrganizationId, org.id));
  // Every call that reached (or may have reached) AWS in the window, except accepted invitations.
  const attempts = await db
    .select({ requestedAt: orgInvites.requestedAt })
    .from(orgInvites)
    .where(
      and(
        eq(orgInvites.pumpOrganizationId, org.id),
        gt(orgInvites.requestedAt, since),
        inArray(orgInvites.phase, ["in_flight", "sent"]),
        or(sql`${orgInvites.state} is null`, ne(orgInvites.state, "ACCEPTED")),
      ),
    )
    .orderBy(orgInvites.requestedAt);
  const members = org.memberCount ?? 1 + (known?.n ?? 0);
  const pending = invites?.pending ?? 0;
  const quotaRoom = org.accountQuota - members - pending;
  const dailyRoom = org.dailyInviteLimit - attempts.length;
  const oldest = attempts[attempts.length - org.dailyInviteLimit] ?? attempts[0];
  return {
    organizationId: org.id,
    quota: org.accountQuota,
    members,
    membersSource: org.memberCount === null ? "pump" : "aws",
    pending,
    queued: invites?.queued ?? 0,
    attempts24h: attempts.length,
    dailyLimit: org.dailyInviteLimit,
    headroom: Math.max(0, Math.min(quotaRoom, dailyRoom)),
    nextSlotAt: dailyRoom <= 0 && oldest ? new Date(oldest.requestedAt.getTime() + DAY_MS) : null,
  };
}
