import "server-only";
import { tenantContacts, tenants } from "@/db/schema";
import type { ActionContext } from "@/lib/auth/action";
import { isDomainError } from "@/lib/errors";
import { duplicateFromRace, findPumpIdOwner, pumpIdTakenError, withoutParameters } from "./duplicates";
import type { CreateTenantInput } from "./schemas";
import { checkAccountManager, checkPumpOrganization, tenantAuditView } from "./write-queries";

/** A new tenant with its contacts; accounts are added afterwards, one by one. */
export async function createTenant(input: CreateTenantInput, ctx: ActionContext) {
  try {
    return await ctx.db.transaction(async (tx) => {
      const owner = await findPumpIdOwner(tx, input.pumpId);
      if (owner) throw pumpIdTakenError(owner);
      await checkAccountManager(tx, input.accountManagerId);
      await checkPumpOrganization(tx, input.defaultPumpOrganizationId);
      const [row] = await tx
        .insert(tenants)
        .values({
          pumpId: input.pumpId,
          name: input.name,
          notes: input.notes,
          accountManagerId: input.accountManagerId,
          defaultPumpOrganizationId: input.defaultPumpOrganizationId ?? null,
          accountsCount: 0,
          lastActivityAt: new Date(),
        })
        .returning({ id: tenants.id });
      if (!row) throw new Error("tenant insert returned no row");
      await tx.insert(tenantContacts).values(input.contacts.map((c) => ({ ...c, tenantId: row.id })));
      await ctx.audit(tx, { targetType: "tenant", targetId: row.id, after: tenantAuditView(input) });
      return { id: row.id, pumpId: input.pumpId };
    });
  } catch (error) {
    if (isDomainError(error)) throw error;
    throw (await duplicateFromRace(ctx.db, error, { pumpId: input.pumpId })) ?? withoutParameters(error);
  }
}
