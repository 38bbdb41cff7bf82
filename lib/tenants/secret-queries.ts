import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { awsAccounts } from "@/db/schema";

/**
 * The only read of an External ID. Called by the audited reveal use case alone; every other query returns DTOs
 * without the column, so the value cannot reach a page's serialized data by accident.
 */
export async function readExternalId(tx: Db, awsAccountId: string): Promise<string | null> {
  const [row] = await tx
    .select({ value: awsAccounts.externalId })
    .from(awsAccounts)
    .where(eq(awsAccounts.id, awsAccountId))
    .for("share");
  return row?.value ?? null;
}
