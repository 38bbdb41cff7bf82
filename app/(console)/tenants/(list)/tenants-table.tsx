"use client";

import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { DataTable } from "@/components/data-table/data-table";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { formatUtcMinute } from "@/lib/format/utc";
import { onboardingLabels, onboardingTones } from "@/lib/tenants/labels";
import type { TenantGlance, TenantListRow } from "@/lib/tenants/list-queries";
import { tenantListParams } from "@/lib/tenants/list-schemas";
import { useStoredSelection } from "./use-stored-selection";

type Row = Omit<TenantListRow, "lastActivityAt" | "createdAt"> & {
  lastActivityAt: string;
  createdAt: string;
  glance: TenantGlance;
};

const columns: ColumnDef<Row>[] = [
  {
    id: "pumpId",
    header: "Pump ID",
    meta: { sortKey: "pumpId", label: "Pump ID", className: "font-mono text-xs whitespace-nowrap" },
    cell: ({ row }) => (
      <Link href={`/tenants/${row.original.pumpId}`} className="text-indigo-700 hover:underline">
        {row.original.pumpId}
      </Link>
    ),
  },
  {
    id: "name",
    header: "Name",
    meta: { sortKey: "name", label: "Name" },
    cell: ({ row }) => (
      <Link href={`/tenants/${row.original.pumpId}`} className="font-medium text-slate-900 hover:underline">
        {row.original.name}
      </Link>
    ),
  },
  {
    id: "accounts",
    header: "Accounts",
    meta: { sortKey: "accounts", label: "Accounts" },
    accessorKey: "accountsCount",
  },
  {
    id: "states",
    header: "States",
    meta: { label: "States" },
    cell: ({ row }) => {
      const g = row.original.glance;
      return (
        <div className="flex flex-wrap gap-1">
          {(Object.entries(g.states) as [keyof typeof onboardingLabels, number][]).map(([state, n]) => (
            <Badge key={state} tone={onboardingTones[state]}>
              {onboardingLabels[state]}
              {n > 1 ? ` ×${n}` : ""}
            </Badge>
          ))}
          {g.failing > 0 ? <Badge tone="bad">Verification failing ×{g.failing}</Badge> : null}
          {g.openExceptions > 0 ? <Badge tone="warn">Open exception ×{g.openExceptions}</Badge> : null}
        </div>
      );
    },
  },
  {
    id: "manager",
    header: "Account manager",
    meta: { label: "Account manager" },
    cell: ({ row }) => row.original.managerName ?? "—",
  },
  {
    id: "lastActivity",
    header: "Last activity (UTC)",
    meta: { sortKey: "lastActivity", label: "Last activity", className: "whitespace-nowrap font-mono text-xs" },
    cell: ({ row }) => formatUtcMinute(row.original.lastActivityAt),
  },
  {
    id: "created",
    header: "Created (UTC)",
    meta: { sortKey: "created", label: "Created", className: "whitespace-nowrap font-mono text-xs" },
    cell: ({ row }) => formatUtcMinute(row.original.createdAt),
  },
];

type Props = {
  rows: Row[];
  total: number;
  totalIsCapped: boolean;
  estimatedTotal?: number;
  /** The staff member may send invites: tenants can be picked for a bulk invite. */
  canInvite: boolean;
};

export function TenantsTable(props: Props) {
  // Keyed by Pump ID and kept outside the table, so picks survive sorting, filtering and paging.
  const [selected, setSelected] = useStoredSelection();
  const pumpIds = Object.keys(selected);
  return (
    <>
      {props.canInvite && pumpIds.length > 0 ? (
        <div
          role="region"
          aria-label="Selected tenants"
          className="mb-3 flex flex-wrap items-center gap-3 rounded-md border border-indigo-200 bg-indigo-50 px-3 py-2 text-sm text-indigo-950"
        >
          <span>
            {pumpIds.length} {pumpIds.length === 1 ? "tenant" : "tenants"} selected
          </span>
          <Link href={`/invites/bulk?tenants=${pumpIds.join(",")}`} className={buttonClass("primary", "sm")}>
            Invite selected ({pumpIds.length})
          </Link>
          <button type="button" onClick={() => setSelected({})} className={buttonClass("ghost", "sm")}>
            Clear selection
          </button>
        </div>
      ) : null}
      <DataTable
        caption="Tenants"
        columns={columns}
        data={props.rows}
        total={props.total}
        totalIsCapped={props.totalIsCapped}
        estimatedTotal={props.estimatedTotal}
        urlState={tenantListParams}
        emptyMessage="No tenants match these filters. Reset them, or try the global search (⌘K)."
        selection={
          props.canInvite
            ? {
                state: selected,
                onChange: setSelected,
                rowId: (row) => row.pumpId,
                rowLabel: (row) => `${row.pumpId} ${row.name}`,
              }
            : undefined
        }
      />
    </>
  );
}
