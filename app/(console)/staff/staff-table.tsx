"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import type { ActionResult } from "@/lib/auth/action";
import { roleLabels } from "@/lib/auth/permissions";
import { changeStaffRole, setStaffDisabled } from "@/lib/staff/actions";
import type { StaffRow } from "@/lib/staff/queries";
import { roleOptions } from "./role-options";

type Row = Omit<StaffRow, "disabledAt" | "createdAt"> & { disabledAt: string | null; createdAt: string };
type State = ActionResult<{ id: string }> | null;

function RoleForm({ row }: { row: Row }) {
  const [state, action, pending] = useActionState<State, FormData>(changeStaffRole, null);
  return (
    <form action={action} className="flex items-center gap-2" aria-label={`Change role of ${row.email}`}>
      <input type="hidden" name="staffId" value={row.id} />
      <label className="sr-only" htmlFor={`role-${row.id}`}>
        Role of {row.email}
      </label>
      <select id={`role-${row.id}`} name="role" defaultValue={row.role} className={`${inputClass} w-48`}>
        {roleOptions.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Button type="submit" size="sm" variant="secondary" disabled={pending}>
        {pending ? "Saving…" : "Save role"}
      </Button>
      {state && !state.ok ? <Alert tone="error">{state.error}</Alert> : null}
      {state?.ok ? (
        <span role="status" className="text-xs text-emerald-700">
          Saved
        </span>
      ) : null}
    </form>
  );
}

function DisableForm({ row }: { row: Row }) {
  const [state, action, pending] = useActionState<State, FormData>(setStaffDisabled, null);
  const disabling = row.disabledAt === null;
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="staffId" value={row.id} />
      <input type="hidden" name="disabled" value={String(disabling)} />
      <Button
        type="submit"
        size="sm"
        variant={disabling ? "danger" : "secondary"}
        disabled={pending}
        aria-label={`${disabling ? "Disable" : "Enable"} ${row.email}`}
      >
        {disabling ? "Disable" : "Enable"}
      </Button>
      {state && !state.ok ? <Alert tone="error">{state.error}</Alert> : null}
    </form>
  );
}

export function StaffTable({
  rows,
  currentStaffId,
  canManage,
}: {
  rows: Row[];
  currentStaffId: string;
  canManage: boolean;
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">Staff members</caption>
        <thead className="bg-slate-50 text-left text-slate-700">
          <tr>
            <th scope="col" className="px-3 py-2 font-semibold">
              Name
            </th>
            <th scope="col" className="px-3 py-2 font-semibold">
              Email
            </th>
            <th scope="col" className="px-3 py-2 font-semibold">
              Role
            </th>
            <th scope="col" className="px-3 py-2 font-semibold">
              Status
            </th>
            {canManage ? (
              <th scope="col" className="px-3 py-2 font-semibold">
                Access
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => {
            const isSelf = row.id === currentStaffId;
            return (
              <tr key={row.id} data-testid={`staff-row-${row.email}`}>
                <td className="px-3 py-2">
                  {row.name}
                  {isSelf ? <span className="ml-1 text-xs text-slate-500">(you)</span> : null}
                </td>
                <td className="px-3 py-2 font-mono text-xs">{row.email}</td>
                <td className="px-3 py-2">{canManage && !isSelf ? <RoleForm row={row} /> : roleLabels[row.role]}</td>
                <td className="px-3 py-2">
                  {row.disabledAt ? <Badge tone="bad">Disabled</Badge> : <Badge tone="good">Active</Badge>}
                </td>
                {canManage ? <td className="px-3 py-2">{isSelf ? null : <DisableForm row={row} />}</td> : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
