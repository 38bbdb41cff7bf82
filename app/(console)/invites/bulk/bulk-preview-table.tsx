import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { BulkPreview } from "@/lib/invites/bulk-preview";
import { formatAccountId } from "@/lib/tenants/aws-ids";
import { bindingLimit, outcomeBadge, planBadge, WAITING_NOTE, type RowOutcome } from "./bulk-labels";

type Props = { preview: BulkPreview; outcomes?: Record<string, RowOutcome> };

/** Every account of the preview: the checklist's verdict, the plan, and once the run starts, what happened. */
export function BulkPreviewTable({ preview, outcomes }: Props) {
  const limit = bindingLimit(preview.usage);
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">Bulk invite preview</caption>
        <thead className="bg-slate-50 text-left text-slate-700">
          <tr>
            <th scope="col" className="px-3 py-2 font-semibold">
              Account
            </th>
            <th scope="col" className="px-3 py-2 font-semibold">
              Tenant
            </th>
            <th scope="col" className="px-3 py-2 font-semibold">
              Checklist
            </th>
            <th scope="col" className="px-3 py-2 font-semibold">
              Plan
            </th>
            {outcomes ? (
              <th scope="col" className="px-3 py-2 font-semibold">
                Outcome
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {preview.rows.map((row) => {
            const plan = planBadge(row.plan, limit);
            const outcome = row.awsAccountId ? outcomes?.[row.awsAccountId] : undefined;
            return (
              <tr key={row.accountId} className="align-top">
                <th scope="row" className="px-3 py-2 text-left font-normal">
                  <span className="font-mono text-xs whitespace-nowrap text-slate-900">
                    {formatAccountId(row.accountId)}
                  </span>
                  {row.name ? <span className="block text-xs text-slate-500">{row.name}</span> : null}
                </th>
                <td className="px-3 py-2 whitespace-nowrap">
                  {row.pumpId ? (
                    <Link href={`/tenants/${row.pumpId}`} className="font-mono text-xs text-indigo-700 hover:underline">
                      {row.pumpId}
                    </Link>
                  ) : (
                    "—"
                  )}
                </td>
                <td className="px-3 py-2">
                  <span className="font-medium text-slate-900">{row.verdict.title}</span>
                  <span className="block max-w-xl text-xs text-slate-600">{row.verdict.detail}</span>
                </td>
                <td className="px-3 py-2 whitespace-nowrap">
                  <Badge tone={plan.tone}>{plan.label}</Badge>
                </td>
                {outcomes ? (
                  <td className="px-3 py-2">
                    {outcome ? <OutcomeCell outcome={outcome} /> : <span className="text-slate-400">Not queued</span>}
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function OutcomeCell({ outcome }: { outcome: RowOutcome }) {
  const badge = outcomeBadge(outcome);
  const detail = outcome.kind === "waiting" ? WAITING_NOTE : "detail" in outcome ? outcome.detail : "";
  return (
    <>
      <Badge tone={badge.tone}>{badge.label}</Badge>
      {detail ? <span className="mt-0.5 block max-w-sm text-xs text-slate-600">{detail}</span> : null}
    </>
  );
}
