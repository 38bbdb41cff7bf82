import "server-only";
import { eq } from "drizzle-orm";
import { staff } from "@/db/schema";
import type { ActionContext } from "@/lib/auth/action";
import { endAllStaffSessions } from "@/lib/auth/sessions";
import { DomainError } from "@/lib/errors";
import type { SetStaffDisabledInput } from "./schemas";
import { auditView, lockEnabledAdmins, lockStaff } from "./queries";

/** Disabling also ends the member's sessions; access stops on their next request either way. */
export async function setStaffDisabled(input: SetStaffDisabledInput, ctx: ActionContext) {
  if (input.staffId === ctx.actor.id && input.disabled) {
    throw new DomainError("You can't disable your own account.");
  }
  return ctx.db.transaction(async (tx) => {
    const admins = await lockEnabledAdmins(tx);
    const before = await lockStaff(tx, input.staffId);
    if (!before) throw new DomainError("That staff member no longer exists.");
    if ((before.disabledAt !== null) === input.disabled) {
      throw new DomainError(`${before.email} is already ${input.disabled ? "disabled" : "enabled"}.`);
    }
    if (input.disabled && before.role === "admin" && admins.length <= 1) {
      throw new DomainError("This is the last admin. Make someone else an admin first.");
    }
    const disabledAt = input.disabled ? new Date() : null;
    await tx.update(staff).set({ disabledAt }).where(eq(staff.id, input.staffId));
    if (input.disabled) await endAllStaffSessions(tx, input.staffId);
    await ctx.audit(tx, { before: auditView(before), after: auditView({ ...before, disabledAt }) });
    return { id: before.id };
  });
}
