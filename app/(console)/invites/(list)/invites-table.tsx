"use client";

import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { useState } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { Alert } from "@/components/ui/alert";
import { formatUtcMinute } from "@/lib/format/utc";
import { isPendingInvite } from "@/lib/invites/labels";
import { inviteListParams } from "@/lib/invites/list-schemas";
import type { InviteListRow } from "@/lib/invites/queries";
import { ExpiryCountdown } from "../_components/expiry-countdown";
import { InviteRowActions } from "../_components/invite-row-actions";
import { InviteState } from "../_components/invite-state";
import { OutcomeContext, type Outcome } from "../_components/outcome-notice";

type Dates = "requestedAt" | "expiresAt" | "endedAt" | "lastSyncedAt";
export type InviteTableRow = Omit<InviteListRow, Dates> & {
  requestedAt: string;
  expiresAt: string | null;
  endedAt: string | null;
  lastSyncedAt: string | null;
};

type Options = { now: string; canChange: boolean; canSimulate: boolean; transferLosses: readonly string[] };

function columns({ now, canChange, canSimulate, transferLosses }: Options): ColumnDef<InviteTableRow>[] {
  return [
    {
      id: "tenant",
      header: "Tenant",
      meta: { label: "Tenant" },
      cell: ({ row }) => (
        <Link href={`/tenants/${row.original.pumpId}`} className="text-indigo-700 hover:underline">
          <span className="font-mono text-xs">{row.original.pumpId}</span>
          <span className="block text-slate-900">{row.original.tenantName}</span>
        </Link>
      ),
    },
    {
      id: "account",
      header: "Account",
      meta: { label: "Account" },
      cell: ({ row }) => (
        <Link href={`/tenants/${row.original.pumpId}#account-${row.original.accountId}`} className="hover:underline">
          <span className="font-mono text-xs">{row.original.accountId}</span>
          <span className="block text-slate-600">{row.original.accountName}</span>
        </Link>
      ),
    },
    {
      id: "organization",
      header: "Organization",
      meta: { label: "Organization" },
      cell: ({ row }) => (
        <>
          {row.original.organizationName}
          <span className="block font-mono text-xs whitespace-nowrap text-slate-500">
            {row.original.organizationId}
          </span>
        </>
      ),
    },
    {
      id: "state",
      header: "State",
      meta: { label: "State" },
      cell: ({ row }) => <InviteState invite={row.original} />,
    },
    {
      id: "requested",
      header: "Requested (UTC)",
      meta: { label: "Requested", className: "whitespace-nowrap font-mono text-xs" },
      cell: ({ row }) => (
        <>
          {formatUtcMinute(row.original.requestedAt)}
          <span className="block font-sans text-slate-500">by {row.original.requestedBy ?? "unknown"}</span>
        </>
      ),
    },
    {
      id: "expires",
      header: "Expires",
      meta: { label: "Expires", className: "whitespace-nowrap" },
      cell: ({ row }) => (
        <ExpiryCountdown expiresAt={row.original.expiresAt} isPending={isPendingInvite(row.original)} now={now} />
      ),
    },
    {
      id: "actions",
      header: "Actions",
      meta: { label: "Actions" },
      // Keyed by invite: the table's rows are keyed by position, and a refresh may re-sort them under an open dialog.
      cell: ({ row }) => (
        <InviteRowActions
          key={row.original.id}
          invite={row.original}
          canChange={canChange}
          canSimulate={canSimulate}
          transferLosses={transferLosses}
        />
      ),
    },
  ];
}

type Props = Options & {
  rows: InviteTableRow[];
  total: number;
  pageSize: number;
  isFiltered: boolean;
};

/** Every invite Pump sent or queued; pending and in-doubt ones first. Row outcomes are announced above the table. */
export function InvitesTable({ rows, total, pageSize, isFiltered, ...options }: Props) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  return (
    <OutcomeContext value={setOutcome}>
      {outcome ? (
        <div className="mb-3">
          <Alert tone={outcome.isProblem ? "error" : "success"}>{outcome.text}</Alert>
        </div>
      ) : null}
      <DataTable
        caption="Invites"
        columns={columns(options)}
        data={rows}
        total={total}
        urlState={inviteListParams}
        pageSize={pageSize}
        emptyMessage={
          isFiltered
            ? "No invites match these filters. Reset them to see every invite."
            : "No invites yet. Invite an account from its tenant page (“Invite into a Pump organization”), or several at once with Bulk invite."
        }
      />
    </OutcomeContext>
  );
}
