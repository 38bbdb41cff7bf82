"use client";

import { sandboxRespondToInvite } from "@/lib/invites/actions";
import type { ReconcileReport } from "@/lib/invites/reconcile";
import { formatAccountId } from "@/lib/tenants/aws-ids";
import { ActionButton } from "./action-button";

const answered = (answer: string) => (reports: ReconcileReport[]) => {
  const failed = reports.filter((r) => r.error);
  return failed.length
    ? {
        text: `The customer ${answer} in the sandbox, but Pump could not sync: ${failed.map((r) => r.error).join(" ")}`,
        isProblem: true,
      }
    : { text: `The customer ${answer} in the sandbox; Pump synced the invitation.`, isProblem: false };
};

/** Sandbox only: what the customer would do with the invitation in their own AWS console. */
export function SandboxAnswerButtons({ inviteId, accountId }: { inviteId: string; accountId: string }) {
  const label = formatAccountId(accountId);
  return (
    <span className="inline-flex items-start gap-1.5 rounded border border-dashed border-amber-400 bg-amber-50 px-1.5 py-1 whitespace-nowrap">
      <span className="py-1 text-xs font-medium text-amber-900">Sandbox:</span>
      <ActionButton
        action={sandboxRespondToInvite}
        input={{ inviteId, answer: "accept" }}
        pendingLabel="Accepting…"
        describe={answered("accepted")}
      >
        Customer accepts<span className="sr-only"> the invite for {label}</span>
      </ActionButton>
      <ActionButton
        action={sandboxRespondToInvite}
        input={{ inviteId, answer: "decline" }}
        pendingLabel="Declining…"
        describe={answered("declined")}
      >
        Customer declines<span className="sr-only"> the invite for {label}</span>
      </ActionButton>
    </span>
  );
}
