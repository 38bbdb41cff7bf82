import { z } from "zod";
import { staff } from "@/db/schema";

export const staffRoleSchema = z.enum(staff.role.enumValues, { error: "Pick a role." });

export const addStaffSchema = z.object({
  // Normalise first, then validate: zod runs checks in the order they are chained.
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254, { error: "Email is too long." })
    .pipe(z.email({ error: "Enter a valid email address." })),
  name: z.string().trim().min(1, { error: "Enter a name." }).max(120, { error: "Name is too long." }),
  role: staffRoleSchema,
});
export type AddStaffInput = z.output<typeof addStaffSchema>;

export const changeStaffRoleSchema = z.object({
  staffId: z.uuid({ error: "Unknown staff member." }),
  role: staffRoleSchema,
});
export type ChangeStaffRoleInput = z.output<typeof changeStaffRoleSchema>;

export const setStaffDisabledSchema = z.object({
  staffId: z.uuid({ error: "Unknown staff member." }),
  disabled: z.enum(["true", "false"]).transform((v) => v === "true"),
});
export type SetStaffDisabledInput = z.output<typeof setStaffDisabledSchema>;
