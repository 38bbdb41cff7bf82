import "server-only";
import type { AwsGateway, AwsSession } from "@/lib/aws";
import { isAwsDomainError } from "@/lib/aws/errors";
import { assumeCustomerRole, type StaffRef } from "@/lib/aws/role-chain";

export type RoleCheck =
  { state: "verified" } | { state: "unprotected"; error: string } | { state: "failed"; error: string };

type Params = {
  operatorRoleArn: string;
  roleArn: string;
  accountId: string;
  externalId: string;
  staff: StaffRef;
  /** IAM is eventually consistent: a role created seconds ago may refuse at first. Delays between attempts. */
  retryDelaysMs?: number[];
};

const plain = (error: unknown) =>
  isAwsDomainError(error) ? error.message : "The check could not be completed; the server log has the details.";

/**
 * AWS's own guidance before storing a role ARN: assuming the role WITH the External ID must work and land in the
 * expected account; assuming it WITHOUT the External ID must fail. A role that lets Pump in without it is
 * "unprotected" and never marked verified (the confused-deputy protection would be missing).
 */
export async function checkRole(gateway: AwsGateway, p: Params): Promise<RoleCheck> {
  const attempt = () =>
    assumeCustomerRole(gateway, {
      operatorRoleArn: p.operatorRoleArn,
      customerRoleArn: p.roleArn,
      externalId: p.externalId,
      staff: p.staff,
    });
  let session: AwsSession | undefined;
  let lastError: unknown;
  for (const delay of [0, ...(p.retryDelaysMs ?? [])]) {
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
    try {
      session = await attempt();
      break;
    } catch (error) {
      // Only AccessDenied can be IAM catching up; anything else will not change by waiting.
      if (!(isAwsDomainError(error) && error.code === "access_denied")) return { state: "failed", error: plain(error) };
      lastError = error;
    }
  }
  if (!session) return { state: "failed", error: plain(lastError) };

  try {
    const identity = await gateway.getCallerIdentity(session);
    if (identity.account !== p.accountId) {
      return { state: "failed", error: `The role answered from AWS account ${identity.account}, not ${p.accountId}.` };
    }
  } catch (error) {
    return { state: "failed", error: plain(error) };
  }

  try {
    await assumeCustomerRole(gateway, {
      operatorRoleArn: p.operatorRoleArn,
      customerRoleArn: p.roleArn,
      staff: p.staff,
    });
    return {
      state: "unprotected",
      error:
        "Pump could assume the role WITHOUT the External ID: its trust policy lacks the sts:ExternalId condition. " +
        "Ask the customer to redeploy the role from Pump's template (or add the condition), then verify again.",
    };
  } catch (error) {
    if (isAwsDomainError(error) && error.code === "access_denied") return { state: "verified" };
    return { state: "failed", error: `The check without the External ID could not be completed: ${plain(error)}` };
  }
}
