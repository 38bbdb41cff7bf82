import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { orgExceptions, pumpOrganizations } from "@/db/schema";
import type { AwsGateway } from "@/lib/aws";
import { isAwsDomainError } from "@/lib/aws/errors";
import type { OrganizationSummary } from "@/lib/aws/gateway";
import { assumeCustomerRole, type StaffRef } from "@/lib/aws/role-chain";
import { DomainError } from "@/lib/errors";
import { actingOperatorRoleArn } from "@/lib/tenants/acting-organization";
import {
  activeInvite,
  loadInviteAccount,
  resolveOrganization,
  type InviteAccount,
  type InviteRow,
  type PumpOrganization,
} from "./context";
import { organizationUsage, type OrganizationUsage } from "./usage";

/**
 * The checklist run before any invitation (issue: "Preflight"). Local checks first; the AWS question
 * (DescribeOrganization through the customer's own role) only when they pass, so a doomed invite costs nothing.
 */

export type CheckStatus = "pass" | "fail" | "warn" | "info" | "skipped";
export type PreflightCheck = { key: string; label: string; status: CheckStatus; detail: string };

/**
 * What a direct transfer out of another organization costs the customer (AWS's account migration readiness guide:
 * https://aws-samples.github.io/cloud-operations-best-practices/docs/guides/AWS%20Organizations%20and%20AWS%20Accounts/account-migration-readiness/).
 */
export const TRANSFER_LOSSES = [
  "IAM Identity Center (SSO) permission-set assignments from the old organization",
  "SCPs, RCPs and declarative policies of the old organization stop applying",
  "resources deployed by the old organization's StackSets may be deleted",
  "resources shared through AWS RAM with the old organization are revoked",
  "access to cost and usage data from its time in the old organization",
] as const;

export type Verdict =
  | { kind: "ready" }
  | { kind: "confirm_transfer"; otherOrgId: string }
  | {
      kind: "exception";
      exceptionKind: "other_management" | "other_member";
      reason: string;
      details: string;
      otherOrgId: string;
    }
  | { kind: "already_member"; detail: string }
  | { kind: "already_pending"; invite: InviteRow }
  | { kind: "hold"; limit: "quota" | "daily_limit"; detail: string; nextSlotAt: Date | null }
  | { kind: "blocked"; detail: string };

export type Preflight = {
  account: InviteAccount;
  organization: PumpOrganization;
  usage: OrganizationUsage;
  checks: PreflightCheck[];
  verdict: Verdict;
  /** What DescribeOrganization said through the customer's role: null = standalone, undefined = not asked/failed. */
  observed?: OrganizationSummary | null;
};

type Deps = { db: Db; gateway: AwsGateway; staff: StaffRef; now?: () => Date };

const roleDetail: Record<string, string> = {
  verified: "The role was assumed with the External ID and refused without it.",
  unverified: "The role has not been verified yet: verify it first.",
  failed: "The last verification failed: fix the role and verify again.",
  unprotected: "The role can be assumed without the External ID: it must be fixed before Pump invites the account.",
};

