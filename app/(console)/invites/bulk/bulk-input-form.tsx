"use client";

import type { FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FieldErrors, inputClass, SelectField } from "@/components/ui/field";
import type { FieldErrors as Errors } from "@/lib/auth/action";

export type OrganizationChoice = { id: string; name: string; orgId: string; isDefault: boolean };
export type PickedTenant = { pumpId: string; name: string; accountsCount: number };

type Props = {
  accountIds: string;
  onAccountIds: (value: string) => void;
  tenants: PickedTenant[];
  onRemoveTenant: (pumpId: string) => void;
  unknownTenants: string[];
  tenantsDisagree: boolean;
  organizations: OrganizationChoice[];
  organizationId: string;
  onOrganization: (id: string) => void;
  onPreview: () => void;
  previewing: boolean;
  locked: boolean;
  error?: string;
  fieldErrors?: Errors;
};

/** What to invite, and into which organization. Controlled, so a field error or a new preview keeps the input. */
export function BulkInputForm(p: Props) {
  const submit = (e: FormEvent) => {
    e.preventDefault();
    p.onPreview();
  };
  const hasFieldErrors = p.fieldErrors && Object.keys(p.fieldErrors).length > 0;
  return (
    <form
      onSubmit={submit}
      aria-label="Accounts to invite"
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <fieldset disabled={p.locked} className="space-y-4">
        {p.tenants.length > 0 ? (
          <div>
            <h2 className="text-sm font-medium text-slate-800">Tenants picked in the tenants table</h2>
            <ul className="mt-1 flex flex-wrap gap-2">
              {p.tenants.map((t) => (
                <li
                  key={t.pumpId}
                  className="inline-flex items-center gap-2 rounded-md border border-slate-200 bg-slate-50 px-2 py-1 text-sm"
                >
                  <span>
                    {t.name} <span className="font-mono text-xs text-slate-500">{t.pumpId}</span> · {t.accountsCount}{" "}
                    {t.accountsCount === 1 ? "account" : "accounts"}
                  </span>
                  <button
                    type="button"
                    onClick={() => p.onRemoveTenant(t.pumpId)}
                    className="text-xs text-slate-500 hover:text-red-700"
                    aria-label={`Remove ${t.name}`}
                  >
                    ✕
                  </button>
                </li>
              ))}
            </ul>
            <FieldErrors id="pumpIds-error" errors={p.fieldErrors?.pumpIds} />
          </div>
        ) : null}
        {p.unknownTenants.length > 0 ? (
          <Alert tone="error">Not found, so left out: {p.unknownTenants.join(", ")}.</Alert>
        ) : null}

        <div className="space-y-1">
          <label htmlFor="accountIds" className="block text-sm font-medium text-slate-800">
            {p.tenants.length > 0 ? "More AWS account IDs (optional)" : "AWS account IDs"}
          </label>
          <textarea
            id="accountIds"
            name="accountIds"
            rows={5}
            value={p.accountIds}
            onChange={(e) => p.onAccountIds(e.target.value)}
            aria-invalid={p.fieldErrors?.accountIds?.length ? true : undefined}
            aria-describedby={
              p.fieldErrors?.accountIds?.length ? "accountIds-error accountIds-hint" : "accountIds-hint"
            }
            className={`${inputClass} font-mono`}
            placeholder={"1234-5678-9012\n210987654321, 555566667777"}
          />
          <p id="accountIds-hint" className="text-xs text-slate-500">
            Paste from anywhere: one per line, or separated by commas or spaces; dashes are fine.
          </p>
          <FieldErrors id="accountIds-error" errors={p.fieldErrors?.accountIds} />
        </div>

        <div className="max-w-md">
          <SelectField
            label="Pump organization"
            name="pumpOrganizationId"
            value={p.organizationId}
            onChange={(e) => p.onOrganization(e.target.value)}
            errors={p.fieldErrors?.pumpOrganizationId}
            options={p.organizations.map((o) => ({
              value: o.id,
              label: `${o.name} (${o.orgId})${o.isDefault ? " — Pump's default" : ""}`,
            }))}
          />
          {p.tenantsDisagree ? (
            <p className="mt-1 text-xs text-amber-800">
              These tenants are set to join different organizations: the one picked here applies to every account.
            </p>
          ) : null}
        </div>

        {p.error && !hasFieldErrors ? <Alert tone="error">{p.error}</Alert> : null}
        <Button type="submit" disabled={p.previewing}>
          {p.previewing ? "Checking every account…" : "Preview"}
        </Button>
      </fieldset>
    </form>
  );
}
