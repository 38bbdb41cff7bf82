"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import type { ActionResult } from "@/lib/auth/action";
import { preflightInvite, sendInvite } from "@/lib/invites/actions";
import { describeSendOutcome } from "@/lib/invites/labels";
import type { PreflightView } from "@/lib/invites/views";
import { formatAccountId } from "@/lib/tenants/aws-ids";
import { PreflightChecklist, VerdictBox } from "./preflight-result";

export type OrganizationChoice = { id: string; name: string; orgId: string };

type Props = {
  awsAccountId: string;
  accountId: string;
  organizations: OrganizationChoice[];
  /** The tenant's default organization, else Pump's default. */
  defaultOrganizationId: string | null;
  transferLosses: readonly string[];
};

/** Each run is numbered, so the send form below starts fresh (no stale outcome or typed ID) after a new preflight. */
type PreflightState = { run: number; result: ActionResult<PreflightView> } | null;

/**
 * Organization → preflight → checklist and verdict → typed confirmation → send. The verdict decides what is
 * offered; the server runs the preflight again on send and decides again, so a stale page cannot send past it.
 */
export function InvitePanel({ awsAccountId, accountId, organizations, defaultOrganizationId, transferLosses }: Props) {
  const [organizationId, setOrganizationId] = useState(defaultOrganizationId ?? organizations[0]?.id ?? "");
  const [preflight, runPreflight, checking] = useActionState<PreflightState, FormData>(
    async (previous, form) => ({ run: (previous?.run ?? 0) + 1, result: await preflightInvite(form) }),
    null,
  );
  const titleId = `invite-${accountId}-title`;
  const view = preflight?.result.ok ? preflight.result.data : null;
  const isCurrent = view?.organization.id === organizationId;

  return (
    <section
      aria-labelledby={titleId}
      className="mt-3 space-y-3 rounded-md border border-indigo-200 bg-indigo-50/40 p-3"
    >
      <h4 id={titleId} className="text-sm font-semibold text-slate-900">
        Invite into a Pump organization
      </h4>
      <form action={runPreflight} className="flex flex-wrap items-end gap-3">
        <input type="hidden" name="awsAccountId" value={awsAccountId} />
        <div className="min-w-64">
          <SelectField
            id={`invite-${accountId}-organization`}
            label="Pump organization"
            name="pumpOrganizationId"
            value={organizationId}
            onChange={(e) => setOrganizationId(e.target.value)}
            options={organizations.map((o) => ({ value: o.id, label: `${o.name} (${o.orgId})` }))}
          />
        </div>
        <Button type="submit" variant="secondary" disabled={checking}>
          {checking ? "Running preflight…" : "Run preflight"}
        </Button>
      </form>
      <div aria-live="polite" className="space-y-3">
        {preflight && !preflight.result.ok ? <Alert tone="error">{preflight.result.error}</Alert> : null}
        {view && !isCurrent ? (
          <p className="text-sm text-slate-700">The organization changed: run the preflight again for it.</p>
        ) : null}
        {view && isCurrent ? (
          <>
            <PreflightChecklist checks={view.checks} />
            <VerdictBox verdict={view.verdict} />
            {view.verdict.canSend || view.verdict.kind === "exception" ? (
              <SendInviteForm key={preflight!.run} view={view} transferLosses={transferLosses} />
            ) : null}
          </>
        ) : null}
      </div>
    </section>
  );
}

type SendResult = ActionResult<{ kind: string; detail?: string }> | null;

function SendInviteForm({ view, transferLosses }: { view: PreflightView; transferLosses: readonly string[] }) {
  const router = useRouter();
  const [state, send, sending] = useActionState<SendResult, FormData>(sendInvite, null);
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);
  const label = formatAccountId(view.account.accountId);
  const isException = view.verdict.kind === "exception";

  if (state?.ok) {
    const isProblem = state.data.kind === "failed" || state.data.kind === "in_doubt";
    return <Alert tone={isProblem ? "error" : "success"}>{describeSendOutcome(state.data)}</Alert>;
  }
  return (
    <form
      action={send}
      aria-label={isException ? `Record exception for ${label}` : `Send invite to ${label}`}
      className="space-y-3"
    >
      <input type="hidden" name="awsAccountId" value={view.account.id} />
      <input type="hidden" name="pumpOrganizationId" value={view.organization.id} />
      {isException ? (
        <p className="text-sm text-slate-800">
          This account cannot be invited as it is. Recording the exception sends <strong>no invitation</strong>: it
          opens a case for a solutions architect with the reason above, and marks the account as an exception.
        </p>
      ) : null}
      <div className="max-w-xs">
        <TextField
          id={`invite-${view.account.accountId}-confirm`}
          label={`Type ${label} to confirm`}
          name="confirmAccountId"
          autoComplete="off"
          inputMode="numeric"
          required
          errors={state && !state.ok ? state.fieldErrors?.confirmAccountId : undefined}
        />
      </div>
      {view.verdict.needsTransferAck ? (
        <fieldset className="rounded-md border border-amber-300 bg-amber-50 p-2 text-sm text-amber-950">
          <legend className="px-1 font-semibold">Direct transfer</legend>
          <p>If its owner accepts, the account moves directly out of its current organization and loses:</p>
          <ul className="mt-1 list-disc pl-5">
            {transferLosses.map((loss) => (
              <li key={loss}>{loss}</li>
            ))}
          </ul>
          <label className="mt-2 flex items-start gap-2 font-medium">
            <input type="checkbox" name="acknowledgeTransfer" required className="mt-1" />I acknowledge the direct
            transfer and what the account loses
          </label>
        </fieldset>
      ) : null}
      <Button type="submit" variant={isException ? "secondary" : "primary"} disabled={sending}>
        {sending
          ? isException
            ? "Recording…"
            : "Sending…"
          : isException
            ? "Record exception (no invite is sent)"
            : `Send invite into ${view.organization.name}`}
      </Button>
      {state && !state.ok ? <Alert tone="error">{state.error}</Alert> : null}
    </form>
  );
}
