"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/auth/action";
import { advanceSandboxClock, reconcileInvites, sendQueuedInvites, syncInvites } from "@/lib/invites/actions";
import type { ReconcileReport } from "@/lib/invites/reconcile";
import { ActionButton } from "../_components/action-button";
import { OutcomeText } from "../_components/outcome-notice";

function describeReports(reports: ReconcileReport[]) {
  const failed = reports.filter((r) => r.error);
  const text = reports
    .map((r) =>
      r.error
        ? `${r.organization}: AWS could not be read (${r.error}); nothing changed.`
        : `${r.organization}: ${r.changed} changed, ${r.imported} imported, ${r.adopted} adopted, ${r.notSent} found never sent.`,
    )
    .join(" ");
  return { text: text || "No organization to sync.", isProblem: failed.length > 0 };
}

type QueueOutcome = { kind: string; detail?: string };

function describeQueue(outcomes: QueueOutcome[]) {
  const count = (kind: string) => outcomes.filter((o) => o.kind === kind).length;
  const problems = outcomes.filter((o) => o.kind === "error" || o.kind === "failed");
  const text =
    `Sent ${count("sent")}, still queued ${count("queued")}, exceptions ${count("exception")}, failed ${count("failed")}, in doubt ${count("in_doubt")}.` +
    (problems.length
      ? ` ${problems
          .map((p) => p.detail)
          .filter(Boolean)
          .join(" ")}`
      : "");
  return { text, isProblem: problems.length > 0 };
}

type Props = {
  pumpOrganizationId?: string;
  canReconcile: boolean;
  canSend: boolean;
  queued: number;
  canSimulate: boolean;
};

/** The page's actions. Sync and reconcile only read AWS; "Send queued" sends what waits, while headroom lasts. */
export function InvitesToolbar({ pumpOrganizationId, canReconcile, canSend, queued, canSimulate }: Props) {
  const scope = pumpOrganizationId ? { pumpOrganizationId } : {};
  return (
    <div className="flex flex-col items-end gap-2">
      <div className="flex flex-wrap items-start justify-end gap-2">
        <ActionButton action={syncInvites} input={scope} pendingLabel="Syncing…" describe={describeReports} size="md">
          Sync from AWS
        </ActionButton>
        {canReconcile ? (
          <ActionButton
            action={reconcileInvites}
            input={scope}
            pendingLabel="Reconciling…"
            describe={describeReports}
            size="md"
          >
            Run reconciler
          </ActionButton>
        ) : null}
        {canSend && queued > 0 ? (
          <ActionButton
            action={sendQueuedInvites}
            input={{}}
            pendingLabel="Sending…"
            describe={describeQueue}
            variant="primary"
            size="md"
          >
            Send queued ({queued})
          </ActionButton>
        ) : null}
      </div>
      {canSimulate ? <SandboxClockForm /> : null}
    </div>
  );
}

function SandboxClockForm() {
  const router = useRouter();
  const [state, action, pending] = useActionState<ActionResult<ReconcileReport[]> | null, FormData>(
    advanceSandboxClock,
    null,
  );
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);
  const outcome = state ? (state.ok ? describeReports(state.data) : { text: state.error, isProblem: true }) : null;
  return (
    <form
      action={action}
      aria-label="Sandbox clock"
      className="flex flex-col items-end gap-1 rounded-md border border-dashed border-amber-400 bg-amber-50 px-3 py-2"
    >
      <div className="flex items-center gap-2 text-sm whitespace-nowrap text-amber-950">
        <label htmlFor="sandbox-days">
          <span className="font-semibold">Sandbox only:</span> advance the sandbox&apos;s AWS clock by
        </label>
        <input
          id="sandbox-days"
          name="days"
          type="number"
          min={1}
          max={60}
          defaultValue={1}
          required
          className="w-16 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 shadow-sm focus:outline-2 focus:outline-indigo-500"
        />
        <span>days</span>
        <Button type="submit" size="sm" variant="secondary" disabled={pending}>
          {pending ? "Advancing…" : "Advance sandbox clock"}
        </Button>
      </div>
      {state && !state.ok && state.fieldErrors?.days ? (
        <p className="text-xs text-red-800">{state.fieldErrors.days.join(" ")}</p>
      ) : null}
      {outcome ? (
        <OutcomeText outcome={{ ...outcome, text: state?.ok ? `Clock advanced. ${outcome.text}` : outcome.text }} />
      ) : null}
    </form>
  );
}
