import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/auth/require";
import { listOrganizationChoices } from "@/lib/invites/queries";
import { listManagerOptions } from "@/lib/tenants/tenant-queries";
import { TenantForm } from "../_forms/tenant-form";

export const metadata: Metadata = { title: "New tenant" };

export default async function NewTenantPage() {
  await requirePermission("tenants.write");
  const db = await getDb();
  const [managers, organizations] = await Promise.all([listManagerOptions(db), listOrganizationChoices(db)]);
  return (
    <>
      <PageHeader
        title="New tenant"
        description="A Pump customer. Add its AWS accounts on the tenant's page afterwards."
      />
      <TenantForm
        initial={{
          pumpId: "",
          name: "",
          notes: "",
          accountManagerId: null,
          defaultPumpOrganizationId: null,
          contacts: [],
        }}
        managers={managers}
        organizations={organizations}
        cancelHref="/tenants"
      />
    </>
  );
}
