import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { openDatabase, type DatabaseHandle } from "../client";
import { applyMigrations } from "../migrate-core";

declare module "vitest" {
  export interface ProvidedContext {
    testDb: "pglite" | "postgres";
    testDatabaseUrl: string;
  }
}

/** Which database this vitest project runs database tests on. */
export function testDatabaseKind() {
  return inject("testDb");
}

/**
 * A fresh, migrated database for one test file: in-memory PGlite, or a throw-away database on the PostgreSQL
 * server named by TEST_DATABASE_URL. Refuses anything but localhost, so a test can never touch a real database.
 */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  if (inject("testDb") === "pglite") {
    const handle = await openDatabase({ driver: "pglite", dir: "memory://" });
    await applyMigrations({ driver: "pglite", dir: "memory://" }, handle.db);
    return handle;
  }
  const base = new URL(inject("testDatabaseUrl"));
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(base.hostname)) {
    throw new Error(`refusing to run tests against ${base.hostname}: only a localhost PostgreSQL server is allowed`);
  }
  const name = `pump_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: base.toString() });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const target = { driver: "pg" as const, url: url.toString() };
  const handle = await openDatabase(target);
  await applyMigrations(target, handle.db);
  return {
    db: handle.db,
    close: async () => {
      await handle.close();
      // No FORCE: killing a connection that is still closing surfaces as an unhandled error. Wait for it instead.
      const drop = new pg.Client({ connectionString: base.toString() });
      await drop.connect();
      for (let attempt = 0; ; attempt++) {
        try {
          await drop.query(`drop database if exists ${name}`);
          break;
        } catch (error) {
          if (attempt >= 50 || (error as { code?: string }).code !== "55006") throw error;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
      await drop.end();
    },
  };
}
