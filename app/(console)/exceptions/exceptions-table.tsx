"use client";

import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { DataTable } from "@/components/data-table/data-table";
import { Badge } from "@/components/ui/badge";
import { formatUtcMinute } from "@/lib/format/utc";
import type { ExceptionRow } from "@/lib/invites/exception-queries";
import { exceptionListParams } from "@/lib/invites/list-schemas";
import { formatAccountId } from "@/lib/tenants/aws-ids";

type Row = Omit<ExceptionRow, "createdAt"> & { createdAt: string };

const kindLabel: Record<string, string> = {
  other_management: "Management account of another organization",
  other_member: "Member of another organization",
  aws_refused: "AWS refused the invitation",
  preflight: "Preflight stopped the invitation",
};
const stateTone = { open: "bad", in_progress: "warn", resolved: "good", dismissed: "neutral" } as const;

const columns: ColumnDef<Row>[] = [
  {
    id: "state",
    header: "State",
    meta: { label: "State" },
    cell: ({ row }) => <Badge tone={stateTone[row.original.state]}>{row.original.state.replace("_", " ")}</Badge>,
  },
  {
    id: "tenant",
    header: "Tenant",
    meta: { label: "Tenant" },
    cell: ({ row }) => (
      <Link href={`/tenants/${row.original.pumpId}`} className="text-indigo-700 hover:underline">
        {row.original.tenantName} <span className="font-mono text-xs text-slate-500">{row.original.pumpId}</span>
      </Link>
    ),
  },
  {
    id: "account",
    header: "Account",
    meta: { label: "Account" },
    cell: ({ row }) => (
      <span>
        <span className="font-mono">{formatAccountId(row.original.accountId)}</span>
        <span className="block text-xs text-slate-500">
          {row.original.accountName}
          {row.original.otherOrgId ? ` · in ${row.original.otherOrgId}` : ""}
        </span>
      </span>
    ),
  },
  {
    id: "kind",
    header: "Kind",
    meta: { label: "Kind" },
    cell: ({ row }) => kindLabel[row.original.kind] ?? row.original.kind,
  },
  {
    id: "reason",
    header: "Reason",
    meta: { label: "Reason", className: "max-w-md" },
    cell: ({ row }) => (
      <span>
        <span className="font-medium">{row.original.reason}</span>
        {row.original.details ? <span className="block text-xs text-slate-600">{row.original.details}</span> : null}
      </span>
    ),
  },
  {
    id: "organization",
    header: "Inviting organization",
    meta: { label: "Organization" },
    cell: ({ row }) => row.original.organizationName ?? "—",
  },
  {
    id: "createdAt",
    header: "Opened (UTC)",
    meta: { label: "Opened", className: "whitespace-nowrap font-mono text-xs" },
    cell: ({ row }) => (
      <span>
        {formatUtcMinute(row.original.createdAt)}
        {row.original.createdBy ? (
          <span className="block font-sans text-slate-500">{row.original.createdBy}</span>
        ) : null}
      </span>
    ),
  },
];

export function ExceptionsTable(props: { rows: Row[]; total: number; pageSize: number }) {
  return (
    <DataTable
      columns={columns}
      data={props.rows}
      total={props.total}
      urlState={exceptionListParams}
      pageSize={props.pageSize}
      caption="Existing-organization exceptions"
      emptyMessage="No exceptions: every account that was checked can be invited."
    />
  );
}
