"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClass } from "@/components/ui/button";
import { SelectField, TextField, inputClass, FieldErrors } from "@/components/ui/field";
import { createTenant, updateTenant } from "@/lib/tenants/actions";
import type { ManagerOption } from "@/lib/tenants/tenant-queries";
import { ContactsFieldset } from "./contacts-fieldset";
import { OwnerLink } from "./owner-link";
import { summaryOf, useFormAction, valueOf } from "./use-form-action";

export type TenantFormInitial = {
  tenantId?: string;
  pumpId: string;
  name: string;
  notes: string;
  accountManagerId: string | null;
  defaultPumpOrganizationId: string | null;
  contacts: { name: string; email: string }[];
};

export type OrganizationOption = { id: string; name: string; orgId: string; isDefault: boolean };
type Props = {
  initial: TenantFormInitial;
  managers: ManagerOption[];
  organizations: OrganizationOption[];
  cancelHref: string;
};

/** Create a tenant (no tenantId) or edit one. On success, back to the tenant's page. */
export function TenantForm({ initial, managers, organizations, cancelHref }: Props) {
  const isEdit = Boolean(initial.tenantId);
  const [state, action, pending] = useFormAction(isEdit ? updateTenant : createTenant);
  const router = useRouter();
  const { result, values } = state;
  useEffect(() => {
    if (result?.ok)
      router.push(`/tenants/${result.data.pumpId}?notice=${isEdit ? "tenant-updated" : "tenant-created"}`);
  }, [result, isEdit, router]);
  const errors = result && !result.ok ? result.fieldErrors : undefined;
  const contacts = values
    ? (values.contactName ?? []).map((name, i) => ({ name, email: values.contactEmail?.[i] ?? "" }))
    : initial.contacts;
  const managerOptions = [
    { value: "", label: "None" },
    ...managers.map((m) => ({ value: m.id, label: `${m.name} (${m.email})` })),
  ];
  const defaultOrg = organizations.find((o) => o.isDefault);
  const organizationOptions = [
    { value: "", label: defaultOrg ? `Pump's default (${defaultOrg.name})` : "Pump's default" },
    ...organizations.map((o) => ({ value: o.id, label: `${o.name} (${o.orgId})` })),
  ];
  const summary = summaryOf(result);

  return (
    <form
      key={state.version}
      action={action}
      noValidate
      aria-label={isEdit ? "Edit tenant" : "New tenant"}
      className="max-w-3xl space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      {initial.tenantId ? <input type="hidden" name="tenantId" value={initial.tenantId} /> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Pump ID"
          name="pumpId"
          required
          autoComplete="off"
          placeholder="PUMP-0042"
          defaultValue={valueOf(values, "pumpId", initial.pumpId)}
          errors={errors?.pumpId}
          hint={<OwnerLink errors={errors?.pumpId} />}
        />
        <TextField
          label="Company name"
          name="name"
          required
          defaultValue={valueOf(values, "name", initial.name)}
          errors={errors?.name}
        />
      </div>
      <SelectField
        label="Account manager"
        name="accountManagerId"
        options={managerOptions}
        defaultValue={valueOf(values, "accountManagerId", initial.accountManagerId)}
        errors={errors?.accountManagerId}
      />
      <SelectField
        label="Invites accounts into"
        name="defaultPumpOrganizationId"
        options={organizationOptions}
        defaultValue={valueOf(values, "defaultPumpOrganizationId", initial.defaultPumpOrganizationId)}
        errors={errors?.defaultPumpOrganizationId}
      />
      <ContactsFieldset initial={contacts} errors={errors?.contacts} />
      <div className="space-y-1">
        <label htmlFor="notes" className="block text-sm font-medium text-slate-800">
          Notes
        </label>
        <textarea
          id="notes"
          name="notes"
          rows={4}
          defaultValue={valueOf(values, "notes", initial.notes)}
          aria-invalid={errors?.notes?.length ? true : undefined}
          aria-describedby={errors?.notes?.length ? "notes-error" : undefined}
          className={inputClass}
        />
        <FieldErrors id="notes-error" errors={errors?.notes} />
      </div>
      {summary ? <Alert tone="error">{summary}</Alert> : null}
      {result?.ok ? <Alert tone="success">Saved. Opening the tenant…</Alert> : null}
      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : isEdit ? "Save tenant" : "Create tenant"}
        </Button>
        <Link href={cancelHref} className={buttonClass("ghost")}>
          Cancel
        </Link>
      </div>
    </form>
  );
}
