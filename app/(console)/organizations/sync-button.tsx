"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/auth/action";
import { syncInvites } from "@/lib/invites/actions";
import type { ReconcileReport } from "@/lib/invites/reconcile";

type Result = ActionResult<ReconcileReport[]> | null;

/** Reads AWS's state of this organization's invitations (never sends); the page refreshes with the new counts. */
export function SyncButton({
  pumpOrganizationId,
  organizationName,
}: {
  pumpOrganizationId: string;
  organizationName: string;
}) {
  const [state, action, pending] = useActionState<Result, FormData>(syncInvites, null);
  const report = state?.ok ? state.data[0] : undefined;
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="pumpOrganizationId" value={pumpOrganizationId} />
      <Button type="submit" size="sm" variant="secondary" disabled={pending}>
        {pending ? "Syncing…" : "Sync from AWS"}
        <span className="sr-only"> for {organizationName}</span>
      </Button>
      {state && !state.ok ? (
        <span role="alert" className="text-xs text-red-800">
          {state.error}
        </span>
      ) : null}
      {report?.error ? (
        <span role="alert" className="text-xs text-red-800">
          AWS could not be read: {report.error} Nothing was changed.
        </span>
      ) : report ? (
        <span role="status" className="text-xs text-slate-700">
          Synced: {report.changed} changed, {report.imported} imported, {report.adopted} adopted, {report.notSent} found
          never sent.
        </span>
      ) : null}
    </form>
  );
}
