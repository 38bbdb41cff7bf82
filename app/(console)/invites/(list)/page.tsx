import type { Metadata } from "next";
import type { SearchParams } from "nuqs/server";
import { FilterBar } from "@/components/data-table/filter-bar";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/require";
import { isSandboxMode } from "@/lib/aws";
import { formatUtc } from "@/lib/format/utc";
import { inviteFilterLabels } from "@/lib/invites/labels";
import { INVITE_FILTERS, loadInviteList, serializeInviteList } from "@/lib/invites/list-schemas";
import { TRANSFER_LOSSES } from "@/lib/invites/preflight";
import { INVITES_PAGE_SIZE, listInvites, listOrganizationsWithUsage } from "@/lib/invites/queries";
import { formValues } from "@/lib/table/params";
import { AutoSync } from "./auto-sync";
import { InvitesTable } from "./invites-table";
import { InvitesToolbar } from "./invites-toolbar";

export const metadata: Metadata = { title: "Invites" };

/** Older than this, the page syncs with AWS on open: invitations change in AWS without Pump being told. */
const SYNC_MAX_AGE_MINUTES = 5;

type Props = { searchParams: Promise<SearchParams> };

export default async function InvitesPage({ searchParams }: Props) {
  const actor = await requirePermission("invites.read");
  const query = await loadInviteList(searchParams);
  const db = await getDb();
  const now = new Date();
  const [result, organizations] = await Promise.all([
    listInvites(db, { filter: query.state, pumpOrganizationId: query.org ?? undefined, page: query.page }),
    listOrganizationsWithUsage(db, now),
  ]);
  const isStale = organizations.some(
    (o) => !o.invitesSyncedAt || now.getTime() - o.invitesSyncedAt.getTime() > SYNC_MAX_AGE_MINUTES * 60_000,
  );
  // "Send queued" works through every organization's queue, so it counts them all.
  const queued = organizations.reduce((n, o) => n + o.usage.queued, 0);

  return (
    <>
      <PageHeader
        title="Invites"
        description="Every AWS Organizations invitation Pump sent or queued, as AWS last reported it. Pending and in-doubt ones come first."
        actions={
          <div className="flex flex-wrap items-start gap-2">
            {can(actor.role, "invites.send") ? (
              <Link href="/invites/bulk" className={buttonClass("secondary")}>
                Bulk invite
              </Link>
            ) : null}
            <InvitesToolbar
              pumpOrganizationId={query.org ?? undefined}
              canReconcile={can(actor.role, "invites.reconcile")}
              canSend={can(actor.role, "invites.send")}
              queued={queued}
              canSimulate={isSandboxMode() && can(actor.role, "sandbox.simulate")}
            />
          </div>
        }
      />
      <section aria-label="Sync status" className="mb-4 space-y-1">
        <p className="text-sm text-slate-600">
          Last synced with AWS:{" "}
          {organizations.map((o, i) => (
            <span key={o.id}>
              {i > 0 ? " · " : ""}
              {o.name} <span className="font-mono text-xs">{formatUtc(o.invitesSyncedAt)}</span>
            </span>
          ))}
        </p>
        <AutoSync isStale={isStale} maxAgeMinutes={SYNC_MAX_AGE_MINUTES} />
      </section>
      <FilterBar
        resetHref="/invites"
        keep={formValues(serializeInviteList({ cols: query.cols }))}
        values={formValues(serializeInviteList({ state: query.state, org: query.org }))}
        fields={[
          {
            key: "state",
            label: "State",
            type: "select",
            options: INVITE_FILTERS.filter((f) => f !== "all").map((f) => ({ value: f, label: inviteFilterLabels[f] })),
          },
          {
            key: "org",
            label: "Organization",
            type: "select",
            options: organizations.map((o) => ({ value: o.id, label: `${o.name} (${o.orgId})` })),
          },
        ]}
      />
      <InvitesTable
        rows={result.rows.map((r) => ({
          ...r,
          requestedAt: r.requestedAt.toISOString(),
          expiresAt: r.expiresAt?.toISOString() ?? null,
          endedAt: r.endedAt?.toISOString() ?? null,
          lastSyncedAt: r.lastSyncedAt?.toISOString() ?? null,
        }))}
        total={result.total}
        pageSize={INVITES_PAGE_SIZE}
        isFiltered={query.state !== "all" || query.org !== null}
        now={now.toISOString()}
        canChange={can(actor.role, "invites.cancel")}
        canSimulate={isSandboxMode() && can(actor.role, "sandbox.simulate")}
        transferLosses={TRANSFER_LOSSES}
      />
    </>
  );
}
