import "server-only";
import { eq } from "drizzle-orm";
import { awsAccounts, tenants } from "@/db/schema";
import type { ActionContext } from "@/lib/auth/action";
import { DomainError } from "@/lib/errors";
import type { RevealExternalIdInput } from "./schemas";
import { readExternalId } from "./secret-queries";

/**
 * Returns an account's External ID to a role allowed to see it, and records who looked. The audit row names the
 * account but never carries the value. A reveal changes nothing, so the tenant's last activity stays as it was.
 */
export async function revealExternalId(input: RevealExternalIdInput, ctx: ActionContext) {
  return ctx.db.transaction(async (tx) => {
    const [account] = await tx
      .select({ id: awsAccounts.id, accountId: awsAccounts.accountId, pumpId: tenants.pumpId })
      .from(awsAccounts)
      .innerJoin(tenants, eq(tenants.id, awsAccounts.tenantId))
      .where(eq(awsAccounts.id, input.awsAccountId));
    if (!account) throw new DomainError("That AWS account no longer exists.");
    const externalId = await readExternalId(tx, account.id);
    if (!externalId) throw new DomainError("That AWS account no longer exists.");
    await ctx.audit(tx, {
      targetType: "aws_account",
      targetId: account.id,
      after: { accountId: account.accountId, tenant: account.pumpId },
    });
    return { externalId };
  });
}
