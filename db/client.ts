import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { mkdirSync } from "node:fs";
import pg from "pg";
import { getEnv } from "@/lib/env";
import * as schema from "./schema";
import { applyMigrations } from "./migrate-core";

/** Both drivers expose the same drizzle API over the same schema. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DatabaseHandle = { db: Db; close: () => Promise<void> };

export type DatabaseTarget = { driver: "pglite"; dir: string } | { driver: "pg"; url: string };

/** Opens a database (no migrations). PGlite keeps its files in `dir`; `memory://` keeps them in memory. */
export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  if (target.driver === "pg") {
    const pool = new pg.Pool({ connectionString: target.url, max: 10 });
    // An idle client can lose its connection (server restart, failover). Without a listener, node-postgres's
    // 'error' event would crash the whole process; the pool replaces the client on the next query instead.
    pool.on("error", (error) => console.error(`[db] idle PostgreSQL connection lost: ${error.message}`));
    return { db: drizzlePg(pool, { schema }) as unknown as Db, close: () => pool.end() };
  }
  if (!target.dir.startsWith("memory://")) mkdirSync(target.dir, { recursive: true });
  const client = await PGlite.create(target.dir, { extensions: { pg_trgm } });
  return { db: drizzlePglite(client, { schema }) as unknown as Db, close: () => client.close() };
}

// One handle per process. Kept on globalThis so Next's dev reloads don't open the PGlite folder twice.
const holder = globalThis as unknown as { __pumpDb?: Promise<DatabaseHandle> };

/**
 * The application's database, migrated before first use: a server never serves on a half-migrated schema
 * (migrations run in one transaction under an advisory lock, so several instances can start together).
 */
export function getDb(): Promise<Db> {
  holder.__pumpDb ??= (async () => {
    const target = getEnv().database;
    const handle = await openDatabase(target);
    await applyMigrations(target, handle.db);
    return handle;
  })().catch((error: unknown) => {
    holder.__pumpDb = undefined;
    throw error;
  });
  return holder.__pumpDb.then((h) => h.db);
}

export async function closeDb() {
  const handle = await holder.__pumpDb;
  holder.__pumpDb = undefined;
  await handle?.close();
}
