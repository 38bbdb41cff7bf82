"use client";

import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { inputClass, SelectField, TextField } from "@/components/ui/field";
import type { ActionResult } from "@/lib/auth/action";
import { ONBOARDING_REGIONS } from "@/lib/regions";
import {
  issueOnboarding,
  reissueOnboarding,
  revokeOnboarding,
  showOnboardingLink,
  simulateDeployment,
} from "@/lib/onboarding/actions";

type LinkResult = ActionResult<{ link: string; expiresAt?: string }> | null;

function LinkBox({ link }: { link: string }) {
  return (
    <div className="mt-2 flex items-start gap-2 rounded-md border border-indigo-200 bg-indigo-50 p-2">
      <code className="font-mono text-xs break-all" data-testid="onboarding-link">
        {link}
      </code>
      <CopyButton value={link} label="Copy onboarding link" />
    </div>
  );
}

export function IssueOnboardingForm({ tenantId }: { tenantId: string }) {
  const [state, action, pending] = useActionState<LinkResult, FormData>(issueOnboarding, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form
      action={action}
      aria-label="Issue onboarding link"
      className="mb-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <input type="hidden" name="tenantId" value={tenantId} />
      <div className="grid gap-3 sm:grid-cols-4 sm:items-start">
        <TextField
          label="AWS account ID (optional)"
          name="accountId"
          placeholder="1234-5678-9012"
          errors={errors?.accountId}
        />
        <SelectField
          label="Role type"
          name="roleType"
          options={[
            { value: "read_only", label: "Read-only" },
            { value: "autopilot", label: "Autopilot" },
          ]}
          errors={errors?.roleType}
        />
        <SelectField
          label="Region"
          name="region"
          options={ONBOARDING_REGIONS.map((r) => ({ value: r, label: r }))}
          errors={errors?.region}
        />
        <label className="flex items-center gap-2 text-sm text-slate-800 sm:mt-7">
          <input type="checkbox" name="isFinalStep" />
          Final step: invite to the Organization once verified
        </label>
      </div>
      <Button type="submit" className="mt-3" disabled={pending}>
        {pending ? "Issuing…" : "Issue link"}
      </Button>
      {state && !state.ok ? (
        <div className="mt-2">
          <Alert tone="error">{state.error}</Alert>
        </div>
      ) : null}
      {state?.ok ? <LinkBox link={state.data.link} /> : null}
    </form>
  );
}

type Props = { onboardingId: string; isLive: boolean; needsAccountId: boolean; canSimulate: boolean };

export function OnboardingActions({ onboardingId, isLive, needsAccountId, canSimulate }: Props) {
  const [shown, show, showing] = useActionState<LinkResult, FormData>(showOnboardingLink, null);
  const [reissued, reissue, reissuing] = useActionState<LinkResult, FormData>(reissueOnboarding, null);
  const [revoked, revoke, revoking] = useActionState<ActionResult<unknown> | null, FormData>(revokeOnboarding, null);
  const [simulated, simulate, simulating] = useActionState<ActionResult<unknown> | null, FormData>(
    simulateDeployment,
    null,
  );
  const [confirming, setConfirming] = useState<"reissue" | "revoke" | null>(null);
  const failure = [shown, reissued, revoked, simulated].find((s) => s && !s.ok) as { error: string } | undefined;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        {isLive ? (
          <form action={show}>
            <input type="hidden" name="onboardingId" value={onboardingId} />
            <Button type="submit" size="sm" variant="secondary" disabled={showing}>
              Show link
            </Button>
          </form>
        ) : null}
        <Button size="sm" variant="secondary" onClick={() => setConfirming("reissue")}>
          Re-issue
        </Button>
        {isLive ? (
          <Button size="sm" variant="danger" onClick={() => setConfirming("revoke")}>
            Revoke
          </Button>
        ) : null}
      </div>
      {confirming ? (
        <form
          action={confirming === "reissue" ? reissue : revoke}
          onSubmit={() => setConfirming(null)}
          className="flex flex-wrap items-center gap-2 text-xs"
        >
          <input type="hidden" name="onboardingId" value={onboardingId} />
          <span>
            {confirming === "reissue"
              ? "The current link will stop working."
              : "The customer will no longer be able to use this link."}
          </span>
          <Button
            type="submit"
            size="sm"
            variant={confirming === "revoke" ? "danger" : "primary"}
            disabled={reissuing || revoking}
          >
            Confirm {confirming === "reissue" ? "re-issue" : "revoke"}
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setConfirming(null)}>
            Cancel
          </Button>
        </form>
      ) : null}
      {canSimulate ? (
        <form action={simulate} aria-label="Simulate customer deployment" className="flex flex-wrap items-center gap-2">
          <input type="hidden" name="onboardingId" value={onboardingId} />
          {needsAccountId ? (
            <input
              name="accountId"
              aria-label="Customer account ID for the simulation"
              placeholder="Customer account ID"
              className={`${inputClass} w-40`}
            />
          ) : null}
          <Button type="submit" size="sm" variant="secondary" disabled={simulating}>
            {simulating ? "Deploying…" : "Simulate customer deployment"}
          </Button>
        </form>
      ) : null}
      {simulated?.ok ? (
        <p role="status" className="text-xs text-emerald-800">
          Deployed in the sandbox; the callback is being processed. Reload to see the result.
        </p>
      ) : null}
      {failure ? (
        <p role="alert" className="text-xs text-red-800">
          {failure.error}
        </p>
      ) : null}
      {shown?.ok ? <LinkBox link={shown.data.link} /> : null}
      {reissued?.ok ? <LinkBox link={reissued.data.link} /> : null}
    </div>
  );
}
