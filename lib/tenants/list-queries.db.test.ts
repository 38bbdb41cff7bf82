import { count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { awsAccounts, staff, tenants } from "@/db/schema";
import { seedDatabase } from "@/db/seed-core";
import { createTestDatabase, testDatabaseKind } from "@/db/testing/test-database";
import { exportTenants } from "./export";
import { COUNT_CAP, listTenants, tenantFilters } from "./list-queries";
import { loadTenantList, tenantSortable } from "./list-schemas";

let handle: DatabaseHandle;
// Enough rows to pass the count cap and to make the export cross its 1,000-row keyset batches.
const BULK = 10_050;

beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDatabase(handle.db);
}, 120_000);
afterAll(() => handle.close());

const query = (params: Record<string, string>) => loadTenantList({ size: "100", ...params });
const pumpIds = async (params: Record<string, string>) =>
  (await listTenants(handle.db, query(params))).rows.map((r) => r.pumpId).sort();

describe(`tenants list (${testDatabaseKind()})`, () => {
  it.each([
    [{ state: "exception" }, ["PUMP-0047", "PUMP-0048"]],
    [{ state: "link_issued" }, ["PUMP-0046", "PUMP-0053"]],
    [{ roleType: "autopilot", state: "joined" }, ["PUMP-0042", "PUMP-0048", "PUMP-0053"]],
    [{ membership: "other_member" }, ["PUMP-0048"]],
    [{ membership: "other_management" }, ["PUMP-0047"]],
    [{ exception: "yes" }, ["PUMP-0047", "PUMP-0048"]],
    [{ failing: "yes" }, ["PUMP-0045", "PUMP-0050"]],
    [{ q: "acme" }, ["PUMP-0042"]],
    [{ q: "pump-0044" }, ["PUMP-0044"]],
    [{ q: "lucius@" }, ["PUMP-0048"]],
    [{ q: "1000-0000-0003" }, ["PUMP-0047"]],
    [{ q: "100%_\\" }, []],
    [{ state: "joined", failing: "yes" }, []],
  ])("filters by %o", async (params, expected) => {
    expect(await pumpIds(params)).toEqual(expected);
  });

  it("filters by account manager, and by 'no account manager'", async () => {
    const [am] = await handle.db.select({ id: staff.id }).from(staff).where(eq(staff.email, "am@pump.test"));
    expect(await pumpIds({ manager: am!.id })).toEqual([
      "PUMP-0042",
      "PUMP-0043",
      "PUMP-0046",
      "PUMP-0048",
      "PUMP-0053",
    ]);
    expect(await pumpIds({ manager: "none" })).toEqual([
      "PUMP-0044",
      "PUMP-0045",
      "PUMP-0047",
      "PUMP-0049",
      "PUMP-0050",
      "PUMP-0051",
      "PUMP-0052",
      "PUMP-0054",
      "PUMP-0055",
    ]);
  });

  it("filters by creation range (UTC, end exclusive)", async () => {
    await handle.db
      .update(tenants)
      .set({ createdAt: new Date("2025-03-10T12:00:00Z") })
      .where(eq(tenants.pumpId, "PUMP-0051"));
    expect(await pumpIds({ createdFrom: "2025-03-10", createdTo: "2025-03-11" })).toEqual(["PUMP-0051"]);
    expect(await pumpIds({ createdFrom: "2025-03-11", createdTo: "2025-03-12" })).toEqual([]);
  });

  it("shows each tenant's states at a glance", async () => {
    const { rows } = await listTenants(handle.db, query({ q: "Massive" }));
    expect(rows[0]?.glance).toEqual({
      states: { joined: 1, role_verified: 1, link_issued: 1 },
      failing: 0,
      openExceptions: 0,
    });
  });

  it("never carries an External ID in the list's payload or in the export", async () => {
    const secrets = (await handle.db.select({ v: awsAccounts.externalId }).from(awsAccounts)).map((r) => r.v);
    expect(secrets.length).toBeGreaterThan(10);
    const payload = JSON.stringify(await listTenants(handle.db, query({})));
    const exported: unknown[] = [];
    for await (const batch of exportTenants(handle.db, query({}))) exported.push(...batch);
    for (const secret of secrets) {
      expect(payload).not.toContain(secret);
      expect(JSON.stringify(exported)).not.toContain(secret);
    }
  });

  it("refuses unknown sort columns and malformed parameters by falling back, never by interpolating", () => {
    const q = loadTenantList({
      sort: "name; drop table tenants",
      dir: "sideways",
      page: "-3",
      size: "7",
      state: "bogus",
    });
    expect(q).toMatchObject({ sort: "lastActivity", dir: "desc", page: 1, size: 25, state: null });
  });
});

describe(`tenants list at scale: sorting, paging, counting, export (${testDatabaseKind()})`, () => {
  beforeAll(async () => {
    // Bulk tenants with deliberate ties (same accounts count, same creation minute) to test tie-breaking.
    await handle.db.execute(sql`
      insert into tenants (pump_id, name, accounts_count, created_at, last_activity_at)
      select 'PUMP-' || lpad(g::text, 6, '0'), 'Bulk Tenant ' || (g % 977), g % 5,
             timestamptz '2024-01-01' + (g / 10) * interval '1 minute', timestamptz '2024-06-01' + (g % 1000) * interval '1 second'
      from generate_series(1, ${BULK}) g`);
  }, 120_000);

  it("caps the count and says so", async () => {
    const result = await listTenants(handle.db, query({}));
    expect(result).toMatchObject({ total: COUNT_CAP, totalIsCapped: true });
    expect(result.estimatedTotal).toBeGreaterThan(COUNT_CAP);
    const small = await listTenants(handle.db, query({ q: "Bulk Tenant 976" }));
    expect(small).toMatchObject({ totalIsCapped: false, estimatedTotal: undefined });
    expect(small.total).toBeGreaterThan(0);
  });

  it("pages without overlap or gaps, and returns nothing past the end", async () => {
    const filter = { q: "Bulk Tenant 97" }; // 11 distinct names × ~10 rows, under the count cap
    const all = await listTenants(handle.db, query({ ...filter, size: "100" }));
    const seen: string[] = [];
    for (let page = 1; page <= Math.ceil(all.total / 25); page++) {
      seen.push(
        ...(
          await listTenants(handle.db, query({ ...filter, size: "25", page: String(page), sort: "accounts" }))
        ).rows.map((r) => r.id),
      );
    }
    expect(new Set(seen).size).toBe(all.total);
    expect(seen.length).toBe(all.total);
    expect((await listTenants(handle.db, query({ ...filter, page: "999" }))).rows).toEqual([]);
  });

  it.each(
    tenantSortable.flatMap(
      (sort) =>
        [
          [sort, "asc"],
          [sort, "desc"],
        ] as const,
    ),
  )("export (sort %s %s) streams every matching row, in the list's order, across batches", async (sort, dir) => {
    const q = query({ q: "Bulk Tenant 1", sort, dir }); // > 1000 rows: crosses the keyset batch boundary
    const exported: string[] = [];
    for await (const batch of exportTenants(handle.db, q)) exported.push(...batch.map((r) => r.pumpId));
    const listed = (await listTenants(handle.db, { ...q, size: 100 })).rows.map((r) => r.pumpId);
    const [exact] = await handle.db.select({ n: count() }).from(tenants).where(tenantFilters(q));
    const total = exact!.n;
    expect(total).toBeGreaterThan(1000);
    expect(exported.length).toBe(total);
    expect(new Set(exported).size).toBe(total);
    expect(exported.slice(0, 100)).toEqual(listed);
  });
});
