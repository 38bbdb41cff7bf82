import { vi } from "vitest";

/**
 * Every test runs as if inside a request that the test controls (lib/auth/testing/test-kit.ts): `headers()` returns the
 * test's headers, the signed-in staff member is the test's actor, and `getDb()` is the test's own database — so no
 * test can ever reach the developer's `.data/pglite`. A file that needs something else mocks it itself.
 */
vi.mock("next/headers", async () => {
  const kit = await import("@/lib/auth/testing/test-kit");
  return { headers: async () => kit.request.headers };
});
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("@/lib/auth/session", async () => {
  const kit = await import("@/lib/auth/testing/test-kit");
  return { getStaffPrincipal: async () => kit.currentActor() };
});
vi.mock("@/db/client", async (original) => {
  const kit = await import("@/lib/auth/testing/test-kit");
  return { ...(await original<object>()), getDb: async () => kit.testDb() };
});
