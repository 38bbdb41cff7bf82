/**
 * What the global search answers, shared by the route handler and the ⌘K dialog (client-safe: types only).
 * A result never carries an External ID, only the words saying why it matched.
 */
export type SearchResult = {
  pumpId: string;
  tenantName: string;
  /** Why it matched, in words: "role ARN", "account ID 444455556666", "contact email …", "name (similar)". */
  matched: string;
  /** The 12-digit AWS account the match is about, when it is about one. */
  accountId?: string;
};

export type SearchResponse = {
  results: SearchResult[];
  /** Said when a kind had more matches than the list shows (a Pump organization with many tenants). */
  notice?: string;
  /** When nothing matched, what the query was read as, if there is more to say ("Read as an ARN for account …"). */
  reading?: string;
};

/** Where a result leads: the tenant page, scrolled to the account that matched. */
export function searchResultHref(result: Pick<SearchResult, "pumpId" | "accountId">): string {
  const base = `/tenants/${encodeURIComponent(result.pumpId)}`;
  return result.accountId ? `${base}#account-${result.accountId}` : base;
}
