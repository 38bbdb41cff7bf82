"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import type { ActionResult } from "@/lib/auth/action";
import { recordManualRole } from "@/lib/onboarding/actions";

type Result = ActionResult<{ state: "verified" | "unprotected" | "failed"; error?: string }> | null;

const outcome = {
  verified: {
    tone: "success",
    text: "Recorded and verified: Pump can assume the role with the External ID, and not without it.",
  },
  unprotected: { tone: "error", text: "Recorded, but NOT verified: the role can be assumed without the External ID." },
  failed: { tone: "error", text: "Recorded, but the verification failed." },
} as const;

/** The last step of the manual path: paste the ARN the customer sent; it is checked and verified at once. */
export function RecordRoleForm({ awsAccountId }: { awsAccountId: string }) {
  const [state, action, pending] = useActionState<Result, FormData>(recordManualRole, null);
  return (
    <form
      action={action}
      aria-label="Record role ARN"
      className="mt-8 rounded-lg border border-slate-200 bg-white p-4 shadow-sm print:hidden"
    >
      <h2 className="mb-3 text-base font-semibold text-slate-900">Record the role ARN</h2>
      <input type="hidden" name="awsAccountId" value={awsAccountId} />
      <TextField
        label="Role ARN the customer sent"
        name="roleArn"
        placeholder="arn:aws:iam::123456789012:role/PumpReadOnlyRole"
        errors={state && !state.ok ? state.fieldErrors?.roleArn : undefined}
      />
      <Button type="submit" className="mt-3" disabled={pending}>
        {pending ? "Recording and verifying…" : "Record and verify"}
      </Button>
      <div className="mt-3 empty:hidden">
        {state && !state.ok ? <Alert tone="error">{state.error}</Alert> : null}
        {state?.ok ? (
          <Alert tone={outcome[state.data.state].tone}>
            {outcome[state.data.state].text} {state.data.error ?? ""}
          </Alert>
        ) : null}
      </div>
    </form>
  );
}
