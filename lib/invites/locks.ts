import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";

/**
 * Transaction-scoped advisory locks that serialise invites per target (README › Invites: exactly once). Always taken in
 * this order — account, then organization — so two invite paths can never wait on each other in a cycle. Keys are
 * hashed strings, so they cannot collide with another feature's locks by accident.
 */
const lock = (tx: Db, key: string) => tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`);

export const lockAccountInvites = (tx: Db, awsAccountId: string) => lock(tx, `pump:invite:account:${awsAccountId}`);
export const lockOrganizationInvites = (tx: Db, pumpOrganizationId: string) =>
  lock(tx, `pump:invite:organization:${pumpOrganizationId}`);
