import type { Metadata } from "next";
import Link from "next/link";
import { FilterBar } from "@/components/data-table/filter-bar";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/require";
import { firstValues } from "@/lib/table/params";
import { membershipLabels, onboardingLabels, options, roleTypeLabels } from "@/lib/tenants/labels";
import { listAccountManagers, listTenants } from "@/lib/tenants/list-queries";
import { tenantListQuerySchema } from "@/lib/tenants/list-schemas";
import { TenantsTable } from "./tenants-table";

export const metadata: Metadata = { title: "Tenants" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TenantsPage({ searchParams }: Props) {
  const actor = await requirePermission("tenants.read");
  const raw = firstValues(await searchParams);
  const query = tenantListQuerySchema.parse(raw);
  const db = await getDb();
  const [result, managers] = await Promise.all([listTenants(db, query), listAccountManagers(db)]);
  // The export takes the same URL parameters as the view, so it exports exactly what is filtered here.
  const exportParams = new URLSearchParams(
    Object.entries(raw).filter(
      (e): e is [string, string] => e[1] !== undefined && !["page", "size", "cols"].includes(e[0]),
    ),
  );

  return (
    <>
      <PageHeader
        title="Tenants"
        description="Pump customers and their AWS accounts. Filters, sort, page and columns live in the URL: share the link to share the view."
        actions={
          <div className="flex gap-2">
            <a href={`/tenants/export?${exportParams.toString()}`} className={buttonClass("secondary")} download>
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
        keep={{ sort: raw.sort, dir: raw.dir, size: raw.size, cols: raw.cols }}
        values={raw}
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
        page={result.page}
        size={result.size}
        sort={query.sort}
        dir={query.dir}
        visible={query.cols}
        canInvite={can(actor.role, "invites.send")}
      />
    </>
  );
}
