import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { auditEvents, awsAccounts } from "@/db/schema";
import { seedDatabase } from "@/db/seed-core";
import { createTestDatabase, testDatabaseKind } from "@/db/testing/test-database";
import { request, signInAs } from "@/lib/auth/testing/test-kit";
import { sandboxWorld } from "@/lib/aws/sandbox-world";

const db = vi.hoisted(() => ({ handle: null as DatabaseHandle | null }));
vi.mock("@/lib/auth/session", async () => {
  const kit = await import("@/lib/auth/testing/test-kit");
  return { getStaffPrincipal: async () => kit.currentActor() };
});
vi.mock("@/db/client", async (original) => ({
  ...(await original<object>()),
  getDb: async () => db.handle!.db,
}));

const { GET } = await import("@/app/api/search/route");
const { acme } = sandboxWorld.customers;

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
  db.handle = handle;
  await seedDatabase(handle.db);
});
afterAll(() => handle.close());
beforeEach(() => {
  request.actor = null;
});

const get = (q?: string) =>
  GET(new Request(`http://localhost:3000/api/search${q === undefined ? "" : `?${new URLSearchParams({ q })}`}`));

async function searchAudits() {
  const [row] = await handle.db
    .select({ n: count() })
    .from(auditEvents)
    .where(eq(auditEvents.action, "tenants.search_external_id"));
  return row!.n;
}

describe(`GET /api/search (${testDatabaseKind()})`, () => {
  it("answers 401 without a session, uncached", async () => {
    const response = await get("acme");
    expect(response.status).toBe(401);
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("answers a signed-in support engineer with results saying why they matched, uncached", async () => {
    await signInAs(handle.db, "support");
    const response = await get("arn:aws:sts::444455556666:assumed-role/PumpCustomerAccess/someone");
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({
      results: [
        { pumpId: "PUMP-0042", tenantName: "Acme Corp", matched: "role ARN (assumed role)", accountId: "444455556666" },
      ],
    });
  });

  it("answers malformed, oversized or missing input with no results, never an error", async () => {
    await signInAs(handle.db, "account_manager");
    for (const q of [undefined, "", "%", "'; drop table tenants; --", "x".repeat(10_000), "\u0000"]) {
      const response = await get(q);
      expect(response.status, String(q).slice(0, 20)).toBe(200);
      expect(await response.json()).toEqual({ results: [] });
    }
  });

  it("finds by External ID for a support engineer and audits who and which account, never the value", async () => {
    await signInAs(handle.db, "support");
    const before = await searchAudits();
    const response = await get(acme.externalId);
    const body = await response.json();
    expect(body).toEqual({
      results: [{ pumpId: "PUMP-0042", tenantName: "Acme Corp", matched: "External ID", accountId: "444455556666" }],
    });
    expect(JSON.stringify(body)).not.toContain(acme.externalId);

    expect(await searchAudits()).toBe(before + 1);
    const [account] = await handle.db
      .select({ id: awsAccounts.id })
      .from(awsAccounts)
      .where(eq(awsAccounts.accountId, acme.accountId));
    const [row] = await handle.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.action, "tenants.search_external_id"), eq(auditEvents.actorEmail, "support@pump.test")),
      );
    expect(row).toMatchObject({
      targetType: "aws_account",
      targetId: account!.id,
      outcome: "ok",
      actorRole: "support",
    });
    expect(JSON.stringify(row)).not.toContain(acme.externalId);
  });

  it("does not search External IDs for an account manager: no result, nothing to audit", async () => {
    await signInAs(handle.db, "account_manager");
    const before = await searchAudits();
    const response = await get(acme.externalId);
    expect(await response.json()).toEqual({ results: [] });
    expect(await searchAudits()).toBe(before);
  });

  it("writes no audit row for an ordinary search", async () => {
    await signInAs(handle.db, "solutions_architect");
    const before = await searchAudits();
    expect((await (await get("Globx")).json()).results[0]).toMatchObject({ tenantName: "Globex Corporation" });
    expect(await searchAudits()).toBe(before);
  });
});
