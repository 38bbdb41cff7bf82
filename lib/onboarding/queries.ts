import "server-only";
import { desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { awsAccounts, onboardings } from "@/db/schema";

export type OnboardingRow = {
  id: string;
  accountId: string | null;
  roleType: "read_only" | "autopilot";
  region: string;
  status: (typeof onboardings.status.enumValues)[number];
  isFinalStep: boolean;
  expiresAt: Date;
  createdAt: Date;
  roleArn: string | null;
  failureReason: string | null;
};

/** A tenant's onboardings, newest first. No token, no External ID: those come only from audited actions. */
export async function listTenantOnboardings(db: Db, tenantId: string): Promise<OnboardingRow[]> {
  const rows = await db
    .select({
      id: onboardings.id,
      accountId: awsAccounts.accountId,
      expectedAccountId: onboardings.expectedAccountId,
      roleType: onboardings.roleType,
      region: onboardings.region,
      status: onboardings.status,
      isFinalStep: onboardings.isFinalStep,
      expiresAt: onboardings.expiresAt,
      createdAt: onboardings.createdAt,
      roleArn: onboardings.roleArn,
      failureReason: onboardings.failureReason,
    })
    .from(onboardings)
    .leftJoin(awsAccounts, eq(awsAccounts.id, onboardings.awsAccountId))
    .where(eq(onboardings.tenantId, tenantId))
    .orderBy(desc(onboardings.createdAt))
    .limit(50);
  const now = new Date();
  return rows.map(({ expectedAccountId, ...r }) => ({
    ...r,
    accountId: r.accountId ?? expectedAccountId,
    // Expiry is a matter of time, not of a job having run: an issued link past its date shows as expired.
    status: r.status === "issued" && r.expiresAt <= now ? "expired" : r.status,
  }));
}
