import type { ReactNode } from "react";
import { requirePermission } from "@/lib/auth/require";
import type { Permission } from "@/lib/auth/permissions";

/**
 * Used by each section's layout. A layout sits outside its own folder's `loading.tsx` boundary, so a denial here
 * is answered before streaming starts: a real 403 status, not a 200 page that later shows the refusal. The page
 * checks again itself — a layout is never the only guard.
 */
export async function SectionGuard({ permission, children }: { permission: Permission; children: ReactNode }) {
  await requirePermission(permission, "section");
  return children;
}
