import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.resolve(import.meta.dirname, "..");
const testDatabaseUrl = process.env.TEST_DATABASE_URL ?? "";
const isCi = Boolean(process.env.CI);

if (!testDatabaseUrl) {
  if (isCi) throw new Error("TEST_DATABASE_URL is required in CI: the PostgreSQL server tests must run there.");
  if (process.argv.includes("postgres")) {
    console.warn(
      "\n*** SKIPPED: PostgreSQL server tests. Set TEST_DATABASE_URL=postgres://root@127.0.0.1:5432/test to run them. ***\n",
    );
  }
}

const shared = {
  root,
  alias: { "@": root, "server-only": path.join(root, "node_modules/next/dist/compiled/server-only/empty.js") },
};

export default defineConfig({
  resolve: { alias: shared.alias },
  test: {
    // Without a server (on a laptop) the postgres project has no files; it says so above instead of failing.
    passWithNoTests: !testDatabaseUrl,
    projects: [
      {
        resolve: { alias: shared.alias },
        test: {
          name: "unit",
          root,
          include: ["{lib,db,components,app}/**/*.test.{ts,tsx}"],
          // `*.pg.test.ts` need a real server (concurrent connections): the postgres project only.
          exclude: ["**/*.pg.test.ts", "**/node_modules/**"],
          provide: { testDb: "pglite", testDatabaseUrl: "" },
          setupFiles: ["lib/auth/testing/vitest-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias: shared.alias },
        test: {
          name: "postgres",
          root,
          // Database tests (`*.db.test.ts`) run again against the real server, with the server-only `*.pg.test.ts`.
          include: testDatabaseUrl ? ["{lib,db}/**/*.{db,pg}.test.ts"] : [],
          provide: { testDb: "postgres", testDatabaseUrl },
          setupFiles: ["lib/auth/testing/vitest-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
