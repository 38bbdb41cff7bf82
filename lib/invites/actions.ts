"use server";

import { revalidatePath } from "next/cache";
import { getAwsGateway, isSandboxMode } from "@/lib/aws";
import {
  advanceSandboxClock as advanceClock,
  sandboxAcceptHandshake,
  sandboxDeclineHandshake,
} from "@/lib/aws/sandbox-organizations-admin";
import { authorizedAction } from "@/lib/auth/action";
import { DomainError } from "@/lib/errors";
import { previewBulkInvite as preview } from "./bulk-preview";
import { cancelInvite as cancel, resendInvite as resend } from "./cancel-invite";
import { loadInviteAccount } from "./context";
import { inviteDepsFor, reconcileDepsFor } from "./deps";
import { runPreflight } from "./preflight";
import { processInviteQueue, queueBulkInvites as queue, sendQueuedInvite as sendQueued } from "./queue";
import { reconcileAll } from "./reconcile";
import * as s from "./schemas";
import { sendInvite as send } from "./send-invite";
import { preflightView } from "./views";
import { sandboxInvite } from "./sandbox-invite";

const account = (i: { awsAccountId: string }) => ({ type: "aws_account", id: i.awsAccountId });
const invite = (i: { inviteId: string }) => ({ type: "org_invite", id: i.inviteId });
const org = (i: { pumpOrganizationId?: string }) => ({ type: "pump_organization", id: i.pumpOrganizationId ?? "all" });
const refresh = <T>(result: T) => {
  revalidatePath("/invites");
  revalidatePath("/organizations");
  revalidatePath("/tenants/[pumpId]", "page");
  return result;
};

/** Runs the checklist (it asks AWS through the customer's role, so it is audited like any call into their account). */
export const preflightInvite = authorizedAction(
  { name: "invites.preflight", permission: "invites.send", schema: s.preflightSchema, target: account },
  async (input, ctx) => {
    const pf = await runPreflight({ db: ctx.db, gateway: await getAwsGateway(), staff: ctx.actor }, input);
    await ctx.audit(ctx.db, { after: { organization: pf.organization.orgId, verdict: pf.verdict.kind } });
    return preflightView(pf);
  },
);

export const sendInvite = authorizedAction(
  { name: "invites.send", permission: "invites.send", schema: s.sendInviteSchema, target: account },
  async ({ confirmAccountId, ...input }, ctx) => {
    // Step-up: the person typed the account they mean, checked against the record, not the form, before anything is
    // asked of AWS.
    const target = await loadInviteAccount(ctx.db, input.awsAccountId);
    if (confirmAccountId !== target.accountId) {
      throw new DomainError("Type the account's 12-digit ID to confirm.", {
        confirmAccountId: ["Does not match this account."],
      });
    }
    const outcome = await send(await inviteDepsFor(ctx), { ...input, source: "single" });
    return refresh({ kind: outcome.kind, detail: "detail" in outcome ? outcome.detail : undefined });
  },
);

export const previewBulkInvite = authorizedAction(
  {
    name: "invites.bulk_preview",
    permission: "invites.send",
    schema: s.bulkPreviewSchema,
    target: (i) => ({ type: "pump_organization", id: i.pumpOrganizationId }),
  },
  async (input, ctx) => {
    const result = await preview({ db: ctx.db, gateway: await getAwsGateway(), staff: ctx.actor }, input);
    await ctx.audit(ctx.db, { after: { accounts: result.rows.length, sendNow: result.sendNow, wait: result.wait } });
    return result;
  },
);

export const queueBulkInvites = authorizedAction(
  {
    name: "invites.queue_bulk",
    permission: "invites.send",
    schema: s.bulkQueueSchema,
    target: (i) => ({ type: "pump_organization", id: i.pumpOrganizationId }),
  },
  async (input, ctx) => refresh(await queue(await inviteDepsFor(ctx), input)),
);

export const sendQueuedInvite = authorizedAction(
  { name: "invites.send", permission: "invites.send", schema: s.queuedRefSchema, target: invite },
  async (input, ctx) => {
    const outcome = await sendQueued(await inviteDepsFor(ctx), input.inviteId);
    return refresh({ kind: outcome.kind, detail: "detail" in outcome ? outcome.detail : undefined });
  },
);

