import "server-only";
import { eq } from "drizzle-orm";
import { orgInvites } from "@/db/schema";
import { DomainError } from "@/lib/errors";
import { activeInvite, type InviteAccount, type InviteRow, type PumpOrganization } from "./context";
import { lockAccountInvites, lockOrganizationInvites } from "./locks";
import { queues, type InviteDeps, type SendAudit, type SendOutcome, type SendRequest } from "./send-request";
import { organizationUsage } from "./usage";

/** The intent, under the account lock then the organization lock: one active invite per account, headroom rechecked. */
export async function recordIntent(
  deps: InviteDeps,
  account: InviteAccount,
  org: PumpOrganization,
  req: SendRequest,
  audit: SendAudit,
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
