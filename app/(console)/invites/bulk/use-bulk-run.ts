import { useState } from "react";
import type { FieldErrors } from "@/lib/auth/action";
import { queueBulkInvites, sendQueuedInvite } from "@/lib/invites/actions";
import type { BulkPreview } from "@/lib/invites/bulk-preview";
import { isQueuedPlan, type RowOutcome } from "./bulk-labels";

/**
 * The bulk run, in the browser so the person watches it: queue the confirmed batch (one intent per account, all
 * recorded at once), then send the queued invites one at a time through the exactly-once path. The first one the
 * daily limit (or quota) holds back ends the sending: the rest stay queued, untouched, for a later "Send queued"
 * or the reconciler — asking AWS for each would only spend calls to hear "no" again.
 */

export type RunRequest = {
  preview: BulkPreview;
  pumpOrganizationId: string;
  acknowledgeTransfer: boolean;
  confirmCount: string;
};
export type RunState = {
  status: "idle" | "queuing" | "sending" | "done";
  /** By awsAccountId. */
  outcomes: Record<string, RowOutcome>;
  /** Accounts in the batch (queued now, or already pending before). */
  total: number;
  /** Why the last sending stopped early, in the service's words (e.g. the next slot). */
  heldBecause?: string;
  error?: string;
  fieldErrors?: FieldErrors;
};

type SendResult = Awaited<ReturnType<typeof sendQueuedInvite>>;

const UNREACHABLE =
  "The console could not reach the server, so this invite's outcome is unknown (the Invites page shows it).";

function toOutcome(result: SendResult): RowOutcome {
  if (!result.ok) return { kind: "error", detail: result.error };
  const detail = result.data.detail ?? "";
  switch (result.data.kind) {
    case "sent":
      return { kind: "sent" };
    case "queued":
      return { kind: "waiting", detail: detail || "Waiting for headroom." };
    case "exception":
      return { kind: "exception", detail };
    case "failed":
      return { kind: "failed", detail };
    case "in_doubt":
      return { kind: "in_doubt", detail };
    case "already_pending":
      return {
        kind: "already_pending",
        detail: "Another invite is already pending for this account: nothing new was sent.",
      };
  }
}

export function useBulkRun() {
  const [state, setState] = useState<RunState>({ status: "idle", outcomes: {}, total: 0 });
  const setOutcome = (awsAccountId: string, outcome: RowOutcome) =>
    setState((s) => ({ ...s, outcomes: { ...s.outcomes, [awsAccountId]: outcome } }));

  async function run(req: RunRequest) {
    const rows = req.preview.rows.filter((r) => r.awsAccountId !== null && isQueuedPlan(r.plan));
    setState({ status: "queuing", outcomes: {}, total: 0 });
    const queued = await queueBulkInvites({
      awsAccountIds: rows.map((r) => r.awsAccountId!),
      pumpOrganizationId: req.pumpOrganizationId,
      acknowledgeTransfer: req.acknowledgeTransfer,
      confirmCount: req.confirmCount,
    }).catch(() => ({
      ok: false as const,
      error: `${UNREACHABLE} Check the Invites page for queued invites before trying again.`,
      fieldErrors: undefined,
    }));
    if (!queued.ok) {
      setState({ status: "idle", outcomes: {}, total: 0, error: queued.error, fieldErrors: queued.fieldErrors });
      return;
    }

    const outcomes: Record<string, RowOutcome> = {};
    for (const q of queued.data) {
      outcomes[q.awsAccountId] =
        q.result === "queued"
          ? { kind: "queued" }
          : {
              kind: "already_pending",
              detail: "An invite was already queued, in flight or pending: not queued again.",
            };
    }
    setState({ status: "sending", outcomes, total: queued.data.length });

    // Exceptions first: the service records their exception case without inviting (and regardless of headroom),
    // so they are settled even when the daily limit stops the sending below. Array.sort is stable.
    const plans = new Map(rows.map((r) => [r.awsAccountId, r.plan]));
    const toSend = queued.data
      .filter((q) => q.result === "queued")
      .sort(
        (a, b) => Number(plans.get(b.awsAccountId) === "exception") - Number(plans.get(a.awsAccountId) === "exception"),
      );

    let heldBecause: string | undefined;
    for (const q of toSend) {
      if (heldBecause !== undefined) {
        setOutcome(q.awsAccountId, { kind: "waiting", detail: heldBecause });
        continue;
      }
      setOutcome(q.awsAccountId, { kind: "sending" });
      let result: SendResult;
      try {
        result = await sendQueuedInvite({ inviteId: q.inviteId });
      } catch {
        // The request may or may not have reached the server: claim nothing, stop, and leave the rest queued.
        setOutcome(q.awsAccountId, { kind: "error", detail: UNREACHABLE });
        setState((s) => ({ ...s, status: "done", error: `${UNREACHABLE} The invites not sent yet stay queued.` }));
        return;
      }
      const outcome = toOutcome(result);
      if (outcome.kind === "waiting") heldBecause = outcome.detail;
      setOutcome(q.awsAccountId, outcome);
    }
    setState((s) => ({ ...s, status: "done", heldBecause }));
  }

  return { state, run };
}
