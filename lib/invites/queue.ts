import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { orgInvites } from "@/db/schema";
import { DomainError } from "@/lib/errors";
import { activeInvite, loadInviteAccount, resolveOrganization } from "./context";
import { lockAccountInvites, lockOrganizationInvites } from "./locks";
import { sendInvite, type InviteDeps, type SendOutcome } from "./send-invite";

/**
 * Bulk invites: staff confirm a list, every account gets a queued intent at once (so the whole batch is recorded and
 * visible), then each is sent through the exactly-once path as headroom allows. What the daily limit holds back stays
 * queued, in view, until a later run (the Invites page's "Send queued", or the reconciler script) sends it.
 */

export type QueueResult = {
  awsAccountId: string;
  accountId: string;
  result: "queued" | "already_pending";
  inviteId: string;
};

export async function queueBulkInvites(
  deps: InviteDeps,
  p: { awsAccountIds: string[]; pumpOrganizationId: string; acknowledgeTransfer: boolean },
): Promise<QueueResult[]> {
  const results: QueueResult[] = [];
  for (const awsAccountId of p.awsAccountIds) {
    const account = await loadInviteAccount(deps.db, awsAccountId);
    const org = await resolveOrganization(deps.db, account, p.pumpOrganizationId);
    results.push(
      await deps.db.transaction(async (tx): Promise<QueueResult> => {
        await lockAccountInvites(tx, account.id);
        const existing = await activeInvite(tx, account.id);
        if (existing)
          return { awsAccountId, accountId: account.accountId, result: "already_pending", inviteId: existing.id };
        await lockOrganizationInvites(tx, org.id);
        const [row] = await tx
          .insert(orgInvites)
          .values({
            awsAccountId,
            pumpOrganizationId: org.id,
            phase: "queued",
            source: "bulk",
            requestedBy: deps.requestedBy,
            transferAcknowledged: p.acknowledgeTransfer,
          })
          .returning({ id: orgInvites.id });
        await deps.audit(tx, {
          action: "invites.queue_bulk",
          targetType: "aws_account",
          targetId: awsAccountId,
          after: { inviteId: row!.id, accountId: account.accountId, organization: org.orgId },
        });
        return { awsAccountId, accountId: account.accountId, result: "queued", inviteId: row!.id };
      }),
    );
  }
  return results;
}

/** Sends one queued invite (the bulk page calls this per account, to show progress). */
export async function sendQueuedInvite(deps: InviteDeps, inviteId: string): Promise<SendOutcome> {
  const [row] = await deps.db.select().from(orgInvites).where(eq(orgInvites.id, inviteId));
  if (!row) throw new DomainError("That invite no longer exists.");
  if (row.phase !== "queued")
    throw new DomainError(`That invite is no longer queued (it is ${row.state ?? row.phase}).`);
  return sendInvite(deps, {
    awsAccountId: row.awsAccountId,
    pumpOrganizationId: row.pumpOrganizationId,
    source: "bulk",
    queuedInviteId: row.id,
    acknowledgeTransfer: row.transferAcknowledged,
  });
}

/** Sends queued invites, oldest first, until one is held back again (no headroom) or the queue is empty. */
export async function processInviteQueue(deps: InviteDeps, opts: { pumpOrganizationId?: string; limit?: number } = {}) {
  const queued = await deps.db
    .select({ id: orgInvites.id, org: orgInvites.pumpOrganizationId })
    .from(orgInvites)
    .where(
      and(
        eq(orgInvites.phase, "queued"),
        opts.pumpOrganizationId ? eq(orgInvites.pumpOrganizationId, opts.pumpOrganizationId) : undefined,
      ),
    )
    .orderBy(asc(orgInvites.createdAt))
    .limit(opts.limit ?? 100);
  const outcomes: { inviteId: string; kind: SendOutcome["kind"] | "error"; detail?: string }[] = [];
  const full = new Set<string>();
  for (const q of queued) {
    if (full.has(q.org)) continue;
    try {
      const outcome = await sendQueuedInvite(deps, q.id);
      if (outcome.kind === "queued") full.add(q.org);
      outcomes.push({ inviteId: q.id, kind: outcome.kind, detail: "detail" in outcome ? outcome.detail : undefined });
    } catch (error) {
      outcomes.push({ inviteId: q.id, kind: "error", detail: error instanceof Error ? error.message : String(error) });
    }
  }
  return outcomes;
}
