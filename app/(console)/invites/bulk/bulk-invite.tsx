"use client";

import { startTransition, useActionState, useState } from "react";
import type { ActionResult } from "@/lib/auth/action";
import { previewBulkInvite } from "@/lib/invites/actions";
import type { BulkPreview } from "@/lib/invites/bulk-preview";
import { BulkConfirmForm } from "./bulk-confirm-form";
import { BulkInputForm, type OrganizationChoice, type PickedTenant } from "./bulk-input-form";
import { planSummary } from "./bulk-labels";
import { BulkPreviewTable } from "./bulk-preview-table";
import { BulkProgress } from "./bulk-progress";
import { useBulkRun } from "./use-bulk-run";

type Props = {
  organizations: OrganizationChoice[];
  initialOrganizationId: string;
  tenants: PickedTenant[];
  unknownTenants: string[];
  tenantsDisagree: boolean;
};

type PreviewInput = { accountIds: string; pumpIds: string[]; pumpOrganizationId: string };
type PreviewState = { input: PreviewInput; result: ActionResult<BulkPreview> } | null;

const keyOf = (i: PreviewInput) => JSON.stringify(i);

/** Input → preview → confirmation → progress. Each step is a server action; this only keeps the steps in order. */
export function BulkInvite(props: Props) {
  const [accountIds, setAccountIds] = useState("");
  const [tenants, setTenants] = useState(props.tenants);
  const [organizationId, setOrganizationId] = useState(props.initialOrganizationId);
  const [preview, dispatchPreview, previewing] = useActionState<PreviewState, PreviewInput>(
    async (_prev, input) => ({ input, result: await previewBulkInvite(input) }),
    null,
  );
  const { state: run, run: startRun } = useBulkRun();

  const input: PreviewInput = { accountIds, pumpIds: tenants.map((t) => t.pumpId), pumpOrganizationId: organizationId };
  const result = preview?.result;
  const data = result?.ok ? result.data : null;
  // A preview answers for the list and organization it was made with; after an edit it must be run again.
  const stale = preview !== null && keyOf(preview.input) !== keyOf(input);
  const started = run.status !== "idle";
  const organizationName =
    props.organizations.find((o) => o.id === preview?.input.pumpOrganizationId)?.name ?? "the organization";

  return (
    <div className="space-y-6">
      <BulkInputForm
        accountIds={accountIds}
        onAccountIds={setAccountIds}
        tenants={tenants}
        onRemoveTenant={(pumpId) => setTenants((ts) => ts.filter((t) => t.pumpId !== pumpId))}
        unknownTenants={props.unknownTenants}
        tenantsDisagree={props.tenantsDisagree}
        organizations={props.organizations}
        organizationId={organizationId}
        onOrganization={setOrganizationId}
        onPreview={() => startTransition(() => dispatchPreview(input))}
        previewing={previewing}
        locked={started}
        error={result && !result.ok && !stale ? result.error : undefined}
        fieldErrors={result && !result.ok && !stale ? result.fieldErrors : undefined}
      />

      {data && preview ? (
        <section aria-labelledby="bulk-preview-heading" className="space-y-3">
          <div>
            <h2 id="bulk-preview-heading" className="text-lg font-semibold text-slate-900">
              Preview: {data.rows.length} {data.rows.length === 1 ? "account" : "accounts"} into {organizationName}
            </h2>
            <p className="text-sm text-slate-700">{planSummary(data)}</p>
            <p className="text-xs text-slate-500">
              {organizationName} now: {data.usage.members} members + {data.usage.pending} pending / {data.usage.quota}{" "}
              quota ({data.usage.membersSource === "aws" ? "AWS's last count" : "Pump's estimate"}),{" "}
              {data.usage.attempts24h} / {data.usage.dailyLimit} invitation attempts in the last 24 h.
            </p>
          </div>
          {stale && !started ? (
            <p
              role="status"
              className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
            >
              The list or the organization changed since this preview: preview again before confirming.
            </p>
          ) : null}
          {!stale && !started ? (
            <BulkConfirmForm
              preview={data}
              organizationName={organizationName}
              busy={false}
              error={run.error}
              fieldErrors={run.fieldErrors}
              onConfirm={(c) =>
                void startRun({ preview: data, pumpOrganizationId: preview.input.pumpOrganizationId, ...c })
              }
            />
          ) : null}
          {started ? <BulkProgress run={run} /> : null}
          <BulkPreviewTable preview={data} outcomes={started && run.status !== "queuing" ? run.outcomes : undefined} />
        </section>
      ) : null}
    </div>
  );
}
