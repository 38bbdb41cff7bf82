import "server-only";
import { asc } from "drizzle-orm";
import type { Db } from "@/db/client";
import { staff } from "@/db/schema";
import { getEnv } from "@/lib/env";
import { roleLabels } from "./permissions";

/**
 * Staff to pick from on the local sign-in (development and test only). Disabled members are listed too, so that
 * their refusal can be seen and tested; production never calls this.
 */
export async function listSignInChoices(db: Db) {
  if (!getEnv().localSignIn) return [];
  const rows = await db
    .select({ email: staff.email, name: staff.name, role: staff.role, disabledAt: staff.disabledAt })
    .from(staff)
    .orderBy(asc(staff.email));
  return rows.map((r) => ({
    email: r.email,
    label: `${r.name} — ${roleLabels[r.role]} (${r.email})${r.disabledAt ? " · disabled" : ""}`,
  }));
}
