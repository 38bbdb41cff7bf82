import { seedSandboxWorld, sandboxWorld } from "@/lib/aws/sandbox-world";
import type { Db } from "./client";
import { pumpOrganizations, staff } from "./schema";
import { seedStaff } from "./seed-data";

/** Idempotent: running it twice leaves the same data. */
export async function seedDatabase(db: Db) {
  await db.transaction(async (tx) => {
    for (const member of seedStaff) {
      await tx.insert(staff).values(member).onConflictDoNothing();
    }
    for (const [i, org] of sandboxWorld.pumpOrganizations.entries()) {
      await tx
        .insert(pumpOrganizations)
        .values({
          name: org.name,
          orgId: org.orgId,
          managementAccountId: org.managementAccountId,
          operatorRoleArn: org.operatorRoleArn,
          accountQuota: 10,
          isDefault: i === 0,
        })
        .onConflictDoNothing();
    }
    await seedSandboxWorld(tx);
  });
}
