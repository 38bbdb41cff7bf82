"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/auth/action";
import { verifyRole } from "@/lib/onboarding/actions";

type Result = ActionResult<{ state: "verified" | "unprotected" | "failed"; error?: string }> | null;

/** Runs AWS's check now: assume with the External ID (must work), then without it (must fail). */
export function VerifyRoleButton({ awsAccountId, accountLabel }: { awsAccountId: string; accountLabel: string }) {
  const [state, action, pending] = useActionState<Result, FormData>(verifyRole, null);
  return (
    <form action={action} className="inline-flex items-center gap-2">
      <input type="hidden" name="awsAccountId" value={awsAccountId} />
      <Button type="submit" size="sm" variant="secondary" disabled={pending}>
        {pending ? "Verifying…" : "Verify role"}
        <span className="sr-only"> of account {accountLabel}</span>
      </Button>
      {state && !state.ok ? (
        <span role="alert" className="text-xs text-red-800">
          {state.error}
        </span>
      ) : null}
      {state?.ok ? (
        <span role="status" className="text-xs text-slate-700">
          Checked: {state.data.state}
        </span>
      ) : null}
    </form>
  );
}
