import "server-only";
import { DrizzleQueryError, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { awsAccounts, tenants } from "@/db/schema";
import { DomainError } from "@/lib/errors";

type Owner = { name: string; pumpId: string };

/** Which tenant an AWS account belongs to, if any. */
export async function findAccountOwner(db: Db, accountId: string): Promise<Owner | null> {
  const [row] = await db
    .select({ name: tenants.name, pumpId: tenants.pumpId })
    .from(awsAccounts)
    .innerJoin(tenants, eq(tenants.id, awsAccounts.tenantId))
    .where(eq(awsAccounts.accountId, accountId));
  return row ?? null;
}

export async function findPumpIdOwner(db: Db, pumpId: string): Promise<(Owner & { id: string }) | null> {
  const [row] = await db
    .select({ id: tenants.id, name: tenants.name, pumpId: tenants.pumpId })
    .from(tenants)
    .where(eq(tenants.pumpId, pumpId));
  return row ?? null;
}

// The messages name the owning tenant's Pump ID in parentheses: the forms turn it into a link to that tenant.
export function accountTakenError(accountId: string, owner: Owner) {
  const message = `AWS account ${accountId} already belongs to ${owner.name} (${owner.pumpId}).`;
  return new DomainError(message, { accountId: [message] });
}

export function pumpIdTakenError(owner: Owner) {
  const message = `Pump ID ${owner.pumpId} already belongs to ${owner.name} (${owner.pumpId}).`;
  return new DomainError(message, { pumpId: [message] });
}

/**
 * The unique index a statement violated, or null. Drizzle wraps the driver's error (node-postgres or PGlite), so
 * the SQLSTATE sits on `cause`.
 */
export function violatedUniqueIndex(error: unknown): string | null {
  const cause = (error as { cause?: { code?: unknown; constraint?: unknown } } | null)?.cause;
  if (cause?.code !== "23505") return null;
  return typeof cause.constraint === "string" ? cause.constraint : "unknown";
}

/**
 * A concurrent request can insert the same account ID or Pump ID between our check and our write; the unique
 * index then refuses ours. Turn that into the same message the check gives, read after the rollback.
 */
export async function duplicateFromRace(
  db: Db,
  error: unknown,
  keys: { accountId?: string; pumpId?: string },
): Promise<DomainError | null> {
  const index = violatedUniqueIndex(error);
  if (index === "aws_accounts_account_id_key" && keys.accountId) {
    const owner = await findAccountOwner(db, keys.accountId);
    if (owner) return accountTakenError(keys.accountId, owner);
  }
  if (index === "tenants_pump_id_key" && keys.pumpId) {
    const owner = await findPumpIdOwner(db, keys.pumpId);
    if (owner) return pumpIdTakenError(owner);
  }
  return null;
}

/**
 * Drizzle's error message lists the statement's parameters, which for an account insert include the new External
 * ID. Anything else that fails is re-thrown without them, so the action wrapper's log line cannot leak the secret.
 */
export function withoutParameters(error: unknown): Error {
  if (!(error instanceof DrizzleQueryError)) return error instanceof Error ? error : new Error(String(error));
  const cause = error.cause as { code?: unknown; constraint?: unknown } | undefined;
  return new Error(
    `database write failed (code ${String(cause?.code ?? "none")}, constraint ${String(cause?.constraint ?? "none")})`,
  );
}
