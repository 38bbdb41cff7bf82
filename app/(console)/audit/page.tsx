import type { Metadata } from "next";
import type { SearchParams } from "nuqs/server";
import { FilterBar } from "@/components/data-table/filter-bar";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { auditOutcomeLabels, loadAuditList, serializeAuditList } from "@/lib/audit/list-schemas";
import { listAuditActions, listAuditEvents } from "@/lib/audit/queries";
import { requirePermission } from "@/lib/auth/require";
import { formValues } from "@/lib/table/params";
import { AuditTable } from "./audit-table";

export const metadata: Metadata = { title: "Audit" };

type Props = { searchParams: Promise<SearchParams> };

export default async function AuditPage({ searchParams }: Props) {
  await requirePermission("audit.read");
  const query = await loadAuditList(searchParams);
  const db = await getDb();
  const [result, actions] = await Promise.all([listAuditEvents(db, query), listAuditActions(db)]);
  const { sort, dir, size, cols } = query;
  const filters = { ...query, page: null, size: null, sort: null, dir: null, cols: null };

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change and every refused attempt, newest first. Append-only: the database refuses edits and deletions. Times are UTC."
      />
      <FilterBar
        resetHref="/audit"
        keep={formValues(serializeAuditList({ sort, dir, size, cols }))}
        values={formValues(serializeAuditList(filters))}
        fields={[
          { key: "actor", label: "Actor (email starts with)", type: "text", placeholder: "support@" },
          { key: "action", label: "Action", type: "text", placeholder: "staff.", suggestions: actions },
          { key: "targetType", label: "Target type", type: "text", placeholder: "staff" },
          { key: "targetId", label: "Target ID", type: "text" },
          {
            key: "outcome",
            label: "Outcome",
            type: "select",
            options: Object.entries(auditOutcomeLabels).map(([value, label]) => ({ value, label })),
          },
          { key: "from", label: "From (UTC)", type: "datetime" },
          { key: "to", label: "To (UTC)", type: "datetime" },
        ]}
      />
      <AuditTable
        rows={result.rows.map((r) => ({ ...r, occurredAt: r.occurredAt.toISOString() }))}
        total={result.total}
      />
    </>
  );
}
