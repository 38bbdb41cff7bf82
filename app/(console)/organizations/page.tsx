import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/require";
import { listOrganizationsWithUsage } from "@/lib/invites/queries";
import { OrganizationCard } from "./organization-card";

export const metadata: Metadata = { title: "Organizations" };

export default async function OrganizationsPage() {
  const actor = await requirePermission("organizations.read");
  const organizations = await listOrganizationsWithUsage(await getDb());
  const canSend = can(actor.role, "invites.send");
  return (
    <>
      <PageHeader
        title="Organizations"
        description="Pump's own AWS organizations: how full each is against its account quota, and how many invitations it may still send today."
        actions={
          canSend ? (
            <Link href="/invites/bulk" className={buttonClass("primary")}>
              Bulk invite
            </Link>
          ) : null
        }
      />
      {organizations.length === 0 ? (
        <EmptyState title="No Pump organizations yet">
          An admin adds Pump&apos;s organizations before anything can be invited.
        </EmptyState>
      ) : (
        <div className="space-y-4">
          {organizations.map((o) => (
            // The Sync button calls syncInvites, which needs invites.read: offered only to those who hold it.
            <OrganizationCard key={o.id} organization={o} canSync={can(actor.role, "invites.read")} />
          ))}
        </div>
      )}
    </>
  );
}