/** Sends what the queue holds while headroom lasts (the page's "Send queued"; the reconciler script does the same). */
export const sendQueuedInvites = authorizedAction(
  { name: "invites.send_queued", permission: "invites.send", schema: s.syncSchema, target: org },
  async (input, ctx) => {
    const deps = await inviteDepsFor(ctx);
    let audited = false;
    const outcomes = await processInviteQueue(
      {
        ...deps,
        audit: async (tx, e) => {
          audited = true;
          await deps.audit(tx, e);
        },
      },
      { pumpOrganizationId: input.pumpOrganizationId },
    );
    if (!audited) await ctx.audit(ctx.db, { after: { sent: 0 } });
    return refresh(outcomes);
  },
);

export const cancelInvite = authorizedAction(
  { name: "invites.cancel", permission: "invites.cancel", schema: s.inviteRefSchema, target: invite },
  async (input, ctx) => {
    const row = await cancel(await inviteDepsFor(ctx), input.inviteId, input.confirmAccountId);
    return refresh({ state: row.state ?? row.phase, notCanceledBecause: row.notCanceledBecause });
  },
);

export const resendInvite = authorizedAction(
  { name: "invites.resend", permission: "invites.cancel", schema: s.resendInviteSchema, target: invite },
  async (input, ctx) => {
    const outcome = await resend(
      await inviteDepsFor(ctx),
      input.inviteId,
      input.confirmAccountId,
      input.acknowledgeTransfer,
    );
    return refresh({ kind: outcome.kind, detail: "detail" in outcome ? outcome.detail : undefined });
  },
);

/** Sync: follow AWS's state of every invitation (on demand, and by the page when the data is a few minutes old). */
export const syncInvites = authorizedAction(
  { name: "invites.sync", permission: "invites.read", schema: s.syncSchema, target: org },
  async (input, ctx) => {
    const reports = await reconcileAll(await reconcileDepsFor(ctx, false), input.pumpOrganizationId);
    await ctx.audit(ctx.db, { after: { reports } });
    return refresh(reports);
  },
);

/** The reconciler: also concludes intents stuck in flight (by reading AWS, never by re-sending). */
export const reconcileInvites = authorizedAction(
  { name: "invites.reconcile", permission: "invites.reconcile", schema: s.syncSchema, target: org },
  async (input, ctx) => {
    const reports = await reconcileAll(await reconcileDepsFor(ctx, true), input.pumpOrganizationId);
    await ctx.audit(ctx.db, { after: { reports } });
    return refresh(reports);
  },
);

/** Sandbox only: what the customer would do with the invitation in their AWS console. */
export const sandboxRespondToInvite = authorizedAction(
  { name: "sandbox.respond_to_invite", permission: "sandbox.simulate", schema: s.sandboxRespondSchema, target: invite },
  async (input, ctx) => {
    if (!isSandboxMode()) throw new DomainError("Only the sandbox can simulate the customer's answer.");
    const { handshakeId, pumpOrganizationId } = await sandboxInvite(ctx.db, input.inviteId);
    const answer = input.answer === "accept" ? sandboxAcceptHandshake : sandboxDeclineHandshake;
    await answer(ctx.db, handshakeId);
    await ctx.audit(ctx.db, { after: { handshakeId, answer: input.answer } });
    return refresh(await reconcileAll(await reconcileDepsFor(ctx, false), pumpOrganizationId));
  },
);

/** Sandbox only: moves the Organizations clock forward, to see expiry and the daily window without waiting. */
export const advanceSandboxClock = authorizedAction(
  {
    name: "sandbox.advance_clock",
    permission: "sandbox.simulate",
    schema: s.sandboxClockSchema,
    target: () => ({ type: "sandbox", id: "clock" }),
  },
  async (input, ctx) => {
    if (!isSandboxMode()) throw new DomainError("Only the sandbox has a clock to move.");
    await advanceClock(ctx.db, input.days * 24 * 3600 * 1000);
    await ctx.audit(ctx.db, { after: { days: input.days } });
    return refresh(await reconcileAll(await reconcileDepsFor(ctx, false)));
  },
);
