import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { onboardings, tenants } from "@/db/schema";
import type { ActionContext } from "@/lib/auth/action";
import { DomainError } from "@/lib/errors";
import { insertOnboarding } from "./issue-onboarding";
import { onboardingLink, pumpPrincipalArn } from "./link";
import type { OnboardingRef } from "./schemas";

async function lockOnboarding(tx: Db, onboardingId: string) {
  const [row] = await tx
    .select({ onboarding: onboardings, pumpId: tenants.pumpId })
    .from(onboardings)
    .innerJoin(tenants, eq(tenants.id, onboardings.tenantId))
    .where(eq(onboardings.id, onboardingId))
    .for("update");
  if (!row) throw new DomainError("That onboarding no longer exists.");
  return row;
}

const isLive = (o: { status: string; expiresAt: Date }) => o.status === "issued" && o.expiresAt > new Date();

/** A new link (new token, same account and External ID); the old one stops working in the same transaction. */
export async function reissueOnboarding(input: OnboardingRef, ctx: ActionContext) {
  return ctx.db.transaction(async (tx) => {
    const { onboarding: old, pumpId } = await lockOnboarding(tx, input.onboardingId);
    if (old.status === "verified") throw new DomainError("This onboarding is complete: its role is verified.");
    const issued = await insertOnboarding(tx, ctx, pumpId, {
      tenantId: old.tenantId,
      awsAccountId: old.awsAccountId,
      expectedAccountId: old.expectedAccountId,
      roleType: old.roleType,
      region: old.region,
      isFinalStep: old.isFinalStep,
      externalId: old.externalId,
    });
    await ctx.audit(tx, {
      targetType: "onboarding",
      targetId: issued.onboardingId,
      before: { replaces: old.id, status: old.status },
      after: { status: "issued", expiresAt: issued.expiresAt },
    });
    return issued;
  });
}

export async function revokeOnboarding(input: OnboardingRef, ctx: ActionContext) {
  return ctx.db.transaction(async (tx) => {
    const { onboarding } = await lockOnboarding(tx, input.onboardingId);
    if (onboarding.status !== "issued") throw new DomainError(`This link is already ${onboarding.status}.`);
    await tx.update(onboardings).set({ status: "revoked" }).where(eq(onboardings.id, onboarding.id));
    await ctx.audit(tx, {
      targetType: "onboarding",
      targetId: onboarding.id,
      before: { status: "issued" },
      after: { status: "revoked" },
    });
    return { onboardingId: onboarding.id };
  });
}

/** The live link again, for copying into a ticket. It carries the External ID and token, so it is audited. */
export async function showOnboardingLink(input: OnboardingRef, ctx: ActionContext) {
  return ctx.db.transaction(async (tx) => {
    const { onboarding, pumpId } = await lockOnboarding(tx, input.onboardingId);
    if (!isLive(onboarding)) throw new DomainError("This link is no longer live. Re-issue it to get a new one.");
    await ctx.audit(tx, { targetType: "onboarding", targetId: onboarding.id });
    return {
      link: onboardingLink({
        pumpId,
        roleType: onboarding.roleType,
        region: onboarding.region,
        externalId: onboarding.externalId,
        token: onboarding.token,
        principalArn: await pumpPrincipalArn(tx, onboarding.tenantId),
      }),
    };
  });
}
