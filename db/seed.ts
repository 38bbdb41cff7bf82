import { rmSync } from "node:fs";
import { getEnv } from "@/lib/env";
import { closeDb, getDb } from "./client";
import { seedDatabase } from "./seed-core";

// `npm run db:seed [-- --reset]`: deterministic demo data. --reset starts the embedded database from scratch
// (refused on a PostgreSQL server: there, drop the database yourself).
const env = getEnv();
if (process.argv.includes("--reset")) {
  if (env.database.driver !== "pglite") {
    console.error("--reset only applies to the embedded database; DATABASE_URL points at a server.");
    process.exit(1);
  }
  rmSync(env.database.dir, { recursive: true, force: true });
}
await seedDatabase(await getDb());
await closeDb();
console.log(`
Pump Console demo data is ready (${env.database.driver === "pglite" ? `embedded PGlite in ${env.database.dir}` : "PostgreSQL"}).
Open ${env.appUrl.origin} and sign in with "Local sign-in": pick any seeded staff member, e.g.
  admin@pump.test (admin), support@pump.test (support), am@pump.test (account manager), sa@pump.test (solutions architect).
AWS runs on the sandbox: nothing leaves this machine.
`);
