import "server-only";
import { eq } from "drizzle-orm";
import { tenantContacts, tenants } from "@/db/schema";
import type { ActionContext } from "@/lib/auth/action";
import { isDomainError } from "@/lib/errors";
import { duplicateFromRace, findPumpIdOwner, pumpIdTakenError, withoutParameters } from "./duplicates";
import type { UpdateTenantInput } from "./schemas";
import { checkAccountManager, checkPumpOrganization, listContacts, lockTenant, tenantAuditView } from "./write-queries";

/** Edits a tenant's details; the contact list is replaced as a whole, the way the form shows it. */
export async function updateTenant(input: UpdateTenantInput, ctx: ActionContext) {
  try {
    return await ctx.db.transaction(async (tx) => {
      const before = await lockTenant(tx, input.tenantId);
      if (input.pumpId !== before.pumpId) {
        const owner = await findPumpIdOwner(tx, input.pumpId);
        if (owner) throw pumpIdTakenError(owner);
      }
      // An unchanged manager is kept even if they have since left the role: only a new choice is checked.
      if (input.accountManagerId !== before.accountManagerId) await checkAccountManager(tx, input.accountManagerId);
      const defaultOrg =
        input.defaultPumpOrganizationId === undefined
          ? before.defaultPumpOrganizationId
          : input.defaultPumpOrganizationId;
      if (defaultOrg !== before.defaultPumpOrganizationId) await checkPumpOrganization(tx, defaultOrg);
      const contactsBefore = await listContacts(tx, before.id);
      await tx
        .update(tenants)
        .set({
          pumpId: input.pumpId,
          name: input.name,
          notes: input.notes,
          accountManagerId: input.accountManagerId,
          defaultPumpOrganizationId: defaultOrg,
          lastActivityAt: new Date(),
        })
        .where(eq(tenants.id, before.id));
      await tx.delete(tenantContacts).where(eq(tenantContacts.tenantId, before.id));
      await tx.insert(tenantContacts).values(input.contacts.map((c) => ({ ...c, tenantId: before.id })));
      await ctx.audit(tx, {
        targetType: "tenant",
        targetId: before.id,
        before: tenantAuditView({ ...before, contacts: contactsBefore }),
        after: tenantAuditView({ ...input, defaultPumpOrganizationId: defaultOrg }),
      });
      return { id: before.id, pumpId: input.pumpId, previousPumpId: before.pumpId };
    });
  } catch (error) {
    if (isDomainError(error)) throw error;
    throw (await duplicateFromRace(ctx.db, error, { pumpId: input.pumpId })) ?? withoutParameters(error);
  }
}
