import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/auth/require";
import { listManagerOptions } from "@/lib/tenants/tenant-queries";
import { TenantForm } from "../_forms/tenant-form";

export const metadata: Metadata = { title: "New tenant" };

export default async function NewTenantPage() {
  await requirePermission("tenants.write");
  const managers = await listManagerOptions(await getDb());
  return (
    <>
      <PageHeader title="New tenant" description="A Pump customer. Add its AWS accounts on the tenant's page afterwards." />
      <TenantForm
        initial={{ pumpId: "", name: "", notes: "", accountManagerId: null, contacts: [] }}
        managers={managers}
        cancelHref="/tenants"
      />
    </>
  );
}
