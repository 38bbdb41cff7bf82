"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClass } from "@/components/ui/button";
import { SelectField, TextField, inputClass } from "@/components/ui/field";
import { formatAccountId } from "@/lib/tenants/aws-ids";
import { addAwsAccount, updateAwsAccount } from "@/lib/tenants/actions";
import { deploymentLabels } from "@/lib/tenants/detail-labels";
import { options, roleTypeLabels } from "@/lib/tenants/labels";
import type { AccountFormData } from "@/lib/tenants/tenant-queries";
import { OwnerLink } from "./owner-link";
import { summaryOf, useFormAction, valueOf } from "./use-form-action";

type Props =
  | { mode: "add"; tenantId: string; pumpId: string; account?: undefined }
  | { mode: "edit"; tenantId?: undefined; pumpId: string; account: AccountFormData };

const deploymentOptions = [{ value: "", label: "— (no role ARN yet)" }, ...options(deploymentLabels)];

/** Add an AWS account to a tenant, or edit one. The External ID is never a field: the server generates it. */
export function AccountForm({ mode, tenantId, pumpId, account }: Props) {
  const [state, action, pending] = useFormAction(mode === "add" ? addAwsAccount : updateAwsAccount);
  const router = useRouter();
  const { result, values } = state;
  useEffect(() => {
    if (!result?.ok) return;
    const reset = "verificationReset" in result.data && result.data.verificationReset;
    const notice = mode === "add" ? "account-added" : reset ? "role-reset" : "account-updated";
    router.push(`/tenants/${result.data.pumpId}?notice=${notice}#account-${result.data.accountId}`);
  }, [result, mode, router]);
  const errors = result && !result.ok ? result.fieldErrors : undefined;
  const summary = summaryOf(result);

  return (
    <form
      key={state.version}
      action={action}
      noValidate
      aria-label={mode === "add" ? "Add AWS account" : "Edit AWS account"}
      className="max-w-3xl space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      {tenantId ? <input type="hidden" name="tenantId" value={tenantId} /> : null}
      {account ? <input type="hidden" name="awsAccountId" value={account.id} /> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        {account ? (
          <div className="space-y-1">
            <p className="text-sm font-medium text-slate-800">Account ID</p>
            <p className="font-mono text-sm">{formatAccountId(account.accountId)}</p>
            <p className="text-xs text-slate-500">
              Fixed: the External ID, invites and exceptions belong to this account.
            </p>
          </div>
        ) : (
          <TextField
            label="Account ID"
            name="accountId"
            required
            inputMode="numeric"
            autoComplete="off"
            placeholder="1234-5678-9012"
            defaultValue={valueOf(values, "accountId", "")}
            errors={errors?.accountId}
            hint={<OwnerLink errors={errors?.accountId} />}
          />
        )}
        <TextField
          label="Account name"
          name="name"
          required
          defaultValue={valueOf(values, "name", account?.name)}
          errors={errors?.name}
        />
        <TextField
          label="Root / contact email"
          name="email"
          type="email"
          defaultValue={valueOf(values, "email", account?.email)}
          errors={errors?.email}
        />
        <SelectField
          label="Role type"
          name="roleType"
          options={options(roleTypeLabels)}
          defaultValue={valueOf(values, "roleType", account?.roleType ?? "read_only")}
          errors={errors?.roleType}
        />
      </div>
      <TextField
        label="Role ARN"
        name="roleArn"
        autoComplete="off"
        spellCheck={false}
        placeholder="arn:aws:iam::123456789012:role/PumpCustomerAccess"
        className={`${inputClass} font-mono`}
        defaultValue={valueOf(values, "roleArn", account?.roleArn)}
        errors={errors?.roleArn}
        hint={
          mode === "edit"
            ? "Changing the role ARN marks the role unverified until it is verified again."
            : "Optional until the customer has deployed the role."
        }
      />
      <SelectField
        label="Deployment method"
        name="deploymentMethod"
        options={deploymentOptions}
        defaultValue={valueOf(values, "deploymentMethod", account?.deploymentMethod)}
        errors={errors?.deploymentMethod}
      />
      {summary ? <Alert tone="error">{summary}</Alert> : null}
      {result?.ok ? <Alert tone="success">Saved. Opening the tenant…</Alert> : null}
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : mode === "add" ? "Add account" : "Save account"}
        </Button>
        <Link href={`/tenants/${pumpId}`} className={buttonClass("ghost")}>
          Cancel
        </Link>
      </div>
    </form>
  );
}
