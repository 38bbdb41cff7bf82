"use client";

import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FieldErrors, TextField } from "@/components/ui/field";
import type { FieldErrors as Errors } from "@/lib/auth/action";
import type { BulkPreview } from "@/lib/invites/bulk-preview";
import { isQueuedPlan } from "./bulk-labels";

type Props = {
  preview: BulkPreview;
  organizationName: string;
  onConfirm: (input: { acknowledgeTransfer: boolean; confirmCount: string }) => void;
  busy: boolean;
  error?: string;
  fieldErrors?: Errors;
};

/**
 * The batch's step-up: the person types how many accounts will be queued (as a single invite asks for the account
 * ID). Transfers out of another organization need their own explicit acknowledgment.
 */
export function BulkConfirmForm({ preview, organizationName, onConfirm, busy, error, fieldErrors }: Props) {
  const [acknowledgeTransfer, setAcknowledgeTransfer] = useState(false);
  const [confirmCount, setConfirmCount] = useState("");
  const [ackMissing, setAckMissing] = useState(false);
  const queued = preview.rows.filter((r) => r.awsAccountId !== null && isQueuedPlan(r.plan));
  const transfers = queued.filter((r) => r.plan !== "exception" && r.verdict.needsTransferAck).length;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    // Without it the service refuses each transfer at send time; asking here keeps the batch from half-failing.
    if (transfers > 0 && !acknowledgeTransfer) return setAckMissing(true);
    setAckMissing(false);
    onConfirm({ acknowledgeTransfer, confirmCount });
  };

  if (queued.length === 0) {
    return (
      <Alert tone="info">
        Nothing to queue: every account is skipped. Fix what the checklist says, then preview again.
      </Alert>
    );
  }
  return (
    <form
      onSubmit={submit}
      aria-label="Confirm bulk invite"
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <fieldset disabled={busy} className="space-y-3">
        {transfers > 0 ? (
          <div className="space-y-1 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
            <label className="flex items-start gap-2 font-medium">
              <input
                type="checkbox"
                name="acknowledgeTransfer"
                checked={acknowledgeTransfer}
                onChange={(e) => setAcknowledgeTransfer(e.target.checked)}
                aria-describedby="acknowledgeTransfer-error"
                className="mt-0.5"
              />
              {transfers} {transfers === 1 ? "account is a member" : "accounts are members"} of another organization: I
              understand that accepting moves each directly and it loses what it had there.
            </label>
            <p className="ml-6 text-xs">
              Each of those rows lists, under Checklist, what the account loses (SSO assignments, policies, shared
              resources…).
            </p>
            <FieldErrors
              id="acknowledgeTransfer-error"
              errors={
                ackMissing
                  ? ["Tick this to queue the transfers, or remove those accounts and preview again."]
                  : undefined
              }
            />
          </div>
        ) : null}
        <div className="max-w-xs">
          <TextField
            label={`Type ${queued.length} to confirm`}
            name="confirmCount"
            inputMode="numeric"
            autoComplete="off"
            value={confirmCount}
            onChange={(e) => setConfirmCount(e.target.value)}
            errors={fieldErrors?.confirmCount}
            hint={
              `${queued.length} ${queued.length === 1 ? "account is" : "accounts are"} queued for ` +
              `${organizationName}; what has headroom is sent at once.`
            }
          />
        </div>
        {error && !fieldErrors?.confirmCount ? <Alert tone="error">{error}</Alert> : null}
        <Button type="submit" disabled={busy}>
          {busy ? "Working…" : `Queue ${queued.length} and start sending`}
        </Button>
      </fieldset>
    </form>
  );
}
