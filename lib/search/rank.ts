import type { SearchResult } from "./types";

/** How a hit matched: exact matches come before prefix matches, which come before fuzzy ones. */
export type Tier = "exact" | "prefix" | "fuzzy";

export type Hit = SearchResult & {
  tier: Tier;
  /** Within a tier, the more specific kind first (PRIORITY). */
  priority: number;
  /** Within a kind, higher first (trigram similarity for names). */
  score?: number;
};

export const RESULT_LIMIT = 10;

export const PRIORITY = {
  roleArn: 0,
  accountId: 1,
  pumpId: 2,
  handshakeId: 3,
  externalId: 4,
  otherOrg: 5,
  pumpOrg: 6,
  contactEmail: 7,
  rootEmail: 8,
  name: 9,
  contactName: 10,
  accountName: 11,
} as const;

const tierOrder: Record<Tier, number> = { exact: 0, prefix: 1, fuzzy: 2 };

/** Best first; one result per tenant + account (its best reason); at most `limit`. */
export function rankHits(hits: readonly Hit[], limit = RESULT_LIMIT): { results: SearchResult[]; hasMore: boolean } {
  const sorted = hits
    .map((hit, index) => ({ hit, index }))
    .sort(
      (a, b) =>
        tierOrder[a.hit.tier] - tierOrder[b.hit.tier] ||
        a.hit.priority - b.hit.priority ||
        (b.hit.score ?? 0) - (a.hit.score ?? 0) ||
        a.index - b.index,
    );
  const seen = new Set<string>();
  const results: SearchResult[] = [];
  for (const { hit } of sorted) {
    const key = `${hit.pumpId}\u0000${hit.accountId ?? ""}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const { pumpId, tenantName, matched, accountId } = hit;
    results.push(accountId ? { pumpId, tenantName, matched, accountId } : { pumpId, tenantName, matched });
  }
  return { results: results.slice(0, limit), hasMore: results.length > limit };
}
