import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/auth/require";
import { ACCOUNT_ID_PATTERN, formatAccountId } from "@/lib/tenants/aws-ids";
import { pumpIdSchema } from "@/lib/tenants/schemas";
import { getAccountForEdit, getTenantHeader } from "@/lib/tenants/tenant-queries";
import { AccountForm } from "../../../../_forms/account-form";

export const metadata: Metadata = { title: "Edit AWS account" };

type Props = { params: Promise<{ pumpId: string; accountId: string }> };

export default async function EditAccountPage({ params }: Props) {
  await requirePermission("tenants.write");
  const raw = await params;
  const pumpId = pumpIdSchema.safeParse(raw.pumpId);
  if (!pumpId.success || !ACCOUNT_ID_PATTERN.test(raw.accountId)) notFound();
  const db = await getDb();
  const tenant = await getTenantHeader(db, pumpId.data);
  // The account must belong to the tenant in the URL; another tenant's account is "not found" here.
  const account = tenant ? await getAccountForEdit(db, tenant.id, raw.accountId) : null;
  if (!tenant || !account) notFound();
  return (
    <>
      <PageHeader
        title={`Edit account ${formatAccountId(account.accountId)}`}
        description={`${tenant.name} (${tenant.pumpId})`}
      />
      <AccountForm mode="edit" pumpId={tenant.pumpId} account={account} />
    </>
  );
}
