import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/auth/require";
import { pumpIdSchema } from "@/lib/tenants/schemas";
import { listOrganizationChoices, tenantDefaultOrganization } from "@/lib/invites/queries";
import { getTenantHeader, listManagerOptions } from "@/lib/tenants/tenant-queries";
import { TenantForm } from "../../_forms/tenant-form";

export const metadata: Metadata = { title: "Edit tenant" };

export default async function EditTenantPage({ params }: { params: Promise<{ pumpId: string }> }) {
  await requirePermission("tenants.write");
  const pumpId = pumpIdSchema.safeParse((await params).pumpId);
  if (!pumpId.success) notFound();
  const db = await getDb();
  const [tenant, managers, organizations] = await Promise.all([
    getTenantHeader(db, pumpId.data),
    listManagerOptions(db),
    listOrganizationChoices(db),
  ]);
  if (!tenant) notFound();
  const defaultPumpOrganizationId = await tenantDefaultOrganization(db, tenant.id);
  // A manager who has since left the role or been disabled stays selectable for this tenant until changed.
  const current = tenant.accountManager;
  const options =
    tenant.accountManagerId && current && !managers.some((m) => m.id === tenant.accountManagerId)
      ? [...managers, { id: tenant.accountManagerId, name: `${current.name} (current)`, email: current.email }]
      : managers;
  return (
    <>
      <PageHeader title={`Edit ${tenant.name}`} description={<span className="font-mono">{tenant.pumpId}</span>} />
      <TenantForm
        initial={{
          tenantId: tenant.id,
          pumpId: tenant.pumpId,
          name: tenant.name,
          notes: tenant.notes,
          accountManagerId: tenant.accountManagerId,
          defaultPumpOrganizationId,
          contacts: tenant.contacts,
        }}
        managers={options}
        organizations={organizations}
        cancelHref={`/tenants/${tenant.pumpId}`}
      />
    </>
  );
}
