"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { DataTable } from "@/components/data-table/data-table";
import { Badge } from "@/components/ui/badge";
import { auditListParams } from "@/lib/audit/list-schemas";
import type { AuditRow } from "@/lib/audit/queries";
import { auditDiff } from "@/lib/audit/diff";
import { formatUtcSecond } from "@/lib/format/utc";

type Row = Omit<AuditRow, "occurredAt"> & { occurredAt: string };

const outcomeTone = { ok: "good", denied: "bad", failed: "warn" } as const;

const columns: ColumnDef<Row>[] = [
  {
    id: "occurredAt",
    header: "Time (UTC)",
    meta: { sortKey: "occurredAt", label: "Time", className: "whitespace-nowrap font-mono text-xs" },
    cell: ({ row }) => formatUtcSecond(row.original.occurredAt),
  },
  {
    id: "actor",
    header: "Actor",
    meta: { sortKey: "actorEmail", label: "Actor" },
    cell: ({ row }) => (
      <span>
        {row.original.actorEmail ?? <em className="text-slate-500">anonymous</em>}
        {row.original.actorRole ? <span className="block text-xs text-slate-500">{row.original.actorRole}</span> : null}
      </span>
    ),
  },
  {
    id: "action",
    header: "Action",
    meta: { sortKey: "action", label: "Action", className: "font-mono text-xs" },
    accessorKey: "action",
  },
  {
    id: "target",
    header: "Target",
    meta: { sortKey: "target", label: "Target" },
    cell: ({ row }) =>
      row.original.targetType ? (
        <span className="font-mono text-xs">
          {row.original.targetType}:{row.original.targetId}
        </span>
      ) : (
        "—"
      ),
  },
  {
    id: "outcome",
    header: "Outcome",
    meta: { sortKey: "outcome", label: "Outcome" },
    cell: ({ row }) => <Badge tone={outcomeTone[row.original.outcome]}>{row.original.outcome}</Badge>,
  },
  {
    id: "reason",
    header: "Reason",
    meta: { label: "Reason", className: "text-slate-600" },
    cell: ({ row }) => row.original.reason ?? "",
  },
];

function Details({ row }: { row: Row }) {
  const lines = auditDiff(row.before, row.after);
  const show = (v: unknown) => (typeof v === "string" ? v : JSON.stringify(v));
  return (
    <div className="space-y-2 text-sm">
      <p className="text-xs text-slate-500">
        Request <code>{row.requestId}</code>
      </p>
      {lines.length === 0 ? (
        <p className="text-slate-600">No before/after recorded.</p>
      ) : (
        <dl aria-label="Changes" className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
          {lines.map((l) => (
            <div key={l.path} className="contents">
              <dt className="font-mono text-xs text-slate-700">{l.path}</dt>
              <dd>
                {l.kind === "added" ? (
                  <span className="text-emerald-800">+ {show(l.after)}</span>
                ) : l.kind === "removed" ? (
                  <span className="text-red-800 line-through">{show(l.before)}</span>
                ) : (
                  <span>
                    <span className="text-red-800 line-through">{show(l.before)}</span> →{" "}
                    <span className="text-emerald-800">{show(l.after)}</span>
                  </span>
                )}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}

type Props = {
  rows: Row[];
  total: number;
};

export function AuditTable(props: Props) {
  return (
    <DataTable
      caption="Audit events"
      columns={columns}
      data={props.rows}
      total={props.total}
      urlState={auditListParams}
      emptyMessage="No audit events match these filters."
      renderExpanded={(row) => <Details row={row.original} />}
    />
  );
}
