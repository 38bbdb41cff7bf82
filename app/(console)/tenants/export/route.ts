import { stringify } from "csv-stringify/sync";
import { getDb } from "@/db/client";
import { recordAudit } from "@/lib/audit/record";
import { authorizeRoute } from "@/lib/auth/require";
import { formatUtcFileStamp } from "@/lib/format/utc";
import { csvColumns, exportTenants } from "@/lib/tenants/export";
import { loadTenantList } from "@/lib/tenants/list-schemas";

/**
 * GET /tenants/export?<the list's own URL parameters> — the filtered view, all pages, as CSV, streamed.
 * The export itself is audited: it is the one way to take the whole customer list out of the console.
 */
export async function GET(request: Request) {
  const auth = await authorizeRoute("tenants.read", "tenants export");
  if (!auth.ok) return auth.response;
  const query = loadTenantList(request);
  const db = await getDb();
  const filters = Object.fromEntries(
    Object.entries(query).filter(([k, v]) => v !== null && !["page", "size", "cols"].includes(k)),
  );
  await recordAudit(db, auth.actor, auth.requestId, {
    action: "tenants.export",
    targetType: "tenants",
    after: filters,
  });

  const batches = exportTenants(db, query);
  const encoder = new TextEncoder();
  let first = true;
  const body = new ReadableStream<Uint8Array>({
    // Pull-based: the next batch is read only when the client has taken the previous one.
    async pull(controller) {
      try {
        const next = await batches.next();
        if (next.done) {
          if (first) controller.enqueue(encoder.encode(stringify([], { header: true, columns: csvColumns })));
          controller.close();
          return;
        }
        // escape_formulas: a cell starting with = + - @ is prefixed, so a spreadsheet never runs it.
        const csv = stringify(next.value, { header: first, columns: csvColumns, escape_formulas: true });
        first = false;
        controller.enqueue(encoder.encode(csv));
      } catch (error) {
        console.error(`[${auth.requestId}] tenants export failed`, error instanceof Error ? error.message : "unknown");
        controller.error(error);
      }
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
  const stamp = formatUtcFileStamp(new Date());
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="pump-tenants-${stamp}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
