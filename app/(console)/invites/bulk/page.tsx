import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/auth/require";
import { initialOrganizationId, listBulkTenants, parseTenantsParam } from "@/lib/invites/bulk-tenants";
import { listOrganizationChoices } from "@/lib/invites/queries";
import { MAX_BULK } from "@/lib/invites/schemas";
import { BulkInvite } from "./bulk-invite";

export const metadata: Metadata = { title: "Bulk invite" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function BulkInvitePage({ searchParams }: Props) {
  await requirePermission("invites.send");
  const raw = (await searchParams).tenants;
  const { pumpIds, malformed } = parseTenantsParam(Array.isArray(raw) ? raw.join(",") : raw);
  const db = await getDb();
  const [organizations, tenants] = await Promise.all([listOrganizationChoices(db), listBulkTenants(db, pumpIds)]);
  const unknown = [...malformed, ...pumpIds.filter((id) => !tenants.some((t) => t.pumpId === id))];
  const defaults = new Set(tenants.map((t) => t.defaultPumpOrganizationId));

  return (
    <>
      <PageHeader
        title="Bulk invite"
        description={
          `Invite up to ${MAX_BULK} accounts into a Pump organization at once. Preview first: every account gets the ` +
          "invite checklist, and the daily limit and quota decide what is sent now and what waits in the queue."
        }
      />
      <BulkInvite
        organizations={organizations}
        initialOrganizationId={initialOrganizationId(organizations, tenants) ?? ""}
        tenants={tenants.map((t) => ({ pumpId: t.pumpId, name: t.name, accountsCount: t.accountsCount }))}
        unknownTenants={unknown}
        tenantsDisagree={defaults.size > 1}
      />
    </>
  );
}
