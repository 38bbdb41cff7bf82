import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/auth/require";
import { pumpIdSchema } from "@/lib/tenants/schemas";
import { getTenantHeader } from "@/lib/tenants/tenant-queries";
import { AccountForm } from "../../../_forms/account-form";

export const metadata: Metadata = { title: "Add AWS account" };

export default async function AddAccountPage({ params }: { params: Promise<{ pumpId: string }> }) {
  await requirePermission("tenants.write");
  const pumpId = pumpIdSchema.safeParse((await params).pumpId);
  if (!pumpId.success) notFound();
  const tenant = await getTenantHeader(await getDb(), pumpId.data);
  if (!tenant) notFound();
  return (
    <>
      <PageHeader
        title={`Add an AWS account to ${tenant.name}`}
        description="Pump generates the account's External ID when you save; it never changes afterwards."
      />
      <AccountForm mode="add" tenantId={tenant.id} pumpId={tenant.pumpId} />
    </>
  );
}
