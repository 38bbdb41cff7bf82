"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect, useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import type { ActionResult } from "@/lib/auth/action";
import { cancelInvite, resendInvite } from "@/lib/invites/actions";
import { describeSendOutcome } from "@/lib/invites/labels";
import { formatAccountId } from "@/lib/tenants/aws-ids";
import type { Outcome } from "./outcome-notice";

type Result = ActionResult<{
  state?: string | null;
  notCanceledBecause?: unknown;
  kind?: string;
  detail?: string;
}> | null;

type Props = {
  kind: "cancel" | "resend";
  inviteId: string;
  accountId: string;
  transferLosses: readonly string[];
  onClose: () => void;
  onDone: (outcome: Outcome) => void;
};

function outcomeOf(kind: Props["kind"], data: NonNullable<Extract<Result, { ok: true }>>["data"]): Outcome {
  if (kind === "resend") {
    const outcome = { kind: data.kind ?? "sent", detail: data.detail };
    return {
      text: `Resent. ${describeSendOutcome(outcome)}`,
      isProblem: outcome.kind === "failed" || outcome.kind === "exception",
    };
  }
  if (data.notCanceledBecause)
    return { text: `Not cancelled: AWS reports the invitation ${String(data.notCanceledBecause)}.`, isProblem: true };
  return {
    text:
      data.state === "failed"
        ? "Cancelled: the queued invite was taken off the queue before it was sent."
        : `Cancelled: AWS reports the invitation ${data.state}.`,
    isProblem: false,
  };
}

/**
 * The step-up for cancel and resend: the person types the account ID again (checked by the server against the invite's
 * own account). A modal dialog, so nothing else on the page is clicked by mistake meanwhile.
 */
export function ChangeInviteDialog({ kind, inviteId, accountId, transferLosses, onClose, onDone }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const router = useRouter();
  // The outcome is reported from inside the action, not from an effect: the same response may re-render the list
  // without this row (it no longer matches the filter), and an effect would then never run.
  const [state, action, pending] = useActionState<Result, FormData>(async (_previous, form) => {
    const result = await (kind === "cancel" ? cancelInvite : resendInvite)(form);
    if (result.ok) {
      onDone(outcomeOf(kind, result.data));
      router.refresh();
    }
    return result;
  }, null);
  const label = formatAccountId(accountId);
  const titleId = `${kind}-${inviteId}-title`;

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClose={onClose}
      className="m-auto w-full max-w-lg rounded-lg border border-slate-200 p-0 shadow-xl backdrop:bg-slate-900/40"
    >
      <form action={action} className="space-y-3 p-5">
        <h2 id={titleId} className="text-base font-semibold text-slate-900">
          {kind === "cancel" ? `Cancel the invite for ${label}?` : `Resend the invite for ${label}?`}
        </h2>
        <input type="hidden" name="inviteId" value={inviteId} />
        {kind === "cancel" ? (
          <p className="text-sm text-slate-700">
            A pending invitation is cancelled in AWS and the customer can no longer accept it; a queued one is taken off
            the queue before it is sent. Inviting the account again later costs a new daily invitation attempt.
          </p>
        ) : (
          <p className="text-sm text-slate-700">
            Resending cancels the current invitation (if it is still pending) and sends a new one. The new invitation
            counts against the organization&apos;s daily invitation limit, and the customer must accept the new one.
          </p>
        )}
        <TextField
          id={`${kind}-${inviteId}-confirm`}
          label={`Type ${label} to confirm`}
          name="confirmAccountId"
          autoComplete="off"
          inputMode="numeric"
          required
          errors={state && !state.ok ? state.fieldErrors?.confirmAccountId : undefined}
        />
        {kind === "resend" ? (
          <label className="flex items-start gap-2 text-sm text-slate-800">
            <input type="checkbox" name="acknowledgeTransfer" className="mt-1" />
            <span>
              Acknowledge a direct transfer: if the account now belongs to another organization, accepting moves it
              straight to Pump&apos;s and it loses: {transferLosses.join("; ")}.
            </span>
          </label>
        ) : null}
        {state && !state.ok ? <Alert tone="error">{state.error}</Alert> : null}
        <div className="flex justify-end gap-2">
          <Button variant="ghost" onClick={() => ref.current?.close()}>
            Keep it
          </Button>
          <Button type="submit" variant={kind === "cancel" ? "danger" : "primary"} disabled={pending}>
            {pending
              ? kind === "cancel"
                ? "Cancelling…"
                : "Resending…"
              : kind === "cancel"
                ? "Cancel invite"
                : "Resend invite"}
          </Button>
        </div>
      </form>
    </dialog>
  );
}
