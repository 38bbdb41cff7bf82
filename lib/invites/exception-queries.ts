import "server-only";
import { count, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { awsAccounts, orgExceptions, pumpOrganizations, tenants } from "@/db/schema";
import type { ExceptionView } from "./list-schemas";

/** The Exceptions page: every existing-organization case, open ones first (the case workflow is a later issue). */

export const EXCEPTIONS_PAGE_SIZE = 50;

export async function listExceptions(db: Db, p: { view: ExceptionView; page: number }) {
  const where = p.view === "open" ? inArray(orgExceptions.state, ["open", "in_progress"]) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: orgExceptions.id,
        state: orgExceptions.state,
        kind: orgExceptions.kind,
        reason: orgExceptions.reason,
        details: orgExceptions.details,
        createdAt: orgExceptions.createdAt,
        createdBy: orgExceptions.createdBy,
        accountId: awsAccounts.accountId,
        accountName: awsAccounts.name,
        otherOrgId: awsAccounts.otherOrgId,
        pumpId: tenants.pumpId,
        tenantName: tenants.name,
        organizationName: pumpOrganizations.name,
      })
      .from(orgExceptions)
      .innerJoin(awsAccounts, eq(awsAccounts.id, orgExceptions.awsAccountId))
      .innerJoin(tenants, eq(tenants.id, awsAccounts.tenantId))
      .leftJoin(pumpOrganizations, eq(pumpOrganizations.id, orgExceptions.pumpOrganizationId))
      .where(where)
      .orderBy(desc(orgExceptions.createdAt), desc(orgExceptions.id))
      .limit(EXCEPTIONS_PAGE_SIZE)
      .offset((p.page - 1) * EXCEPTIONS_PAGE_SIZE),
    db.select({ n: count() }).from(orgExceptions).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}
export type ExceptionRow = Awaited<ReturnType<typeof listExceptions>>["rows"][number];
