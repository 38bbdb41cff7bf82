import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/require";
import { pumpIdSchema } from "@/lib/tenants/schemas";
import { getTenantPageData } from "@/lib/tenants/tenant-queries";
import { isSandboxMode } from "@/lib/aws";
import { listTenantOnboardings } from "@/lib/onboarding/queries";
import { TRANSFER_LOSSES } from "@/lib/invites/preflight";
import { listOrganizationChoices } from "@/lib/invites/queries";
import { AccountCard } from "./account-card";
import { AccountLanding } from "./account-landing";
import { OnboardingSection } from "./onboarding-section";
import { noticeText } from "./notice";
import { TenantSummary } from "./tenant-summary";
import { TenantAuditTrail, TenantTimeline } from "./tenant-history";

type Props = {
  params: Promise<{ pumpId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Tenant ${(await params).pumpId}` };
}

export default async function TenantPage({ params, searchParams }: Props) {
  const actor = await requirePermission("tenants.read");
  const pumpId = pumpIdSchema.safeParse((await params).pumpId);
  if (!pumpId.success) notFound();
  const data = await getTenantPageData(await getDb(), pumpId.data);
  if (!data) notFound();
  const { tenant, accounts, timeline, auditTrail } = data;
  const onboardingRows = await listTenantOnboardings(await getDb(), tenant.id);
  const canWrite = can(actor.role, "tenants.write");
  const canReveal = can(actor.role, "tenants.reveal_external_id");
  const canVerify = can(actor.role, "roles.verify");
  const canManual = can(actor.role, "onboarding.record_manual");
  const notice = noticeText((await searchParams).notice);
  const canSimulate = isSandboxMode() && can(actor.role, "sandbox.simulate");
  const inviteControls = {
    canChange: can(actor.role, "invites.cancel"),
    canSimulate,
    transferLosses: TRANSFER_LOSSES,
    now: new Date().toISOString(),
  };
  // The invite panel's organizations: only fetched for someone who may invite.
  const organizations = can(actor.role, "invites.send") ? await listOrganizationChoices(await getDb()) : null;
  const invite = organizations
    ? {
        organizations,
        defaultOrganizationId: tenant.defaultPumpOrganizationId ?? organizations.find((o) => o.isDefault)?.id ?? null,
      }
    : null;

  return (
    <>
      <PageHeader
        title={tenant.name}
        description={<span className="font-mono">{tenant.pumpId}</span>}
        actions={
          canWrite ? (
            <div className="flex gap-2">
              <Link href={`/tenants/${tenant.pumpId}/edit`} className={buttonClass("secondary")}>
                Edit tenant
              </Link>
              <Link href={`/tenants/${tenant.pumpId}/accounts/new`} className={buttonClass()}>
                Add AWS account
              </Link>
            </div>
          ) : null
        }
      />
      {notice ? (
        <div className="mb-4">
          <Alert tone="success">{notice}</Alert>
        </div>
      ) : null}
      <TenantSummary tenant={tenant} />
      <h2 className="mb-3 text-lg font-semibold text-slate-900">AWS accounts</h2>
      <AccountLanding pumpId={tenant.pumpId}>
        <div className="mb-8 space-y-4">
          {accounts.length === 0 ? (
            <EmptyState title="No AWS accounts yet">
              {canWrite ? "Add the customer's first account with “Add AWS account”." : "None has been added."}
            </EmptyState>
          ) : (
            accounts.map((a) => (
              <AccountCard
                key={a.id}
                account={a}
                pumpId={tenant.pumpId}
                canWrite={canWrite}
                canReveal={canReveal}
                canVerify={canVerify}
                canManual={canManual}
                inviteControls={inviteControls}
                invite={invite}
              />
            ))
          )}
        </div>
      </AccountLanding>
      <OnboardingSection
        tenantId={tenant.id}
        rows={onboardingRows}
        canIssue={can(actor.role, "onboarding.issue")}
        canSimulate={canSimulate}
      />
      <div className="grid gap-6 xl:grid-cols-2">
        <TenantTimeline entries={timeline} />
        <TenantAuditTrail rows={auditTrail} tenantId={tenant.id} canReadAudit={can(actor.role, "audit.read")} />
      </div>
    </>
  );
}
