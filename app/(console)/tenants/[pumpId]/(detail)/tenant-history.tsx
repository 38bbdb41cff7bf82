import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { AuditTrailRow, TimelineEntry } from "@/lib/tenants/tenant-history";
import { formatUtc, formatUtcSecond } from "@/lib/format/utc";

const outcomeTone = { ok: "good", denied: "bad", failed: "warn" } as const;

export function TenantTimeline({ entries }: { entries: TimelineEntry[] }) {
  return (
    <section aria-labelledby="timeline-title" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="timeline-title" className="mb-3 text-base font-semibold text-slate-900">
        Timeline
      </h2>
      {entries.length === 0 ? (
        <p className="text-sm text-slate-500">Nothing has happened yet.</p>
      ) : (
        <ol className="space-y-2 border-l border-slate-200 pl-4">
          {entries.map((e) => (
            <li key={e.id} className="text-sm">
              <time dateTime={e.occurredAt} className="block font-mono text-xs text-slate-500">
                {formatUtc(e.occurredAt)}
              </time>
              {e.sentence}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

type TrailProps = { rows: AuditTrailRow[]; tenantId: string; canReadAudit: boolean };

/** The raw audit rows whose target is this tenant, refusals included. */
export function TenantAuditTrail({ rows, tenantId, canReadAudit }: TrailProps) {
  return (
    <section aria-labelledby="audit-trail-title" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="mb-3 flex items-baseline justify-between gap-2">
        <h2 id="audit-trail-title" className="text-base font-semibold text-slate-900">
          Audit trail
        </h2>
        {/* The full log is for audit.read holders only; linking others to it would end in a 403. */}
        {canReadAudit ? (
          <Link
            href={`/audit?targetType=tenant&targetId=${tenantId}`}
            className="text-sm text-indigo-700 hover:underline"
          >
            Open in the audit log
          </Link>
        ) : null}
      </div>
      <div className="overflow-x-auto">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <caption className="sr-only">Last {rows.length} audit rows for this tenant</caption>
          <thead className="text-left text-slate-700">
            <tr>
              <th scope="col" className="py-1 pr-3 font-semibold">
                Time (UTC)
              </th>
              <th scope="col" className="py-1 pr-3 font-semibold">
                Actor
              </th>
              <th scope="col" className="py-1 pr-3 font-semibold">
                Action
              </th>
              <th scope="col" className="py-1 pr-3 font-semibold">
                Outcome
              </th>
              <th scope="col" className="py-1 font-semibold">
                Reason
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((r) => (
              <tr key={r.id}>
                <td className="py-1 pr-3 font-mono text-xs whitespace-nowrap">{formatUtcSecond(r.occurredAt)}</td>
                <td className="py-1 pr-3">{r.actorEmail ?? <em className="text-slate-500">anonymous</em>}</td>
                <td className="py-1 pr-3 font-mono text-xs">{r.action}</td>
                <td className="py-1 pr-3">
                  <Badge tone={outcomeTone[r.outcome]}>{r.outcome}</Badge>
                </td>
                <td className="py-1 text-slate-600">{r.reason ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
