"use client";

import { useCallback, useState } from "react";
import { Button } from "@/components/ui/button";
import { canCancelInvite, canResendInvite, isPendingInvite, type InviteStatus } from "@/lib/invites/labels";
import { formatAccountId } from "@/lib/tenants/aws-ids";
import { ChangeInviteDialog } from "./change-invite-dialog";
import { OutcomeText, useOutcomeReporter, type Outcome } from "./outcome-notice";
import { SandboxAnswerButtons } from "./sandbox-answer-buttons";

type Props = {
  invite: InviteStatus & { id: string; accountId: string };
  /** invites.cancel: cancel and resend. */
  canChange: boolean;
  /** Sandbox mode and sandbox.simulate: the customer's side. */
  canSimulate: boolean;
  transferLosses: readonly string[];
};

/** Cancel / Resend (each behind the typed confirmation) and, in the sandbox, the customer's answer. */
export function InviteRowActions({ invite, canChange, canSimulate, transferLosses }: Props) {
  const [open, setOpen] = useState<"cancel" | "resend" | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const report = useOutcomeReporter();
  const label = formatAccountId(invite.accountId);
  const close = useCallback(() => setOpen(null), []);
  const done = useCallback(
    (o: Outcome) => {
      setOpen(null);
      if (report) report(o);
      else setOutcome(o);
    },
    [report],
  );
  const showCancel = canChange && canCancelInvite(invite);
  const showResend = canChange && canResendInvite(invite);
  const showSandbox = canSimulate && isPendingInvite(invite);
  if (!showCancel && !showResend && !showSandbox) return null;

  return (
    <div className="flex flex-col items-start gap-1.5">
      <div className="flex flex-wrap items-start gap-2">
        {showCancel ? (
          <Button size="sm" variant="danger" onClick={() => setOpen("cancel")}>
            Cancel<span className="sr-only"> the invite for {label}</span>
          </Button>
        ) : null}
        {showResend ? (
          <Button size="sm" variant="secondary" onClick={() => setOpen("resend")}>
            Resend<span className="sr-only"> the invite for {label}</span>
          </Button>
        ) : null}
        {showSandbox ? <SandboxAnswerButtons inviteId={invite.id} accountId={invite.accountId} /> : null}
      </div>
      <OutcomeText outcome={outcome} />
      {open ? (
        <ChangeInviteDialog
          kind={open}
          inviteId={invite.id}
          accountId={invite.accountId}
          transferLosses={transferLosses}
          onClose={close}
          onDone={done}
        />
      ) : null}
    </div>
  );
}
