import { ExpiryCountdown } from "@/app/(console)/invites/_components/expiry-countdown";
import { InviteRowActions } from "@/app/(console)/invites/_components/invite-row-actions";
import { InviteState } from "@/app/(console)/invites/_components/invite-state";
import { Badge } from "@/components/ui/badge";
import { exceptionKindLabel, isPendingInvite } from "@/lib/invites/labels";
import { exceptionLabels } from "@/lib/tenants/detail-labels";
import type { AccountCardData } from "@/lib/tenants/tenant-queries";
import { formatUtc } from "@/lib/format/utc";

export type InviteControls = {
  /** invites.cancel */
  canChange: boolean;
  /** Sandbox mode and sandbox.simulate */
  canSimulate: boolean;
  transferLosses: readonly string[];
  /** The server's render time, for the expiry countdowns. */
  now: string;
};

/** The account's invites, newest first: state, organization, expiry countdown, failure, and their controls. */
export function AccountInvites({ account, controls }: { account: AccountCardData; controls: InviteControls }) {
  if (account.invites.length === 0) return <span className="text-slate-500">None</span>;
  return (
    <ul className="space-y-2">
      {account.invites.map((i) => (
        <li key={i.id} data-testid={`invite-${i.id}`} className="flex flex-wrap items-start gap-x-3 gap-y-1">
          <InviteState invite={i} />
          <span className="text-sm">
            {i.organizationName}
            <code className="block font-mono text-xs text-slate-500">{i.handshakeId ?? "(no handshake yet)"}</code>
          </span>
          <span className="text-sm">
            <span className="text-xs text-slate-500">requested {formatUtc(i.requestedAt)}</span>
            <ExpiryCountdown expiresAt={i.expiresAt} isPending={isPendingInvite(i)} now={controls.now} />
          </span>
          <InviteRowActions
            invite={{ ...i, accountId: account.accountId }}
            canChange={controls.canChange}
            canSimulate={controls.canSimulate}
            transferLosses={controls.transferLosses}
          />
        </li>
      ))}
    </ul>
  );
}

/** Open existing-organization exceptions, in a box that cannot be missed: nobody should invite past one. */
export function OpenExceptions({ account }: { account: AccountCardData }) {
  if (account.exceptions.length === 0) return <span className="text-slate-500">None</span>;
  return (
    <div className="space-y-2">
      {account.exceptions.map((e) => (
        <div
          key={e.id}
          role="note"
          aria-label="Open exception"
          className="rounded-md border border-amber-400 bg-amber-50 px-3 py-2 text-sm text-amber-950"
        >
          <p className="flex flex-wrap items-center gap-2 font-semibold">
            <span aria-hidden="true">⚠</span>
            Open exception: {exceptionKindLabel(e.kind)}
            <Badge tone="warn">{exceptionLabels[e.state]}</Badge>
          </p>
          <p className="mt-1">{e.reason}</p>
          {e.details ? <p className="mt-1 text-amber-900">{e.details}</p> : null}
          <p className="mt-1 text-xs text-amber-800">
            since {formatUtc(e.createdAt)} · handled by a solutions architect on the Exceptions page
          </p>
        </div>
      ))}
    </div>
  );
}
