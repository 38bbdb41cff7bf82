import { spawn, type ChildProcess } from "node:child_process";
import { eq, sql } from "drizzle-orm";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { applyMigrations } from "@/db/migrate-core";
import { staff, tenants } from "@/db/schema";
import { seedDatabase } from "@/db/seed-core";
import { startStaffSession } from "@/lib/auth/sessions";
import { childProcessEnv, getEnv } from "@/lib/env";
import { BENCH_DATA_VERSION, generateBenchData } from "./bench-data";

// What the bench runs against: a generated database per size (kept between runs), the production server on it,
// and a signed-in support engineer's cookie.

const SERVER = getEnv().testDatabaseUrl ?? "postgres://root@127.0.0.1:5432/test";

export async function prepare(tenantCount: number): Promise<{ url: string; handle: DatabaseHandle }> {
  const name = `pump_bench_v${BENCH_DATA_VERSION}_${tenantCount}`;
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  const admin = new pg.Client({ connectionString: SERVER });
  await admin.connect();
  const exists = (await admin.query("select 1 from pg_database where datname = $1", [name])).rowCount === 1;
  let handle: DatabaseHandle | null = null;
  if (exists) {
    handle = await openDatabase({ driver: "pg", url: url.toString() });
    const [row] = await handle.db
      .select({ n: sql<number>`count(*)::int` })
      .from(tenants)
      .where(sql`${tenants.pumpId} ~ '^PUMP-[0-9]{7}$'`)
      .catch(() => [{ n: -1 }]);
    if (row?.n !== tenantCount) {
      await handle.close();
      handle = null;
      await admin.query(`drop database ${name} with (force)`);
    }
  }
  if (!handle) {
    await admin.query(`create database ${name}`);
    handle = await openDatabase({ driver: "pg", url: url.toString() });
    await applyMigrations({ driver: "pg", url: url.toString() }, handle.db);
    await seedDatabase(handle.db);
    const started = performance.now();
    await generateBenchData(handle.db, tenantCount);
    console.log(
      `  generated ${tenantCount.toLocaleString("en-US")} tenants in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  }
  await admin.end();
  return { url: url.toString(), handle };
}

export async function startServer(databaseUrl: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port)], {
    env: childProcessEnv({
      DATABASE_URL: databaseUrl,
      NODE_ENV: "test",
      NEXTAUTH_URL: `http://localhost:${port}`,
      AWS_MODE: "sandbox",
    }),
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let i = 0; i < 120; i++) {
    const ok = await fetch(`http://localhost:${port}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return child;
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill();
  throw new Error("the server did not start");
}

/** A signed-in support engineer, minted the way next-auth would: a session row and its encrypted cookie. */
export async function sessionCookie(handle: DatabaseHandle) {
  const [member] = await handle.db.select({ id: staff.id }).from(staff).where(eq(staff.email, "support@pump.test"));
  const sid = await startStaffSession(handle.db, member!.id);
  const token = await encode({ token: { sid, sub: member!.id }, secret: getEnv().authSecret, maxAge: 3600 });
  return `pump.session=${token}`;
}
