import { NextResponse } from "next/server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { recordAudit } from "@/lib/audit/record";
import { can } from "@/lib/auth/permissions";
import { authorizeRoute } from "@/lib/auth/require";
import { MAX_QUERY_LENGTH } from "@/lib/search/classify";
import { searchTenants } from "@/lib/search/search";
import type { SearchResponse } from "@/lib/search/types";

const searchParamsSchema = z.object({
  q: z
    .string()
    .max(MAX_QUERY_LENGTH * 4)
    .default(""),
});

const noStore = { "Cache-Control": "no-store" };

/**
 * GET /api/search?q=… — the ⌘K search. Malformed input answers 200 with no results (never an error), so the box
 * can send whatever is typed. Results never contain an External ID.
 */
export async function GET(request: Request) {
  const auth = await authorizeRoute("tenants.read", "search");
  if (!auth.ok) {
    auth.response.headers.set("Cache-Control", "no-store");
    return auth.response;
  }
  const parsed = searchParamsSchema.safeParse({ q: new URL(request.url).searchParams.get("q") ?? undefined });
  if (!parsed.success) return NextResponse.json({ results: [] } satisfies SearchResponse, { headers: noStore });

  try {
    const db = await getDb();
    // Only roles that may reveal External IDs may search by one; for anyone else that kind is not even tried.
    const canSearchExternalId = can(auth.actor.role, "tenants.reveal_external_id");
    const { externalIdMatch, ...response } = await searchTenants(db, parsed.data.q, { canSearchExternalId });
    if (externalIdMatch) {
      // A hit proves the searcher holds that account's secret: record who and which account, never the value.
      await recordAudit(db, auth.actor, auth.requestId, {
        action: "tenants.search_external_id",
        targetType: "aws_account",
        targetId: externalIdMatch,
      });
    }
    return NextResponse.json(response satisfies SearchResponse, { headers: noStore });
  } catch (error) {
    // Only the error's name: a driver message can quote the query's parameters, and the query may be a secret.
    console.error(`[${auth.requestId}] search failed`, error instanceof Error ? error.name : "unknown");
    return NextResponse.json({ error: "Search failed. Try again." }, { status: 500, headers: noStore });
  }
}
