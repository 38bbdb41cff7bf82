import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { awsAccounts, onboardings, tenants } from "@/db/schema";
import type { ActionContext } from "@/lib/auth/action";
import { getEnv } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import { generateExternalId } from "@/lib/tenants/external-id";
import { generateOnboardingToken, onboardingLink, pumpPrincipalArn } from "./link";
import type { IssueOnboardingInput } from "./schemas";

const DAY = 24 * 60 * 60 * 1000;

/** Revokes the live link for an External ID (one live link each), inside the caller's transaction. */
export async function revokeLiveLinks(tx: Db, externalId: string) {
  await tx
    .update(onboardings)
    .set({ status: "revoked" })
    .where(and(eq(onboardings.externalId, externalId), eq(onboardings.status, "issued")));
}

type IssueParams = Omit<IssueOnboardingInput, "accountId" | "region"> & {
  region: string;
  awsAccountId: string | null;
  expectedAccountId: string | null;
  externalId: string;
};

/** Inserts a fresh link (the caller has locked what it checked) and returns it with its quick-create URL. */
export async function insertOnboarding(tx: Db, ctx: ActionContext, pumpId: string, params: IssueParams) {
  await revokeLiveLinks(tx, params.externalId);
  const token = generateOnboardingToken();
  const expiresAt = new Date(Date.now() + getEnv().onboarding.linkTtlDays * DAY);
  const [row] = await tx
    .insert(onboardings)
    .values({ ...params, token, expiresAt, issuedById: ctx.actor.id })
    .returning({ id: onboardings.id });
  const link = onboardingLink({
    pumpId,
    roleType: params.roleType,
    region: params.region,
    externalId: params.externalId,
    token,
    principalArn: await pumpPrincipalArn(tx, params.tenantId),
  });
  return { onboardingId: row!.id, link, expiresAt: expiresAt.toISOString() };
}

/**
 * Issues a quick-create link. A known account keeps its own External ID (one per account, immutable); a new
 * account gets its row now, in state "link issued", with a freshly generated one; with no account ID, the ID is
 * generated for the account the customer will deploy into and the callback creates the account.
 */
export async function issueOnboarding(input: IssueOnboardingInput, ctx: ActionContext) {
  return ctx.db.transaction(async (tx) => {
    const [tenant] = await tx
      .select({ id: tenants.id, pumpId: tenants.pumpId })
      .from(tenants)
      .where(eq(tenants.id, input.tenantId))
      .for("update");
    if (!tenant) throw new DomainError("That tenant no longer exists.");
    let awsAccountId: string | null = null;
    let externalId = generateExternalId();
    if (input.accountId) {
      const [account] = await tx
        .select({
          id: awsAccounts.id,
          tenantId: awsAccounts.tenantId,
          externalId: awsAccounts.externalId,
          owner: tenants.pumpId,
        })
        .from(awsAccounts)
        .innerJoin(tenants, eq(tenants.id, awsAccounts.tenantId))
        .where(eq(awsAccounts.accountId, input.accountId))
        .for("update");
      if (account && account.tenantId !== tenant.id) {
        throw new DomainError(`AWS account ${input.accountId} belongs to ${account.owner}.`, {
          accountId: [`AWS account ${input.accountId} already belongs to ${account.owner}.`],
        });
      }
      if (account) {
        awsAccountId = account.id;
        externalId = account.externalId;
      } else {
        const [created] = await tx
          .insert(awsAccounts)
          .values({
            tenantId: tenant.id,
            accountId: input.accountId,
            name: `account ${input.accountId}`,
            roleType: input.roleType,
            externalId,
            onboardingState: "link_issued",
          })
          .returning({ id: awsAccounts.id });
        awsAccountId = created!.id;
        await tx
          .update(tenants)
          .set({ accountsCount: sql`${tenants.accountsCount} + 1`, lastActivityAt: new Date() })
          .where(eq(tenants.id, tenant.id));
      }
    }
    const issued = await insertOnboarding(tx, ctx, tenant.pumpId, {
      tenantId: tenant.id,
      awsAccountId,
      expectedAccountId: input.accountId ?? null,
      roleType: input.roleType,
      region: input.region,
      isFinalStep: input.isFinalStep,
      externalId,
    });
    await ctx.audit(tx, {
      targetType: "onboarding",
      targetId: issued.onboardingId,
      after: {
        pumpId: tenant.pumpId,
        accountId: input.accountId ?? null,
        roleType: input.roleType,
        region: input.region,
        isFinalStep: input.isFinalStep,
        expiresAt: issued.expiresAt,
      },
    });
    return issued;
  });
}
