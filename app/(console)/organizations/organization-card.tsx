import { Badge } from "@/components/ui/badge";
import { Meter } from "@/components/ui/meter";
import { UtcTime } from "@/components/ui/utc-time";
import { formatUtc } from "@/lib/format/utc";
import type { OrganizationWithUsage } from "@/lib/invites/queries";
import { formatAccountId } from "@/lib/tenants/aws-ids";
import { SyncButton } from "./sync-button";

/** One Pump organization: identity, how full it is (quota) and how much it may still send today (daily limit). */
export function OrganizationCard({
  organization: o,
  canSync,
}: {
  organization: OrganizationWithUsage;
  canSync: boolean;
}) {
  const u = o.usage;
  const used = u.members + u.pending;
  const quotaTone = used > u.quota ? "bad" : used >= u.quota ? "warn" : "ok";
  const dailyFull = u.attempts24h >= u.dailyLimit;
  const headingId = `org-${o.id}`;
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-center gap-2">
        <h2 id={headingId} className="text-lg font-semibold text-slate-900">
          {o.name}
        </h2>
        {o.isDefault ? <Badge tone="info">Default</Badge> : null}
        {quotaTone !== "ok" ? (
          <Badge tone={quotaTone}>{quotaTone === "bad" ? "Over quota" : "Quota full"}</Badge>
        ) : null}
        {dailyFull ? <Badge tone="warn">Daily limit reached</Badge> : null}
      </div>

      <dl className="mt-3 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="text-slate-500">Organization ID</dt>
        <dd className="font-mono text-xs text-slate-900">{o.orgId}</dd>
        <dt className="text-slate-500">Management account</dt>
        <dd className="font-mono text-xs text-slate-900">{formatAccountId(o.managementAccountId)}</dd>
        <dt className="text-slate-500">Operator role</dt>
        <dd className="font-mono text-xs break-all text-slate-900">{o.operatorRoleArn}</dd>
      </dl>

      <div className="mt-4 grid gap-4 md:grid-cols-2">
        <div>
          <h3 className="mb-1 text-sm font-medium text-slate-800">Account quota</h3>
          <Meter label={`${o.name} account quota use`} value={used} max={u.quota} tone={quotaTone}>
            <p>
              <span className="font-semibold tabular-nums">
                {u.members} members + {u.pending} pending / {u.quota}
              </span>{" "}
              quota
            </p>
            <p className="text-xs text-slate-500">
              {u.membersSource === "aws"
                ? "Members as AWS last listed them (management account included)."
                : "Members as Pump knows them (an estimate): sync from AWS for AWS's own count."}
            </p>
            {quotaTone === "bad" ? (
              <p className="font-medium text-red-800">
                Over quota by {used - u.quota}: AWS refuses further invitations until accounts leave or the quota is
                raised.
              </p>
            ) : quotaTone === "warn" ? (
              <p className="font-medium text-amber-800">
                Full: no room for another invitation until an account leaves or the quota is raised.
              </p>
            ) : null}
          </Meter>
        </div>
        <div>
          <h3 className="mb-1 text-sm font-medium text-slate-800">Daily invitation limit</h3>
          <Meter
            label={`${o.name} invitation attempts in the last 24 hours`}
            value={u.attempts24h}
            max={u.dailyLimit}
            tone={dailyFull ? "warn" : "ok"}
          >
            <p>
              Attempts in the last 24 h:{" "}
              <span className="font-semibold tabular-nums">
                {u.attempts24h} / {u.dailyLimit}
              </span>{" "}
              daily limit
            </p>
            {dailyFull ? (
              <p className="font-medium text-amber-800">
                Daily limit reached: nothing more is sent
                {u.nextSlotAt
                  ? ` until the next slot frees up at ${formatUtc(u.nextSlotAt)}`
                  : " until a slot frees up"}
                .
              </p>
            ) : (
              <p className="text-xs text-slate-500">
                Can send now: {u.headroom} (the tighter of quota and daily limit).
              </p>
            )}
          </Meter>
        </div>
      </div>

      <div className="mt-4 flex flex-wrap items-center justify-between gap-3 border-t border-slate-100 pt-3 text-sm text-slate-700">
        <p>
          Queued in Pump: <span className="font-semibold tabular-nums">{u.queued}</span>
          <span className="text-slate-500"> (waiting for headroom; not sent to AWS yet)</span>
        </p>
        <div className="flex flex-wrap items-center gap-3">
          <p>
            Invites last synced: <UtcTime value={o.invitesSyncedAt} />
          </p>
          {canSync ? <SyncButton pumpOrganizationId={o.id} organizationName={o.name} /> : null}
        </div>
      </div>
    </section>
  );
}
