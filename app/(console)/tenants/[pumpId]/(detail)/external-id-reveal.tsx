"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { revealExternalId } from "@/lib/tenants/actions";

type Props = { awsAccountId: string; accountLabel: string; masked: string; canReveal: boolean };

/**
 * The External ID, masked. A permitted role can reveal it through the audited action; the value then lives in
 * this component's state only — never in the page's data — and is gone on reload.
 */
export function ExternalIdReveal({ awsAccountId, accountLabel, masked, canReveal }: Props) {
  const [value, setValue] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function reveal() {
    startTransition(async () => {
      const result = await revealExternalId({ awsAccountId });
      if (result.ok) {
        setValue(result.data.externalId);
        setError(null);
      } else {
        setError(result.error);
      }
    });
  }

  return (
    <div className="flex flex-wrap items-center gap-2">
      <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs break-all" data-testid="external-id">
        {value ?? masked}
      </code>
      {value ? (
        <>
          <CopyButton value={value} label={`Copy External ID of account ${accountLabel}`} />
          <Button size="sm" variant="ghost" onClick={() => setValue(null)}>
            Hide
          </Button>
        </>
      ) : canReveal ? (
        <Button
          size="sm"
          variant="secondary"
          onClick={reveal}
          disabled={pending}
          aria-label={`Reveal External ID of account ${accountLabel}`}
        >
          {pending ? "Revealing…" : "Reveal"}
        </Button>
      ) : null}
      {error ? (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      ) : null}
    </div>
  );
}
