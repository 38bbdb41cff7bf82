"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/auth/action";
import { addStaff as addStaffUseCase } from "./add-staff";
import { changeStaffRole as changeStaffRoleUseCase } from "./change-staff-role";
import { addStaffSchema, changeStaffRoleSchema, setStaffDisabledSchema } from "./schemas";
import { setStaffDisabled as setStaffDisabledUseCase } from "./set-staff-disabled";

export const addStaff = authorizedAction(
  {
    name: "staff.add",
    permission: "staff.manage",
    schema: addStaffSchema,
    target: (i) => ({ type: "staff_email", id: i.email }),
  },
  async (input, ctx) => {
    const result = await addStaffUseCase(input, ctx);
    revalidatePath("/staff");
    return result;
  },
);

export const changeStaffRole = authorizedAction(
  {
    name: "staff.change_role",
    permission: "staff.manage",
    schema: changeStaffRoleSchema,
    target: (i) => ({ type: "staff", id: i.staffId }),
  },
  async (input, ctx) => {
    const result = await changeStaffRoleUseCase(input, ctx);
    revalidatePath("/staff");
    return result;
  },
);

export const setStaffDisabled = authorizedAction(
  {
    name: "staff.set_disabled",
    permission: "staff.manage",
    schema: setStaffDisabledSchema,
    target: (i) => ({ type: "staff", id: i.staffId }),
  },
  async (input, ctx) => {
    const result = await setStaffDisabledUseCase(input, ctx);
    revalidatePath("/staff");
    return result;
  },
);
