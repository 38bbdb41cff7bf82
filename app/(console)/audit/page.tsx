import type { Metadata } from "next";
import { FilterBar } from "@/components/data-table/filter-bar";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { listAuditActions, listAuditEvents } from "@/lib/audit/queries";
import { auditQuerySchema } from "@/lib/audit/schemas";
import { requirePermission } from "@/lib/auth/require";
import { firstValues } from "@/lib/table/params";
import { AuditTable } from "./audit-table";

export const metadata: Metadata = { title: "Audit" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuditPage({ searchParams }: Props) {
  await requirePermission("audit.read");
  const raw = firstValues(await searchParams);
  const query = auditQuerySchema.parse(raw);
  const db = await getDb();
  const [result, actions] = await Promise.all([listAuditEvents(db, query), listAuditActions(db)]);

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change and every refused attempt, newest first. Append-only: the database refuses edits and deletions. Times are UTC."
      />
      <FilterBar
        resetHref="/audit"
        keep={{ sort: raw.sort, dir: raw.dir, size: raw.size, cols: raw.cols }}
        values={raw}
        fields={[
          { key: "actor", label: "Actor (email starts with)", type: "text", placeholder: "support@" },
          { key: "action", label: "Action", type: "text", placeholder: "staff.", suggestions: actions },
          { key: "targetType", label: "Target type", type: "text", placeholder: "staff" },
          { key: "targetId", label: "Target ID", type: "text" },
          {
            key: "outcome",
            label: "Outcome",
            type: "select",
            options: [
              { value: "ok", label: "OK" },
              { value: "denied", label: "Denied" },
              { value: "failed", label: "Failed" },
            ],
          },
          { key: "from", label: "From (UTC)", type: "datetime" },
          { key: "to", label: "To (UTC)", type: "datetime" },
        ]}
      />
      <AuditTable
        rows={result.rows.map((r) => ({ ...r, occurredAt: r.occurredAt.toISOString() }))}
        total={result.total}
        page={result.page}
        size={result.size}
        sort={query.sort}
        dir={query.dir}
        visible={query.cols}
      />
    </>
  );
}
