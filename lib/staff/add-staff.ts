import "server-only";
import { sql } from "drizzle-orm";
import { staff } from "@/db/schema";
import type { ActionContext } from "@/lib/auth/action";
import { DomainError } from "@/lib/errors";
import type { AddStaffInput } from "./schemas";
import { auditView } from "./queries";

export async function addStaff(input: AddStaffInput, ctx: ActionContext) {
  return ctx.db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: staff.id })
      .from(staff)
      .where(sql`lower(${staff.email}) = ${input.email}`);
    if (existing) {
      throw new DomainError(`${input.email} is already on the staff list.`, {
        email: ["A staff member with this email already exists."],
      });
    }
    const [row] = await tx.insert(staff).values(input).returning();
    if (!row) throw new Error("staff insert returned no row");
    await ctx.audit(tx, { targetType: "staff", targetId: row.id, after: auditView(row) });
    return { id: row.id };
  });
}
