import type { Metadata } from "next";
import type { SearchParams } from "nuqs/server";
import Link from "next/link";
import { FilterBar } from "@/components/data-table/filter-bar";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/require";
import { formValues } from "@/lib/table/params";
import { membershipLabels, onboardingLabels, options, roleTypeLabels } from "@/lib/tenants/labels";
import { listAccountManagers, listTenants } from "@/lib/tenants/list-queries";
import { loadTenantList, serializeTenantList } from "@/lib/tenants/list-schemas";
import { TenantsTable } from "./tenants-table";

export const metadata: Metadata = { title: "Tenants" };

type Props = { searchParams: Promise<SearchParams> };

export default async function TenantsPage({ searchParams }: Props) {
  const actor = await requirePermission("tenants.read");
  const query = await loadTenantList(searchParams);
  const db = await getDb();
  const [result, managers] = await Promise.all([listTenants(db, query), listAccountManagers(db)]);
  const { sort, dir, size, cols } = query;
  const filters = { ...query, page: null, size: null, sort: null, dir: null, cols: null };
  // The export takes the same URL parameters as the view, so it exports exactly what is filtered here.
  const exportHref = serializeTenantList("/tenants/export", { ...filters, sort, dir });

  return (
    <>
      <PageHeader
        title="Tenants"
        description="Pump customers and their AWS accounts. Filters, sort, page and columns live in the URL: share the link to share the view."
        actions={
          <div className="flex gap-2">
            <a href={exportHref} className={buttonClass("secondary")} download>
              Export CSV
            </a>
            {can(actor.role, "tenants.write") ? (
              <Link href="/tenants/new" className={buttonClass("primary")}>
                New tenant
              </Link>
            ) : null}
          </div>
        }
      />
      <FilterBar
        resetHref="/tenants"
        keep={formValues(serializeTenantList({ sort, dir, size, cols }))}
        values={formValues(serializeTenantList(filters))}
        fields={[
          { key: "q", label: "Search", type: "text", placeholder: "Name, Pump ID, email, account ID" },
          { key: "state", label: "Onboarding state", type: "select", options: options(onboardingLabels) },
          { key: "roleType", label: "Role type", type: "select", options: options(roleTypeLabels) },
          { key: "membership", label: "Membership", type: "select", options: options(membershipLabels) },
          {
            key: "manager",
            label: "Account manager",
            type: "select",
            options: [{ value: "none", label: "None" }, ...managers.map((m) => ({ value: m.id, label: m.name }))],
          },
          { key: "exception", label: "Open exception", type: "select", options: [{ value: "yes", label: "Has one" }] },
          { key: "failing", label: "Verification", type: "select", options: [{ value: "yes", label: "Failing" }] },
          { key: "createdFrom", label: "Created from (UTC)", type: "date" },
          { key: "createdTo", label: "Created before (UTC)", type: "date" },
        ]}
      />
      <TenantsTable
        rows={result.rows.map((r) => ({
          ...r,
          lastActivityAt: r.lastActivityAt.toISOString(),
          createdAt: r.createdAt.toISOString(),
        }))}
        total={result.total}
        totalIsCapped={result.totalIsCapped}
        estimatedTotal={result.estimatedTotal}
        canInvite={can(actor.role, "invites.send")}
      />
    </>
  );
}
