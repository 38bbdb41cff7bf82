import { closeDb, getDb } from "./client";

// `npm run db:migrate`: getDb() applies pending migrations before returning.
await getDb();
await closeDb();
console.log("database migrated");
