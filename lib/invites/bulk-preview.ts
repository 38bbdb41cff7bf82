import "server-only";
import { eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { awsAccounts, pumpOrganizations, tenants } from "@/db/schema";
import type { AwsGateway } from "@/lib/aws";
import type { StaffRef } from "@/lib/aws/role-chain";
import { DomainError, isDomainError } from "@/lib/errors";
import { runPreflight } from "./preflight";
import { organizationUsage } from "./usage";
import { verdictView, type PreflightView, type VerdictView } from "./views";

/**
 * A bulk invite's preview: every account's preflight verdict, and the plan the daily limit and quota allow — the
 * first `headroom` sendable accounts go now, the rest wait in the queue, visibly.
 */

export type BulkRow = {
  accountId: string;
  awsAccountId: string | null;
  name: string | null;
  pumpId: string | null;
  verdict: VerdictView;
  checks: PreflightView["checks"];
  plan: "send" | "wait" | "exception" | "skip";
};

export type BulkPreview = {
  rows: BulkRow[];
  usage: Awaited<ReturnType<typeof organizationUsage>>;
  sendNow: number;
  wait: number;
};

const CONCURRENCY = 4;

export async function previewBulkInvite(
  deps: { db: Db; gateway: AwsGateway; staff: StaffRef; now?: () => Date },
  p: { accountIds?: string[]; pumpIds?: string[]; pumpOrganizationId: string },
): Promise<BulkPreview> {
  const byAccount = p.accountIds?.length
    ? await deps.db
        .select({ id: awsAccounts.id, accountId: awsAccounts.accountId })
        .from(awsAccounts)
        .where(inArray(awsAccounts.accountId, p.accountIds))
    : [];
  const byTenant = p.pumpIds?.length
    ? await deps.db
        .select({ id: awsAccounts.id, accountId: awsAccounts.accountId })
        .from(awsAccounts)
        .innerJoin(tenants, eq(tenants.id, awsAccounts.tenantId))
        .where(inArray(tenants.pumpId, p.pumpIds))
    : [];
  const known = new Map([...byAccount, ...byTenant].map((a) => [a.accountId, a.id]));
  const order = [...new Set([...(p.accountIds ?? []), ...byTenant.map((a) => a.accountId).sort()])];

  const rows: BulkRow[] = new Array(order.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < order.length; i = next++) {
      const accountId = order[i]!;
      const awsAccountId = known.get(accountId) ?? null;
      rows[i] = awsAccountId
        ? await previewOne(deps, accountId, awsAccountId, p.pumpOrganizationId)
        : unknownAccount(accountId);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));

  const [org] = await deps.db.select().from(pumpOrganizations).where(eq(pumpOrganizations.id, p.pumpOrganizationId));
  if (!org) throw new DomainError("That Pump organization no longer exists.");
  const usage = await organizationUsage(deps.db, org, deps.now ? deps.now() : await deps.gateway.now());
  let slots = usage.headroom;
  let sendNow = 0;
  let wait = 0;
  for (const row of rows) {
    if (row.plan !== "send") continue;
    if (slots > 0) {
      slots--;
      sendNow++;
    } else {
      row.plan = "wait";
      wait++;
    }
  }
  return { rows, usage, sendNow, wait };
}

async function previewOne(
  deps: Parameters<typeof previewBulkInvite>[0],
  accountId: string,
  awsAccountId: string,
  pumpOrganizationId: string,
): Promise<BulkRow> {
  try {
    const pf = await runPreflight(deps, { awsAccountId, pumpOrganizationId });
    const verdict = verdictView(pf.verdict);
    const plan =
      pf.verdict.kind === "exception" ? "exception" : verdict.canSend || pf.verdict.kind === "hold" ? "send" : "skip";
    return {
      accountId,
      awsAccountId,
      name: pf.account.name,
      pumpId: pf.account.pumpId,
      verdict,
      checks: pf.checks,
      plan,
    };
  } catch (error) {
    const detail = isDomainError(error) ? error.message : "The preflight failed unexpectedly.";
    return {
      accountId,
      awsAccountId,
      name: null,
      pumpId: null,
      verdict: { kind: "blocked", title: "Preflight failed", detail, canSend: false, needsTransferAck: false },
      checks: [],
      plan: "skip",
    };
  }
}

const unknownAccount = (accountId: string): BulkRow => ({
  accountId,
  awsAccountId: null,
  name: null,
  pumpId: null,
  verdict: {
    kind: "blocked",
    title: "Not a Pump account",
    detail: "No tenant has this AWS account: add it to a tenant first.",
    canSend: false,
    needsTransferAck: false,
  },
  checks: [],
  plan: "skip",
});