export async function runPreflight(
  deps: Deps,
  p: { awsAccountId: string; pumpOrganizationId?: string | null; ignoreInviteId?: string },
): Promise<Preflight> {
  // AWS's time: the daily window and expiry are AWS's (the sandbox's clock can be moved).
  const now = deps.now ? deps.now() : await deps.gateway.now();
  const account = await loadInviteAccount(deps.db, p.awsAccountId);
  const organization = await resolveOrganization(deps.db, account, p.pumpOrganizationId);
  const [usage, active] = await Promise.all([
    organizationUsage(deps.db, organization, now),
    activeInvite(deps.db, account.id),
  ]);
  // A queued invite being sent is the intent itself, not a rival.
  const invite = active && active.id !== p.ignoreInviteId ? active : null;
  const checks: PreflightCheck[] = [];
  const check = (key: string, label: string, status: CheckStatus, detail: string) =>
    checks.push({ key, label, status, detail });
  const verdicts: Verdict[] = [];

  const roleOk = account.verificationState === "verified" && account.roleArn !== null;
  check(
    "role",
    "Verified role",
    roleOk ? "pass" : "fail",
    account.roleArn ? roleDetail[account.verificationState]! : "No role ARN recorded yet.",
  );
  if (!roleOk)
    verdicts.push({ kind: "blocked", detail: "The account needs a verified role before it can be invited." });

  if (account.membership === "pump_member") {
    const [home] = account.pumpOrganizationId
      ? await deps.db
          .select({ name: pumpOrganizations.name })
          .from(pumpOrganizations)
          .where(eq(pumpOrganizations.id, account.pumpOrganizationId))
      : [];
    const detail = `Already a member of ${home?.name ?? "a Pump organization"}.`;
    check("membership", "Not already in a Pump organization", "fail", detail);
    verdicts.push({ kind: "already_member", detail });
  } else check("membership", "Not already in a Pump organization", "pass", "Pump has not recorded it as a member.");

  if (invite) {
    check("pending", "No pending invite", "fail", describeActive(invite));
    verdicts.push({ kind: "already_pending", invite });
  } else check("pending", "No pending invite", "pass", "No invite is queued, in flight or pending.");

  // An open case does not block: inviting may be how a solutions architect resolves it, so it is said, not enforced.
  const [openCase] = await deps.db
    .select({ reason: orgExceptions.reason })
    .from(orgExceptions)
    .where(and(eq(orgExceptions.awsAccountId, account.id), inArray(orgExceptions.state, ["open", "in_progress"])));
  if (openCase)
    check(
      "exception",
      "No open exception",
      "warn",
      `An existing-organization exception is open: ${openCase.reason}. Make sure whoever handles it agrees.`,
    );

  const quotaRoom = usage.quota - usage.members - usage.pending;
  const quotaDetail = `${usage.members} accounts + ${usage.pending} pending of ${usage.quota} (${usage.membersSource === "aws" ? "as AWS last listed" : "as Pump knows them; sync for AWS's count"}).`;
  check("quota", "Account quota headroom", quotaRoom > 0 ? "pass" : "fail", quotaDetail);
  if (quotaRoom <= 0)
    verdicts.push({
      kind: "hold",
      limit: "quota",
      detail: `The organization is full: ${quotaDetail}`,
      nextSlotAt: null,
    });

  const dailyRoom = usage.dailyLimit - usage.attempts24h;
  const dailyDetail = `${usage.attempts24h} of ${usage.dailyLimit} invitation attempts in the last 24 hours.`;
  check("daily", "Daily invitation limit", dailyRoom > 0 ? "pass" : "fail", dailyDetail);
  if (dailyRoom <= 0)
    verdicts.push({ kind: "hold", limit: "daily_limit", detail: dailyDetail, nextSlotAt: usage.nextSlotAt });

  check(
    "partition",
    "Same partition and seller of record",
    "info",
    "Both are in the commercial partition (aws). The account's seller of record is not known to Pump; AWS refuses " +
      "with ORGANIZATION_FROM_DIFFERENT_SELLER_OF_RECORD if it differs (e.g. AWS India).",
  );

  let observed: OrganizationSummary | null | undefined;
  const localBlock = verdicts.some(
    (v) => v.kind === "blocked" || v.kind === "already_member" || v.kind === "already_pending",
  );
  if (localBlock)
    check("organization", "Customer's current organization", "skipped", "Not asked: an earlier check already decides.");
  else {
    try {
      observed = await describeFromCustomerRole(deps, account);
      verdicts.push(...classify(checks, account, organization, observed));
    } catch (error) {
      check(
        "organization",
        "Customer's current organization",
        "warn",
        `Could not ask AWS through the customer's role (${isAwsDomainError(error) ? error.message : "unexpected error"}). ` +
          "If the account belongs to another organization, the invite may fail or need a direct transfer.",
      );
    }
  }
  return { account, organization, usage, checks, verdict: pick(verdicts), observed };
}

async function describeFromCustomerRole(deps: Deps, account: InviteAccount) {
  // Through the operator the customer's role trusts, which need not be the organization the invite comes from.
  const operatorRoleArn = await actingOperatorRoleArn(deps.db, { tenantId: account.tenantId });
  if (!operatorRoleArn)
    throw new DomainError("No Pump organization can reach this account: configure a default organization.");
  const session = await assumeCustomerRole(deps.gateway, {
    operatorRoleArn,
    customerRoleArn: account.roleArn!,
    externalId: account.externalId,
    staff: deps.staff,
  });
  return deps.gateway.describeOrganization(session);
}

function classify(
  checks: PreflightCheck[],
  account: InviteAccount,
  org: PumpOrganization,
  observed: OrganizationSummary | null,
): Verdict[] {
  const label = "Customer's current organization";
  if (observed === null) {
    checks.push({ key: "organization", label, status: "pass", detail: "Standalone: not in any organization." });
    return [];
  }
  if (observed.id === org.orgId) {
    const detail = `AWS says the account is already in ${org.name} (${org.orgId}); sync invites to record it.`;
    checks.push({ key: "organization", label, status: "fail", detail });
    return [{ kind: "already_member", detail }];
  }
  if (observed.managementAccountId === account.accountId) {
    const details = `Management account of ${observed.id}: it cannot join another organization until its owner removes every member account and deletes that organization (or Pump brings the organization whole).`;
    checks.push({ key: "organization", label, status: "fail", detail: details });
    return [
      {
        kind: "exception",
        exceptionKind: "other_management",
        reason: "Management account of another organization",
        details,
        otherOrgId: observed.id,
      },
    ];
  }
  const detail = `Member of ${observed.id}. Since late 2025 accepting the invite transfers it directly; it loses: ${TRANSFER_LOSSES.join("; ")}.`;
  checks.push({ key: "organization", label, status: "warn", detail });
  return [{ kind: "confirm_transfer", otherOrgId: observed.id }];
}

const order: Verdict["kind"][] = [
  "blocked",
  "already_member",
  "already_pending",
  "exception",
  "hold",
  "confirm_transfer",
  "ready",
];
const pick = (verdicts: Verdict[]): Verdict =>
  [...verdicts].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind))[0] ?? { kind: "ready" };

export function describeActive(invite: InviteRow): string {
  if (invite.phase === "queued") return "An invite is queued, waiting for daily-limit headroom.";
  if (invite.phase === "in_flight") return "An invite is being sent (or its outcome is being reconciled with AWS).";
  return `Invitation ${invite.handshakeId} is ${invite.state}${invite.expiresAt ? `, expiring ${invite.expiresAt.toISOString()}` : ""}.`;
}
