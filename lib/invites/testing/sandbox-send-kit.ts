// The send path on the sandbox's AWS, for the send-invite*.db.test.ts files (not shipped: only tests import it).
import { afterAll, beforeAll, expect } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { seedDatabase } from "@/db/seed-core";
import { createTestDatabase } from "@/db/testing/test-database";
import { createSandboxGateway } from "@/lib/aws/sandbox-gateway";
import { advanceSandboxClock } from "@/lib/aws/sandbox-organizations-admin";
import { isDomainError } from "@/lib/errors";
import { inviteDeps, reconcileDeps } from "./invite-test-kit";
import { reconcileAll } from "../reconcile";

export const HOUR = 3600_000;
export const DAY = 24 * HOUR;

/**
 * One seeded database for the file (PGlite or PostgreSQL), with the sandbox gateway over it. The daily window and
 * expiry follow AWS's clock (gateway.now()), so `advance` moves them for Pump too.
 */
export function setupSandboxSends() {
  let handle: DatabaseHandle;
  const db = () => handle.db;
  beforeAll(async () => {
    handle = await createTestDatabase();
    await seedDatabase(handle.db);
  }, 120_000);
  afterAll(() => handle.close());
  return {
    db,
    deps: () => inviteDeps(db(), createSandboxGateway(db())),
    reconcile: () => reconcileAll(reconcileDeps(db(), createSandboxGateway(db()))),
    now: () => createSandboxGateway(db()).now(),
    advance: (ms: number) => advanceSandboxClock(db(), ms),
  };
}

/** The message of the DomainError `p` rejects with (fails the test if it resolves or throws anything else). */
export const rejection = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error("expected a DomainError");
    },
    (e: unknown) => {
      expect(isDomainError(e)).toBe(true);
      return (e as Error).message;
    },
  );
