import "server-only";
import { eq } from "drizzle-orm";
import { staff } from "@/db/schema";
import type { ActionContext } from "@/lib/auth/action";
import { DomainError } from "@/lib/errors";
import type { ChangeStaffRoleInput } from "./schemas";
import { auditView, lockEnabledAdmins, lockStaff } from "./queries";

/** Takes effect on the target's next request: roles are re-read from the database every time. */
export async function changeStaffRole(input: ChangeStaffRoleInput, ctx: ActionContext) {
  if (input.staffId === ctx.actor.id) {
    throw new DomainError("You can't change your own role. Ask another admin.");
  }
  return ctx.db.transaction(async (tx) => {
    const admins = await lockEnabledAdmins(tx);
    const before = await lockStaff(tx, input.staffId);
    if (!before) throw new DomainError("That staff member no longer exists.");
    if (before.role === input.role) throw new DomainError(`${before.email} already has that role.`);
    const isLastAdmin = before.role === "admin" && !before.disabledAt && admins.length <= 1;
    if (isLastAdmin) throw new DomainError("This is the last admin. Make someone else an admin first.");
    await tx.update(staff).set({ role: input.role }).where(eq(staff.id, input.staffId));
    await ctx.audit(tx, { before: auditView(before), after: auditView({ ...before, role: input.role }) });
    return { id: before.id };
  });
}
