import { roleLabels, roles } from "@/lib/auth/permissions";

export const roleOptions = roles.map((r) => ({ value: r, label: roleLabels[r] }));
