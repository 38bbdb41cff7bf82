import "server-only";
import { randomBytes } from "node:crypto";
import type { Db } from "@/db/client";
import { getEnv } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import { actingOperatorRoleArn } from "@/lib/tenants/acting-organization";
import { quickCreateUrl } from "./quick-create";

/** A single-use onboarding token: 192 random bits, URL- and CloudFormation-parameter-safe. */
export function generateOnboardingToken(): string {
  return randomBytes(24).toString("base64url");
}

/** The principal the customer's role will trust: the operator role of the organization acting for the tenant. */
export async function pumpPrincipalArn(db: Db, tenantId: string): Promise<string> {
  const arn = await actingOperatorRoleArn(db, { tenantId });
  if (!arn) throw new DomainError("No default Pump organization is configured, so no link can name Pump's principal.");
  return arn;
}

type LinkInput = {
  pumpId: string;
  roleType: "read_only" | "autopilot";
  region: string;
  externalId: string;
  token: string;
  principalArn: string;
};

export function templateUrlFor(roleType: LinkInput["roleType"]) {
  return `${getEnv().onboarding.templateBaseUrl}pump-${roleType === "read_only" ? "read-only" : "autopilot"}.yaml`;
}

/** The quick-create link the customer opens: AWS's console with Pump's template and every parameter filled in. */
export function onboardingLink(input: LinkInput): string {
  return quickCreateUrl({
    region: input.region,
    templateUrl: templateUrlFor(input.roleType),
    stackName: `Pump-${input.pumpId}-${input.roleType === "read_only" ? "ReadOnly" : "Autopilot"}`,
    params: {
      ExternalId: input.externalId,
      PumpId: input.pumpId,
      RoleType: input.roleType,
      PumpPrincipalArn: input.principalArn,
      OnboardingToken: input.token,
    },
  });
}
