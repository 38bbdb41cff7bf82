import { afterAll, beforeAll, beforeEach } from "vitest";
import { request, sameOrigin, setTestDatabase } from "@/lib/auth/testing/test-kit";
import type { DatabaseHandle, Db } from "../client";
import { seedDatabase } from "../seed-core";
import { createTestDatabase } from "./test-database";

/**
 * A seeded database of this test file's own, returned by getDb(); before each test, nobody is signed in and the
 * request comes from the console's origin. (Kept out of lib/auth/testing/test-kit.ts: the mocks in lib/auth/testing/vitest-setup.ts
 * import the test kit while @/db/client is being mocked, so the kit must not import the database.)
 */
export function seededTestDatabase(): { readonly db: Db } {
  let handle: DatabaseHandle | undefined;
  beforeAll(async () => {
    handle = await createTestDatabase();
    setTestDatabase(handle);
    await seedDatabase(handle.db);
  }, 120_000);
  afterAll(() => handle?.close());
  beforeEach(() => {
    request.actor = null;
    sameOrigin();
  });
  return {
    get db() {
      if (!handle) throw new Error("the test database is not ready: use it inside tests, not at module level");
      return handle.db;
    },
  };
}
