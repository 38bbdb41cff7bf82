import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { awsAccounts, orgExceptions } from "@/db/schema";

export type ExceptionKind = "other_management" | "other_member" | "aws_refused" | "preflight";

export type OpenException = {
  awsAccountId: string;
  pumpOrganizationId: string | null;
  kind: ExceptionKind;
  reason: string;
  details: string;
  inviteId?: string | null;
  createdBy: string;
  /** What AWS said about the account's current organization, when known. */
  otherOrgId?: string | null;
};

/**
 * Opens the account's existing-organization exception, or updates the one already open (one open case per account),
 * and moves the account to the `exception` onboarding state. Call inside the transaction that records the outcome.
 */
export async function openException(tx: Db, e: OpenException) {
  const membership =
    e.kind === "other_management" ? "other_management" : e.kind === "other_member" ? "other_member" : undefined;
  const [existing] = await tx
    .select({ id: orgExceptions.id })
    .from(orgExceptions)
    .where(and(eq(orgExceptions.awsAccountId, e.awsAccountId), inArray(orgExceptions.state, ["open", "in_progress"])))
    .for("update");
  const values = {
    pumpOrganizationId: e.pumpOrganizationId,
    kind: e.kind,
    reason: e.reason,
    details: e.details,
    inviteId: e.inviteId ?? null,
  };
  const [row] = existing
    ? await tx.update(orgExceptions).set(values).where(eq(orgExceptions.id, existing.id)).returning()
    : await tx
        .insert(orgExceptions)
        .values({ ...values, awsAccountId: e.awsAccountId, createdBy: e.createdBy })
        .returning();
  await tx
    .update(awsAccounts)
    .set({
      onboardingState: sql`case when ${awsAccounts.onboardingState} in ('joined', 'offboarded')
        then ${awsAccounts.onboardingState} else 'exception' end`,
      ...(membership ? { membership, otherOrgId: e.otherOrgId ?? null, pumpOrganizationId: null } : {}),
    })
    .where(eq(awsAccounts.id, e.awsAccountId));
  return { id: row!.id, reopened: Boolean(existing) };
}
