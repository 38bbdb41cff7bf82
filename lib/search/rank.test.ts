import { describe, expect, it } from "vitest";
import { PRIORITY, rankHits, type Hit } from "./rank";
import { searchResultHref } from "./types";

const hit = (over: Partial<Hit>): Hit => ({
  pumpId: "PUMP-0001",
  tenantName: "T",
  matched: "x",
  tier: "fuzzy",
  priority: PRIORITY.name,
  ...over,
});

describe("rankHits", () => {
  it("puts exact before prefix before fuzzy, then the more specific kind, then the higher score", () => {
    const { results } = rankHits([
      hit({ pumpId: "PUMP-0003", matched: "name (similar)", score: 0.9 }),
      hit({ pumpId: "PUMP-0004", matched: "name (similar) better", score: 0.95 }),
      hit({
        pumpId: "PUMP-0002",
        matched: "account prefix",
        tier: "prefix",
        priority: PRIORITY.accountId,
        accountId: "1",
      }),
      hit({ pumpId: "PUMP-0005", matched: "contact", tier: "exact", priority: PRIORITY.contactEmail }),
      hit({ pumpId: "PUMP-0001", matched: "role ARN", tier: "exact", priority: PRIORITY.roleArn, accountId: "2" }),
    ]);
    expect(results.map((r) => r.matched)).toEqual([
      "role ARN",
      "contact",
      "account prefix",
      "name (similar) better",
      "name (similar)",
    ]);
  });

  it("keeps one result per tenant + account, with its best reason", () => {
    const { results } = rankHits([
      hit({ matched: "name (similar)" }),
      hit({ matched: "contact email", tier: "exact", priority: PRIORITY.contactEmail }),
      hit({ matched: "root email", tier: "exact", priority: PRIORITY.rootEmail, accountId: "444455556666" }),
      hit({ matched: "account ID", tier: "exact", priority: PRIORITY.accountId, accountId: "444455556666" }),
    ]);
    expect(results).toEqual([
      { pumpId: "PUMP-0001", tenantName: "T", matched: "account ID", accountId: "444455556666" },
      { pumpId: "PUMP-0001", tenantName: "T", matched: "contact email" },
    ]);
  });

  it("returns at most the limit, says when there were more, and only the public fields", () => {
    const many = Array.from({ length: 12 }, (_, i) => hit({ pumpId: `PUMP-${1000 + i}`, score: i }));
    const { results, hasMore } = rankHits(many);
    expect(results).toHaveLength(10);
    expect(hasMore).toBe(true);
    expect(results[0]).toEqual({ pumpId: "PUMP-1011", tenantName: "T", matched: "x" });
    expect(rankHits(many.slice(0, 10)).hasMore).toBe(false);
  });
});

describe("searchResultHref", () => {
  it("opens the tenant, scrolled to the matched account", () => {
    expect(searchResultHref({ pumpId: "PUMP-0042" })).toBe("/tenants/PUMP-0042");
    expect(searchResultHref({ pumpId: "PUMP-0042", accountId: "444455556666" })).toBe(
      "/tenants/PUMP-0042#account-444455556666",
    );
  });
});
